//! Tokens: what the lexer produces and the parser consumes.
//!
//! A token is a kind and a span; its text is the source slice under the span.
//! Literal values (numbers, strings) are decoded by the parser from that
//! text, after the lexer has checked that it is well formed. Soft keywords
//! (`match`, `case`, `_`) are plain [`TokenKind::Name`]s.

use super::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

macro_rules! token_kinds {
    ($( $(#[$meta:meta])* $variant:ident => $display:literal, )*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum TokenKind { $( $(#[$meta])* $variant, )* }

        impl TokenKind {
            /// The name shown by `--emit tokens` (CPython's `token` module
            /// names for operators and structure, the keyword itself for keywords).
            pub fn name(self) -> &'static str {
                match self { $( TokenKind::$variant => $display, )* }
            }
        }
    };
}

token_kinds! {
    Name => "NAME",
    Int => "NUMBER",
    Float => "NUMBER",
    Imaginary => "NUMBER",
    /// Any string or bytes literal, including f-strings; the prefix is part of the text.
    String => "STRING",
    Newline => "NEWLINE",
    Indent => "INDENT",
    Dedent => "DEDENT",
    EndOfFile => "ENDMARKER",
    /// The lexer stopped here with an error (see `Lexed::error`).
    Error => "ERRORTOKEN",

    LPar => "LPAR",
    RPar => "RPAR",
    LSqb => "LSQB",
    RSqb => "RSQB",
    LBrace => "LBRACE",
    RBrace => "RBRACE",
    Colon => "COLON",
    Comma => "COMMA",
    Semi => "SEMI",
    Plus => "PLUS",
    Minus => "MINUS",
    Star => "STAR",
    Slash => "SLASH",
    VBar => "VBAR",
    Amper => "AMPER",
    Less => "LESS",
    Greater => "GREATER",
    Equal => "EQUAL",
    Dot => "DOT",
    Percent => "PERCENT",
    EqEqual => "EQEQUAL",
    NotEqual => "NOTEQUAL",
    LessEqual => "LESSEQUAL",
    GreaterEqual => "GREATEREQUAL",
    Tilde => "TILDE",
    CircumFlex => "CIRCUMFLEX",
    LeftShift => "LEFTSHIFT",
    RightShift => "RIGHTSHIFT",
    DoubleStar => "DOUBLESTAR",
    PlusEqual => "PLUSEQUAL",
    MinEqual => "MINEQUAL",
    StarEqual => "STAREQUAL",
    SlashEqual => "SLASHEQUAL",
    PercentEqual => "PERCENTEQUAL",
    AmperEqual => "AMPEREQUAL",
    VBarEqual => "VBAREQUAL",
    CircumflexEqual => "CIRCUMFLEXEQUAL",
    LeftShiftEqual => "LEFTSHIFTEQUAL",
    RightShiftEqual => "RIGHTSHIFTEQUAL",
    DoubleStarEqual => "DOUBLESTAREQUAL",
    DoubleSlash => "DOUBLESLASH",
    DoubleSlashEqual => "DOUBLESLASHEQUAL",
    At => "AT",
    AtEqual => "ATEQUAL",
    RArrow => "RARROW",
    Ellipsis => "ELLIPSIS",
    ColonEqual => "COLONEQUAL",
    /// `!` — only meaningful inside f-string replacement fields.
    Exclamation => "EXCLAMATION",

    False => "False",
    None => "None",
    True => "True",
    And => "and",
    As => "as",
    Assert => "assert",
    Async => "async",
    Await => "await",
    Break => "break",
    Class => "class",
    Continue => "continue",
    Def => "def",
    Del => "del",
    Elif => "elif",
    Else => "else",
    Except => "except",
    Finally => "finally",
    For => "for",
    From => "from",
    Global => "global",
    If => "if",
    Import => "import",
    In => "in",
    Is => "is",
    Lambda => "lambda",
    Nonlocal => "nonlocal",
    Not => "not",
    Or => "or",
    Pass => "pass",
    Raise => "raise",
    Return => "return",
    Try => "try",
    While => "while",
    With => "with",
    Yield => "yield",
}

impl TokenKind {
    /// The keyword spelled `word`, if it is one (soft keywords are not).
    pub fn keyword(word: &str) -> Option<TokenKind> {
        use TokenKind::*;
        // Byte patterns compile to a decision tree on the length and the
        // bytes, with no string comparisons.
        Some(match *word.as_bytes() {
            [b'F', b'a', b'l', b's', b'e'] => False,
            [b'N', b'o', b'n', b'e'] => None,
            [b'T', b'r', b'u', b'e'] => True,
            [b'a', b'n', b'd'] => And,
            [b'a', b's'] => As,
            [b'a', b's', b's', b'e', b'r', b't'] => Assert,
            [b'a', b's', b'y', b'n', b'c'] => Async,
            [b'a', b'w', b'a', b'i', b't'] => Await,
            [b'b', b'r', b'e', b'a', b'k'] => Break,
            [b'c', b'l', b'a', b's', b's'] => Class,
            [b'c', b'o', b'n', b't', b'i', b'n', b'u', b'e'] => Continue,
            [b'd', b'e', b'f'] => Def,
            [b'd', b'e', b'l'] => Del,
            [b'e', b'l', b'i', b'f'] => Elif,
            [b'e', b'l', b's', b'e'] => Else,
            [b'e', b'x', b'c', b'e', b'p', b't'] => Except,
            [b'f', b'i', b'n', b'a', b'l', b'l', b'y'] => Finally,
            [b'f', b'o', b'r'] => For,
            [b'f', b'r', b'o', b'm'] => From,
            [b'g', b'l', b'o', b'b', b'a', b'l'] => Global,
            [b'i', b'f'] => If,
            [b'i', b'm', b'p', b'o', b'r', b't'] => Import,
            [b'i', b'n'] => In,
            [b'i', b's'] => Is,
            [b'l', b'a', b'm', b'b', b'd', b'a'] => Lambda,
            [b'n', b'o', b'n', b'l', b'o', b'c', b'a', b'l'] => Nonlocal,
            [b'n', b'o', b't'] => Not,
            [b'o', b'r'] => Or,
            [b'p', b'a', b's', b's'] => Pass,
            [b'r', b'a', b'i', b's', b'e'] => Raise,
            [b'r', b'e', b't', b'u', b'r', b'n'] => Return,
            [b't', b'r', b'y'] => Try,
            [b'w', b'h', b'i', b'l', b'e'] => While,
            [b'w', b'i', b't', b'h'] => With,
            [b'y', b'i', b'e', b'l', b'd'] => Yield,
            _ => return Option::None,
        })
    }

    pub fn is_keyword(self) -> bool {
        (self as u8) >= (TokenKind::False as u8)
    }

    /// True for operator and delimiter tokens (CPython's `OP`).
    pub fn is_operator(self) -> bool {
        let k = self as u8;
        k >= TokenKind::LPar as u8 && k < TokenKind::False as u8
    }
}

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

/// The lexer's tokens, 8 bytes each instead of a [`Token`]'s 12: a large
/// module has about one token per three bytes of source, and writing the
/// list is a good part of lexing it. A token is stored as its start and one
/// word holding its kind (low 8 bits) and length (high 24 bits); the few
/// tokens of 16 MiB or more (a huge string literal) keep their end in a
/// side table instead. Read tokens back with [`Tokens::get`] or
/// [`Tokens::iter`].
#[derive(Clone, Default)]
pub struct Tokens {
    packed: Vec<PackedToken>,
    /// The start and end of every token whose length does not fit, in
    /// source order (no two start at the same offset).
    long: Vec<(u32, u32)>,
}

/// One token as [`Tokens`] stores it: the parser keeps the current token
/// in this form and decodes only the parts it looks at.
#[derive(Clone, Copy)]
pub struct PackedToken {
    start: u32,
    kind_len: u32,
}

/// The length field's value for a token whose end is in the side table.
const LONG: u32 = (1 << 24) - 1;

impl PackedToken {
    #[inline(always)]
    pub fn kind(self) -> TokenKind {
        // SAFETY: the low byte was written from a `TokenKind` (`repr(u8)`)
        // by `Tokens::push`.
        unsafe { std::mem::transmute::<u8, TokenKind>(self.kind_len as u8) }
    }
}

impl Tokens {
    pub fn with_capacity(capacity: usize) -> Tokens {
        Tokens {
            packed: Vec::with_capacity(capacity),
            long: Vec::new(),
        }
    }

    #[inline(always)]
    pub fn push(&mut self, token: Token) {
        // Wrapping: a span that ended before it started (none should) would
        // go to the side table and still read back as it was pushed.
        let len = token.span.end.wrapping_sub(token.span.start);
        let stored = if len < LONG {
            len
        } else {
            self.long.push((token.span.start, token.span.end));
            LONG
        };
        self.packed.push(PackedToken {
            start: token.span.start,
            kind_len: stored << 8 | token.kind as u32,
        });
    }

    pub fn len(&self) -> usize {
        self.packed.len()
    }

    pub fn is_empty(&self) -> bool {
        self.packed.is_empty()
    }

    /// The token at `index` (which must be less than `len`), packed.
    #[inline(always)]
    pub fn packed(&self, index: usize) -> PackedToken {
        self.packed[index]
    }

    /// The span of `token`, one of these tokens.
    #[inline(always)]
    pub fn span(&self, token: PackedToken) -> Span {
        let len = token.kind_len >> 8;
        let end = if len == LONG {
            self.long_end(token.start)
        } else {
            token.start + len
        };
        Span::new(token.start, end)
    }

    #[cold]
    fn long_end(&self, start: u32) -> u32 {
        let at = self.long.partition_point(|&(s, _)| s < start);
        self.long[at].1
    }

    /// `token`, one of these tokens, unpacked.
    #[inline(always)]
    pub fn unpack(&self, token: PackedToken) -> Token {
        Token {
            kind: token.kind(),
            span: self.span(token),
        }
    }

    /// The token at `index` (which must be less than `len`).
    #[inline(always)]
    pub fn get(&self, index: usize) -> Token {
        self.unpack(self.packed(index))
    }

    pub fn last(&self) -> Option<Token> {
        self.len().checked_sub(1).map(|i| self.get(i))
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Token> + ExactSizeIterator + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The index of the first token that starts at or after `offset`
    /// (tokens are in source order).
    pub fn first_starting_at(&self, offset: u32) -> usize {
        self.packed.partition_point(|t| t.start < offset)
    }

    pub fn to_vec(&self) -> Vec<Token> {
        self.iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_read_back_as_pushed() {
        assert_eq!(std::mem::size_of::<PackedToken>(), 8);
        let pushed = [
            (TokenKind::Name, 0, 3),
            (TokenKind::String, 4, 4 + LONG),
            (TokenKind::Yield, 4 + LONG, 9 + LONG),
            (TokenKind::String, 10 + LONG, 10 + 3 * LONG),
            (TokenKind::EndOfFile, u32::MAX, u32::MAX),
        ]
        .map(|(kind, start, end)| Token {
            kind,
            span: Span::new(start, end),
        });
        let mut tokens = Tokens::with_capacity(1);
        for token in pushed {
            tokens.push(token);
        }
        assert_eq!(tokens.to_vec(), pushed);
        assert_eq!(tokens.long.len(), 2);
        assert_eq!(tokens.last(), Some(pushed[4]));
        assert_eq!(tokens.packed(3).kind(), TokenKind::String);
        assert_eq!(tokens.span(tokens.packed(3)), pushed[3].span);
        assert_eq!(tokens.first_starting_at(5), 2);
    }
}

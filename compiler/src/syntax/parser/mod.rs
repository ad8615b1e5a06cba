//! The parser: tokens to AST, following Python 3.11's grammar.
//!
//! A hand-written recursive-descent parser over the lexer's token vector, split
//! by construct: [`statement`], [`expression`], [`arguments`] (parameters and
//! call arguments), [`pattern`] (match patterns), [`targets`] (assignment and
//! deletion targets) and [`strings`] (literal concatenation and f-strings).
//!
//! Backtracking is a reset of the token index, used only where Python's PEG
//! grammar needs it (the `match` soft keyword). The first error ends parsing,
//! as in CPython. A generic `invalid syntax` loses to a lexer error anywhere
//! later in the file (CPython re-tokenizes the rest of the file for the same
//! reason), which is how an unclosed bracket is reported as
//! `'(' was never closed` rather than at the token after it. Nesting depth is
//! limited so that no input overflows the stack.

mod arguments;
mod expression;
mod pattern;
mod statement;
mod strings;
mod targets;

use super::ast::{Expr, Ident, Keyword, Module, Name, NodeId, Stmt};
use super::error::{SyntaxError, SyntaxErrorKind};
use super::lexer::{lex, lex_fragment, Lexed};
use super::span::Span;
use super::token::{PackedToken, Token, TokenKind, Tokens};
use unicode_normalization::UnicodeNormalization;

/// A parse error, boxed: `Result<Expr, Box<SyntaxError>>` is no larger than
/// an `Expr` (the error's variant takes a niche of the expression's), so
/// results pass up the grammar's levels without being copied into a wider
/// layout and back. Errors are rare; the box costs nothing on success.
type ParseError = Box<SyntaxError>;

type PResult<T> = Result<T, ParseError>;

/// Deepest nesting of the AST before `expression nested too deeply`. It
/// bounds the recursion of every later stage that walks the tree (CPython
/// itself gives up with a RecursionError between 2,000 and 3,000 levels).
/// Left-nested chains (`a+b+c`, `a.b.c`) are built in loops and counted with
/// [`Parser::check_chain`]. Brackets are limited to 200 levels by the lexer.
pub const MAX_DEPTH: u32 = 2500;

/// Parses a whole module.
pub fn parse_module(source: &str) -> Result<Module, SyntaxError> {
    let lexed = lex(source);
    let mut parser = Parser::new(source, lexed, 0);
    parser.parse_module().map_err(|error| *error)
}

/// Scratch stacks for lists whose length is unknown until they end (call
/// arguments, tuple elements, statement bodies): a list under construction
/// sits on top of its stack, above any enclosing list's elements, and is
/// moved into an exact-size `Vec` when it ends. Growing each `Vec` in place
/// instead would allocate room for four elements for every one- or
/// two-element list, and most lists are that short.
///
/// A parse function that succeeds leaves the stacks as it found them; one
/// that fails may leave elements behind, which [`Parser::backtrack`] drops.
#[derive(Default)]
struct Scratch {
    exprs: Vec<Expr>,
    stmts: Vec<Stmt>,
    keywords: Vec<Keyword>,
}

/// The elements of `stack` from `base` on, moved (one `memcpy`) into a
/// `Vec` of exactly their number; `stack` keeps its buffer.
fn take_from<T>(stack: &mut Vec<T>, base: usize) -> Vec<T> {
    if base == 0 {
        // `split_off(0)` would hand over the stack's whole buffer.
        let mut list = Vec::with_capacity(stack.len());
        list.append(stack);
        list
    } else {
        stack.split_off(base)
    }
}

/// The number of `\n` bytes in `text`, counted in short chunks so that the
/// compiler can count many bytes at once.
fn count_newlines(text: &str) -> usize {
    text.as_bytes()
        .chunks(255)
        .map(|chunk| usize::from(chunk.iter().fold(0u8, |n, &b| n + u8::from(b == b'\n'))))
        .sum()
}

/// A position to backtrack to: the token index and the scratch stacks' heights.
#[derive(Clone, Copy)]
struct Checkpoint {
    pos: usize,
    exprs: usize,
    stmts: usize,
    keywords: usize,
}

pub(crate) struct Parser<'src> {
    source: &'src str,
    tokens: Tokens,
    lex_error: Option<SyntaxError>,
    pos: usize,
    /// `tokens.packed(pos)`, read on every look at the current token
    /// (decoded only as far as each look needs).
    current: PackedToken,
    next_node_id: u32,
    depth: u32,
    scratch: Scratch,
}

impl<'src> Parser<'src> {
    fn new(source: &'src str, lexed: Lexed, next_node_id: u32) -> Self {
        let mut tokens = lexed.tokens;
        if tokens.is_empty() {
            let end = source.len() as u32;
            tokens.push(Token {
                kind: TokenKind::EndOfFile,
                span: Span::at(end),
            });
        }
        let current = tokens.packed(0);
        Parser {
            source,
            tokens,
            lex_error: lexed.error,
            pos: 0,
            current,
            next_node_id,
            depth: 0,
            scratch: Scratch::default(),
        }
    }

    fn parse_module(&mut self) -> PResult<Module> {
        // The module's statements stay on the statement stack to the end.
        // Nearly every statement ends a line, so reserving one slot per
        // line avoids regrowing (copying) a large module's stack; the
        // unused tail is never touched.
        self.scratch.stmts.reserve(count_newlines(self.source) + 1);
        while self.peek() != TokenKind::EndOfFile {
            let before = self.pos;
            if self.eat(TokenKind::Newline) {
                continue;
            }
            self.parse_statement()?;
            self.assert_progress(before)?;
        }
        // The module's statements are all that is left on the stack: take
        // it whole rather than copying it.
        Ok(Module {
            body: std::mem::take(&mut self.scratch.stmts),
            span: Span::new(0, self.source.len() as u32),
        })
    }

    // ---- node ids ----

    fn new_node_id(&mut self) -> NodeId {
        let id = NodeId(self.next_node_id);
        self.next_node_id += 1;
        id
    }

    // ---- scratch stacks and backtracking ----

    /// Where `take_exprs` will start the list about to be pushed.
    fn exprs_base(&self) -> usize {
        self.scratch.exprs.len()
    }

    fn push_expr(&mut self, expr: Expr) {
        self.scratch.exprs.push(expr);
    }

    /// The expressions pushed since `base`, as an exact-size list.
    fn take_exprs(&mut self, base: usize) -> Vec<Expr> {
        take_from(&mut self.scratch.exprs, base)
    }

    fn stmts_base(&self) -> usize {
        self.scratch.stmts.len()
    }

    fn push_stmt(&mut self, stmt: Stmt) {
        self.scratch.stmts.push(stmt);
    }

    fn take_stmts(&mut self, base: usize) -> Vec<Stmt> {
        take_from(&mut self.scratch.stmts, base)
    }

    fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            pos: self.pos,
            exprs: self.scratch.exprs.len(),
            stmts: self.scratch.stmts.len(),
            keywords: self.scratch.keywords.len(),
        }
    }

    /// Returns to `checkpoint`, dropping whatever a failed parse left on
    /// the scratch stacks since.
    fn backtrack(&mut self, checkpoint: Checkpoint) {
        self.pos = checkpoint.pos;
        self.current = self.tokens.packed(self.pos);
        self.scratch.exprs.truncate(checkpoint.exprs);
        self.scratch.stmts.truncate(checkpoint.stmts);
        self.scratch.keywords.truncate(checkpoint.keywords);
    }

    // ---- token cursor ----

    fn token(&self) -> Token {
        self.tokens.unpack(self.current)
    }

    fn peek(&self) -> TokenKind {
        self.current.kind()
    }

    fn peek_nth(&self, n: usize) -> TokenKind {
        let i = (self.pos + n).min(self.tokens.len() - 1);
        self.tokens.packed(i).kind()
    }

    fn span(&self) -> Span {
        self.tokens.span(self.current)
    }

    /// The span of the most recently consumed token.
    fn prev_span(&self) -> Span {
        if self.pos == 0 {
            Span::at(0)
        } else {
            self.tokens.get(self.pos - 1).span
        }
    }

    fn text(&self, span: Span) -> &'src str {
        self.source.get(span.range()).unwrap_or("")
    }

    fn at(&self, kind: TokenKind) -> bool {
        self.peek() == kind
    }

    /// True when the current token is the name `word` (a soft keyword).
    fn at_soft_keyword(&self, word: &str) -> bool {
        self.at(TokenKind::Name)
            && self.source.as_bytes().get(self.span().range()) == Some(word.as_bytes())
    }

    fn bump(&mut self) -> Token {
        let tok = self.token();
        if self.pos + 1 < self.tokens.len() {
            self.pos += 1;
            self.current = self.tokens.packed(self.pos);
        }
        tok
    }

    fn eat(&mut self, kind: TokenKind) -> bool {
        if self.at(kind) {
            self.bump();
            true
        } else {
            false
        }
    }

    /// Consumes `kind` or fails with `expected 'what'` placed right after the
    /// previous token (as CPython places it).
    fn expect(&mut self, kind: TokenKind, what: &'static str) -> PResult<Token> {
        if self.at(kind) {
            Ok(self.bump())
        } else {
            Err(self.expected(what))
        }
    }

    fn expected(&self, what: &'static str) -> ParseError {
        if let Some(err) = self.lex_error_here() {
            return err;
        }
        let at = Span::at(self.prev_span().end);
        Box::new(SyntaxError::new(SyntaxErrorKind::Expected { what }, at))
    }

    /// The identifier under `tok`, NFKC-normalised as CPython does.
    fn ident(&self, tok: Token) -> Ident {
        let start = tok.span.start as usize;
        let window = self.source.as_bytes().get(start..start + Name::INLINE);
        let inline = window
            .and_then(|window| window.try_into().ok())
            .and_then(|window| Name::from_ascii_window(window, tok.span.len() as usize));
        let name = inline.unwrap_or_else(|| {
            // Long, non-ASCII, or within a name's length of the end.
            let text = self.text(tok.span);
            if text.is_ascii() {
                Name::new(text)
            } else {
                Name::from(text.nfkc().collect::<String>())
            }
        });
        Ident {
            name,
            span: tok.span,
        }
    }

    /// Consumes a NAME token (soft keywords included).
    #[inline]
    fn expect_ident(&mut self) -> PResult<Ident> {
        if self.at(TokenKind::Name) {
            let tok = self.bump();
            Ok(self.ident(tok))
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// The constant of a NUMBER token. Like CPython 3.11, a decimal integer
    /// literal of more than 4300 digits is a SyntaxError (the int/str
    /// conversion limit), while hexadecimal, octal and binary ones are not.
    fn number(&self, tok: Token) -> PResult<super::ast::Constant> {
        const MAX_DECIMAL_DIGITS: usize = 4300;
        let text = self.text(tok.span);
        if tok.kind == TokenKind::Int && text.len() > MAX_DECIMAL_DIGITS {
            let prefixed = text.len() > 1
                && text.as_bytes()[0] == b'0'
                && matches!(text.as_bytes()[1], b'x' | b'X' | b'o' | b'O' | b'b' | b'B');
            let digits = text.bytes().filter(u8::is_ascii_digit).count();
            if !prefixed && digits > MAX_DECIMAL_DIGITS {
                return Err(self.error(SyntaxErrorKind::IntegerLiteralTooLong { digits }, tok.span));
            }
        }
        Ok(super::literals::parse_number(text))
    }

    // ---- errors ----

    /// The lexer's error when the parser has reached the lexer's error token.
    fn lex_error_here(&self) -> Option<ParseError> {
        if self.at(TokenKind::Error) {
            self.lex_error.clone().map(Box::new)
        } else {
            None
        }
    }

    /// A generic `invalid syntax` at the current token; a lexer error anywhere
    /// in the file takes precedence (see the module doc).
    fn invalid_syntax(&self) -> ParseError {
        self.generic_error(SyntaxErrorKind::InvalidSyntax, self.span())
    }

    fn generic_error(&self, kind: SyntaxErrorKind, span: Span) -> ParseError {
        if let Some(err) = &self.lex_error {
            return Box::new(err.clone());
        }
        if self.at(TokenKind::EndOfFile) && span.start >= self.span().start {
            return Box::new(SyntaxError::new(kind, self.end_of_last_line()));
        }
        Box::new(SyntaxError::new(kind, span))
    }

    /// Where CPython reports a premature end of input: the end of the last
    /// line with tokens (before its newline), not the start of the next line.
    fn end_of_last_line(&self) -> Span {
        let last = (0..self.pos)
            .rev()
            .map(|i| self.tokens.get(i))
            .find(|t| !matches!(t.kind, TokenKind::Indent | TokenKind::Dedent));
        match last {
            Some(t) if t.kind == TokenKind::Newline => Span::at(t.span.start),
            Some(t) => Span::at(t.span.end),
            None => Span::at(0),
        }
    }

    fn error(&self, kind: SyntaxErrorKind, span: Span) -> ParseError {
        Box::new(SyntaxError::new(kind, span))
    }

    /// Guards every parse loop: each iteration must consume a token.
    fn assert_progress(&self, before: usize) -> PResult<()> {
        if self.pos > before {
            Ok(())
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// Enters one level of nesting; fails past [`MAX_DEPTH`].
    #[inline]
    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        Ok(())
    }

    /// Fails when a left-nested chain of `length` links at the current depth
    /// would exceed [`MAX_DEPTH`].
    #[inline]
    fn check_chain(&self, length: u32) -> PResult<()> {
        if self.depth + length > MAX_DEPTH {
            return Err(self.too_deep());
        }
        Ok(())
    }

    /// Out of line, so that the checks above stay small enough to inline
    /// into every level of the grammar.
    #[cold]
    #[inline(never)]
    fn too_deep(&self) -> ParseError {
        self.error(SyntaxErrorKind::ExpressionTooDeep, self.span())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Parses the expression text at `range` (an f-string field) with a fresh
    /// parser that shares this one's node-id counter.
    fn parse_fragment<T>(
        &mut self,
        range: Span,
        f: impl FnOnce(&mut Parser<'src>) -> PResult<T>,
    ) -> PResult<T> {
        let lexed = lex_fragment(self.source, range);
        let mut sub = Parser::new(self.source, lexed, self.next_node_id);
        sub.depth = self.depth;
        // The fragment's lists go on top of this parser's stacks.
        sub.scratch = std::mem::take(&mut self.scratch);
        let result = f(&mut sub);
        self.scratch = std::mem::take(&mut sub.scratch);
        self.next_node_id = sub.next_node_id;
        let value = result?;
        if !sub.at(TokenKind::EndOfFile) {
            return Err(sub.invalid_syntax());
        }
        Ok(value)
    }
}

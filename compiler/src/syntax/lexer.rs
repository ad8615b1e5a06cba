//! The lexer: Python 3.11 source text to tokens.
//!
//! This follows CPython 3.11's tokenizer (`Parser/tokenizer.c`) closely: the
//! same indentation rules (tabs to multiples of 8, checked against a tab size
//! of 1 for consistency), implicit line joining inside brackets, backslash
//! continuations, the same number grammar and the same error messages and
//! positions. It works on bytes with ASCII fast paths and allocates nothing
//! per token.
//!
//! Output: every logical line ends in a `Newline` token (the newline
//! character, or an empty span at the end of the file); blank and
//! comment-only lines produce nothing; `Indent`/`Dedent` are empty spans at
//! the first token of a line; at the end come the pending `Dedent`s and an
//! empty `EndOfFile`. On an error the lexer stops and the last token is an
//! `Error` token whose span is the error's span, so that the parser reports
//! it only when it gets there (an earlier parse error wins).
//!
//! Deviations from CPython, all deliberate:
//! * the lexer stops at the first error; CPython's parser re-tokenizes the
//!   rest of the file after a generic syntax error to look for a tokenizer
//!   error, which krait's parser may or may not do;
//! * `!` alone is an `Exclamation` token (CPython 3.11 has no such token; the
//!   parser rejects it outside f-strings);
//! * `$`, `?` and `` ` `` stop the lexer with CPython's `invalid syntax` at
//!   that character, and so does `<>` (CPython lexes it as `!=` and rejects it
//!   in the parser, at the same place);
//! * a coding cookie naming anything but UTF-8 is an error: krait reads only
//!   UTF-8;
//! * a lone `\r` ends a line as in CPython, but line numbers (as computed by
//!   [`LineIndex`](super::span::LineIndex)) count only `\n`;
//! * identifiers are checked against the Unicode version of the
//!   `unicode-ident` crate, not CPython 3.11's Unicode 14.

use super::error::{NumberBase, SyntaxError, SyntaxErrorKind};
use super::span::Span;
use super::token::{Token, TokenKind, Tokens};
use krait_runtime::types::string::printable::is_printable;

/// The lexer's output: tokens ending in `EndOfFile`, or in an `Error` token
/// whose error is `error`.
pub struct Lexed {
    pub tokens: Tokens,
    pub error: Option<SyntaxError>,
}

/// Lexes a whole module.
pub fn lex(source: &str) -> Lexed {
    let mut lexer = Lexer::new(source, 0, source.len(), false);
    let result = lexer.module();
    lexer.finish(result)
}

/// Lexes `source[range]` as the inside of a bracket (an f-string replacement
/// field's expression): no NEWLINE/INDENT/DEDENT, spans relative to `source`,
/// ending in `EndOfFile` (or `Error`).
pub fn lex_fragment(source: &str, range: Span) -> Lexed {
    let end = (range.end as usize).min(source.len());
    let start = (range.start as usize).min(end);
    let mut lexer = Lexer::new(source, start, end, true);
    let result = lexer.run();
    lexer.finish(result)
}

/// CPython's `MAXLEVEL`: brackets nest at most this deep.
const MAX_PAREN_LEVEL: usize = 200;
/// CPython's `MAXINDENT`: at most `MAX_INDENT - 1` indentation levels.
const MAX_INDENT: usize = 100;
const TAB_SIZE: usize = 8;

/// Bytes that may continue an identifier: ASCII letters, digits, `_`, and
/// every non-ASCII byte (checked properly when an identifier has any).
static IDENT_CONTINUE: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        table[i] = c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
        i += 1;
    }
    table
};

/// The ASCII bytes of `IDENT_CONTINUE`.
static IDENT_CONTINUE_ASCII: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 128 {
        table[i] = IDENT_CONTINUE[i];
        i += 1;
    }
    table
};

/// Bytes with no special meaning inside a single-quoted string.
static STRING_PLAIN: [bool; 256] = {
    let mut table = [true; 256];
    table[b'\'' as usize] = false;
    table[b'"' as usize] = false;
    table[b'\\' as usize] = false;
    table[b'\n' as usize] = false;
    table[b'\r' as usize] = false;
    table
};

struct Lexer<'a> {
    source: &'a str,
    /// The bytes being lexed: the source up to the end of the range (or up
    /// to the line holding the first NUL byte).
    b: &'a [u8],
    /// Where lexing started (0, or a fragment's start).
    begin: usize,
    pos: usize,
    tokens: Tokens,
    /// Indentation stack: (column with tabs to 8, column with tabs to 1).
    indents: Vec<(usize, usize)>,
    /// Open brackets: the bracket byte and its offset.
    parens: Vec<(u8, u32)>,
    /// Lexing an f-string expression: always inside a (virtual) bracket.
    fragment: bool,
    at_bol: bool,
    /// The current line is blank or comment-only.
    blank: bool,
    /// The first NUL byte: lexing stops at the start of its line.
    nul: Option<usize>,
}

fn error(kind: SyntaxErrorKind, start: usize, end: usize) -> SyntaxError {
    SyntaxError::new(kind, Span::new(start as u32, end as u32))
}

/// The length of the UTF-8 sequence whose first byte is `b`.
fn utf8_len(b: u8) -> usize {
    match b {
        0..=0x7f => 1,
        0xf0..=0xff => 4,
        0xe0..=0xef => 3,
        _ => 2,
    }
}

impl<'a> Lexer<'a> {
    fn new(source: &'a str, begin: usize, end: usize, fragment: bool) -> Self {
        let bytes = source.as_bytes();
        let range = bytes.get(begin..end).unwrap_or_default();
        // `contains` scans a word at a time; `position` a byte at a time.
        let nul = if range.contains(&0) {
            range.iter().position(|&c| c == 0).map(|i| begin + i)
        } else {
            None
        };
        let end = match nul {
            Some(n) => {
                let line_start = bytes[begin..n]
                    .iter()
                    .rposition(|&c| c == b'\n' || c == b'\r')
                    .map_or(begin, |i| begin + i + 1);
                line_start
            }
            None => end,
        };
        Lexer {
            source,
            b: bytes.get(..end).unwrap_or_default(),
            begin,
            pos: begin,
            // Real code has about one token per three bytes: reserving one
            // per two avoids regrowing (copying) the vector, and the unused
            // tail is never touched.
            tokens: Tokens::with_capacity((end - begin) / 2 + 4),
            // A fragment is inside a (virtual) bracket: no indentation.
            indents: if fragment { Vec::new() } else { vec![(0, 0)] },
            parens: Vec::new(),
            fragment,
            at_bol: !fragment,
            blank: false,
            nul,
        }
    }

    fn finish(mut self, result: Result<(), SyntaxError>) -> Lexed {
        match result {
            Ok(()) => Lexed {
                tokens: self.tokens,
                error: None,
            },
            Err(e) => {
                self.tokens.push(Token {
                    kind: TokenKind::Error,
                    span: e.span,
                });
                Lexed {
                    tokens: self.tokens,
                    error: Some(e),
                }
            }
        }
    }

    /// The byte at `i`, or 0 past the end (the lexed bytes hold no NUL).
    #[inline(always)]
    fn at(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(0)
    }

    #[inline(always)]
    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        self.tokens.push(Token {
            kind,
            span: Span::new(start as u32, end as u32),
        });
    }

    fn in_parens(&self) -> bool {
        self.fragment || !self.parens.is_empty()
    }

    /// 1-based line of byte offset `pos` (counting `\n`, as `LineIndex`).
    fn line_of(&self, pos: usize) -> usize {
        let bytes = self.source.as_bytes();
        1 + bytes[..pos.min(bytes.len())]
            .iter()
            .filter(|&&c| c == b'\n')
            .count()
    }

    /// The line CPython reports at the end of the input: the last line, not
    /// the empty one after a final newline.
    fn eof_line(&self) -> usize {
        let end = self.b.len();
        let mut line = self.line_of(end);
        if end > 0 && self.b[end - 1] == b'\n' {
            line -= 1;
        }
        line.max(1)
    }

    /// The offset where the physical line holding `pos` starts.
    fn line_start(&self, pos: usize) -> usize {
        let lo = self.begin.min(pos);
        self.b
            .get(lo..pos.min(self.b.len()))
            .unwrap_or_default()
            .iter()
            .rposition(|&c| c == b'\n' || c == b'\r')
            .map_or(lo, |i| lo + i + 1)
    }

    /// The error for running out of input: the NUL byte that cut the input
    /// short, else `otherwise`.
    fn eof_error(&self, otherwise: SyntaxError) -> SyntaxError {
        match self.nul {
            Some(n) => error(SyntaxErrorKind::NullBytes, n, n + 1),
            None => otherwise,
        }
    }

    /// `'(' was never closed` for the innermost open bracket, if any.
    fn unclosed_bracket(&self) -> Option<SyntaxError> {
        self.parens.last().map(|&(open, at)| {
            let at = at as usize;
            error(
                SyntaxErrorKind::UnclosedBracket { open: open as char },
                at,
                at + 1,
            )
        })
    }

    fn module(&mut self) -> Result<(), SyntaxError> {
        if self.source.len() > u32::MAX as usize {
            return Err(error(
                SyntaxErrorKind::Message("source file is too large"),
                0,
                0,
            ));
        }
        if self.b.starts_with(b"\xEF\xBB\xBF") {
            self.pos = 3;
        }
        check_coding_cookie(self.b, self.pos)?;
        self.run()
    }

    fn run(&mut self) -> Result<(), SyntaxError> {
        loop {
            if self.at_bol {
                self.at_bol = false;
                self.indentation()?;
            }
            while matches!(self.at(self.pos), b' ' | b'\t' | b'\x0c') {
                self.pos += 1;
            }
            let start = self.pos;
            let Some(&c) = self.b.get(start) else {
                return self.end_of_input();
            };
            match c {
                b'a'..=b'z' | b'A'..=b'Z' | b'_' | 0x80..=0xff => self.name_or_string(start)?,
                b'\n' | b'\r' => {
                    let len = if c == b'\r' && self.at(start + 1) == b'\n' {
                        2
                    } else {
                        1
                    };
                    self.pos = start + len;
                    self.at_bol = true;
                    if !self.blank && !self.in_parens() {
                        self.push(TokenKind::Newline, start, start + len);
                    }
                }
                b'0'..=b'9' => self.number(start, start + 1, false)?,
                b'"' | b'\'' => self.string(start, start)?,
                b'#' => {
                    let rest = &self.b[start..];
                    self.pos = start
                        + rest
                            .iter()
                            .position(|&c| c == b'\n' || c == b'\r')
                            .unwrap_or(rest.len());
                }
                b'.' => {
                    if self.at(start + 1).is_ascii_digit() {
                        self.number(start, start + 1, true)?;
                    } else if self.at(start + 1) == b'.' && self.at(start + 2) == b'.' {
                        self.op(TokenKind::Ellipsis, start, 3);
                    } else {
                        self.op(TokenKind::Dot, start, 1);
                    }
                }
                b'\\' => self.continuation(start)?,
                b'(' | b'[' | b'{' => {
                    if self.parens.len() >= MAX_PAREN_LEVEL {
                        return Err(error(SyntaxErrorKind::TooDeeplyNested, start, start + 1));
                    }
                    self.parens.push((c, start as u32));
                    let kind = match c {
                        b'(' => TokenKind::LPar,
                        b'[' => TokenKind::LSqb,
                        _ => TokenKind::LBrace,
                    };
                    self.op(kind, start, 1);
                }
                b')' | b']' | b'}' => {
                    self.close_bracket(c, start)?;
                    let kind = match c {
                        b')' => TokenKind::RPar,
                        b']' => TokenKind::RSqb,
                        _ => TokenKind::RBrace,
                    };
                    self.op(kind, start, 1);
                }
                _ => self.operator(c, start)?,
            }
        }
    }

    #[inline(always)]
    fn op(&mut self, kind: TokenKind, start: usize, len: usize) {
        self.pos = start + len;
        self.push(kind, start, start + len);
    }

    /// Operators and the characters that are no token at all.
    fn operator(&mut self, c: u8, start: usize) -> Result<(), SyntaxError> {
        use TokenKind as T;
        let c2 = self.at(start + 1);
        let c3 = self.at(start + 2);
        let (kind, len) = match (c, c2) {
            (b'=', b'=') => (T::EqEqual, 2),
            (b'=', _) => (T::Equal, 1),
            (b',', _) => (T::Comma, 1),
            (b':', b'=') => (T::ColonEqual, 2),
            (b':', _) => (T::Colon, 1),
            (b';', _) => (T::Semi, 1),
            (b'+', b'=') => (T::PlusEqual, 2),
            (b'+', _) => (T::Plus, 1),
            (b'-', b'=') => (T::MinEqual, 2),
            (b'-', b'>') => (T::RArrow, 2),
            (b'-', _) => (T::Minus, 1),
            (b'*', b'*') if c3 == b'=' => (T::DoubleStarEqual, 3),
            (b'*', b'*') => (T::DoubleStar, 2),
            (b'*', b'=') => (T::StarEqual, 2),
            (b'*', _) => (T::Star, 1),
            (b'/', b'/') if c3 == b'=' => (T::DoubleSlashEqual, 3),
            (b'/', b'/') => (T::DoubleSlash, 2),
            (b'/', b'=') => (T::SlashEqual, 2),
            (b'/', _) => (T::Slash, 1),
            (b'%', b'=') => (T::PercentEqual, 2),
            (b'%', _) => (T::Percent, 1),
            (b'&', b'=') => (T::AmperEqual, 2),
            (b'&', _) => (T::Amper, 1),
            (b'|', b'=') => (T::VBarEqual, 2),
            (b'|', _) => (T::VBar, 1),
            (b'^', b'=') => (T::CircumflexEqual, 2),
            (b'^', _) => (T::CircumFlex, 1),
            (b'@', b'=') => (T::AtEqual, 2),
            (b'@', _) => (T::At, 1),
            (b'~', _) => (T::Tilde, 1),
            (b'!', b'=') => (T::NotEqual, 2),
            (b'!', _) => (T::Exclamation, 1),
            (b'<', b'<') if c3 == b'=' => (T::LeftShiftEqual, 3),
            (b'<', b'<') => (T::LeftShift, 2),
            (b'<', b'=') => (T::LessEqual, 2),
            (b'<', b'>') => {
                // CPython lexes `<>` as NOTEQUAL and rejects it in the parser
                // (outside `from __future__ import barry_as_FLUFL`).
                return Err(error(SyntaxErrorKind::InvalidSyntax, start, start + 2));
            }
            (b'<', _) => (T::Less, 1),
            (b'>', b'>') if c3 == b'=' => (T::RightShiftEqual, 3),
            (b'>', b'>') => (T::RightShift, 2),
            (b'>', b'=') => (T::GreaterEqual, 2),
            (b'>', _) => (T::Greater, 1),
            _ => {
                let kind = if c < 0x20 || c == 0x7f {
                    SyntaxErrorKind::InvalidNonPrintableCharacter { ch: c as char }
                } else {
                    // `$`, `?` and backtick: CPython makes them OP tokens that
                    // no grammar rule accepts.
                    SyntaxErrorKind::InvalidSyntax
                };
                return Err(error(kind, start, start + 1));
            }
        };
        self.op(kind, start, len);
        Ok(())
    }

    fn close_bracket(&mut self, close: u8, at: usize) -> Result<(), SyntaxError> {
        let Some((open, open_at)) = self.parens.pop() else {
            return Err(error(
                SyntaxErrorKind::UnmatchedBracket {
                    close: close as char,
                },
                at,
                at + 1,
            ));
        };
        if matches!((open, close), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
            return Ok(());
        }
        let open_at = open_at as usize;
        let same_line = !self.source.as_bytes()[open_at..at].contains(&b'\n');
        let open_line = if same_line {
            None
        } else {
            Some(self.line_of(open_at))
        };
        let kind = SyntaxErrorKind::MismatchedBracket {
            close: close as char,
            open: open as char,
            open_line,
        };
        Err(error(kind, at, at + 1))
    }

    /// A backslash at `at`: must be followed by a newline; moves past it.
    fn continuation(&mut self, at: usize) -> Result<(), SyntaxError> {
        let after = at + 1;
        let c = self.at(after);
        let len = match c {
            b'\n' => 1,
            b'\r' if self.at(after + 1) == b'\n' => 2,
            b'\r' => 1,
            _ if after >= self.b.len() => 0,
            _ => {
                let end = (after + utf8_len(c)).min(self.b.len());
                return Err(error(
                    SyntaxErrorKind::UnexpectedCharacterAfterContinuation,
                    after,
                    end,
                ));
            }
        };
        self.pos = after + len;
        if self.pos >= self.b.len() {
            let eof = self.unclosed_bracket().unwrap_or_else(|| {
                error(
                    SyntaxErrorKind::UnexpectedEofAfterContinuation,
                    after,
                    after + len,
                )
            });
            return Err(self.eof_error(eof));
        }
        Ok(())
    }

    /// At the start of a line: measures its indentation and emits
    /// INDENT/DEDENT tokens (unless blank, or inside brackets).
    fn indentation(&mut self) -> Result<(), SyntaxError> {
        // Indentation is nearly always spaces alone: count a run of them in
        // a tight loop first (each adds one to both columns), then go on
        // byte by byte for tabs, form feeds and backslashes.
        let spaces = self
            .b
            .get(self.pos..)
            .map_or(0, |rest| rest.iter().take_while(|&&c| c == b' ').count());
        self.pos += spaces;
        let mut col = spaces;
        let mut altcol = spaces;
        let mut cont_col = 0usize;
        loop {
            match self.at(self.pos) {
                b' ' => {
                    col = col.saturating_add(1);
                    altcol = altcol.saturating_add(1);
                }
                b'\t' => {
                    col = (col / TAB_SIZE).saturating_add(1).saturating_mul(TAB_SIZE);
                    altcol = altcol.saturating_add(1);
                }
                b'\x0c' => {
                    col = 0;
                    altcol = 0;
                }
                b'\\' => {
                    // Indentation cannot be split over lines with backslashes:
                    // the column of the first backslash counts.
                    if cont_col == 0 {
                        cont_col = col;
                    }
                    self.continuation(self.pos)?;
                    continue;
                }
                _ => break,
            }
            self.pos += 1;
        }
        let c = self.at(self.pos);
        self.blank = self.pos >= self.b.len() || matches!(c, b'#' | b'\n' | b'\r');
        if self.blank || self.in_parens() {
            return Ok(());
        }
        if cont_col != 0 {
            col = cont_col;
            altcol = cont_col;
        }
        let pos = self.pos;
        let (top, alttop) = self.indents.last().copied().unwrap_or((0, 0));
        if col == top {
            if altcol != alttop {
                return Err(self.tab_error(SyntaxErrorKind::InconsistentTabs));
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                return Err(self.tab_error(SyntaxErrorKind::TooManyIndentationLevels));
            }
            if altcol <= alttop {
                return Err(self.tab_error(SyntaxErrorKind::InconsistentTabs));
            }
            self.indents.push((col, altcol));
            self.push(TokenKind::Indent, pos, pos);
        } else {
            let mut dedents = 0;
            while self.indents.len() > 1 && self.indents.last().is_some_and(|&(c, _)| col < c) {
                self.indents.pop();
                dedents += 1;
            }
            let (top, alttop) = self.indents.last().copied().unwrap_or((0, 0));
            if col != top {
                let rest = &self.b[pos..];
                let eol = pos
                    + rest
                        .iter()
                        .position(|&c| c == b'\n' || c == b'\r')
                        .unwrap_or(rest.len());
                let end = (eol + 1).min(self.b.len());
                return Err(error(SyntaxErrorKind::UnindentMismatch, eol, end));
            }
            if altcol != alttop {
                return Err(self.tab_error(SyntaxErrorKind::InconsistentTabs));
            }
            for _ in 0..dedents {
                self.push(TokenKind::Dedent, pos, pos);
            }
        }
        Ok(())
    }

    /// An indentation error reported at column 0 of the current line.
    fn tab_error(&self, kind: SyntaxErrorKind) -> SyntaxError {
        error(kind, self.line_start(self.pos), self.pos)
    }

    fn end_of_input(&mut self) -> Result<(), SyntaxError> {
        if let Some(e) = self.unclosed_bracket() {
            return Err(self.eof_error(e));
        }
        if let Some(n) = self.nul {
            return Err(error(SyntaxErrorKind::NullBytes, n, n + 1));
        }
        let end = self.b.len();
        if !self.fragment {
            if self
                .tokens
                .last()
                .is_some_and(|t| t.kind != TokenKind::Newline)
            {
                self.push(TokenKind::Newline, end, end);
            }
            for _ in 1..self.indents.len() {
                self.push(TokenKind::Dedent, end, end);
            }
        }
        self.push(TokenKind::EndOfFile, end, end);
        Ok(())
    }

    /// A name, a keyword, or a string with a prefix.
    fn name_or_string(&mut self, start: usize) -> Result<(), SyntaxError> {
        let b = self.b;
        let mut p = start;
        // The legal combinations of b, r, u and f (CPython's state machine).
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        while let Some(&c) = b.get(p) {
            match c {
                b'b' | b'B' if !(saw_b || saw_u || saw_f) => saw_b = true,
                b'u' | b'U' if !(saw_b || saw_u || saw_r || saw_f) => saw_u = true,
                b'r' | b'R' if !(saw_r || saw_u) => saw_r = true,
                b'f' | b'F' if !(saw_f || saw_b || saw_u) => saw_f = true,
                _ => break,
            }
            p += 1;
            if matches!(self.at(p), b'"' | b'\'') {
                return self.string(start, p);
            }
        }
        // ASCII letters, digits and `_` first; a non-ASCII byte sends the
        // rest of the name to the slow path.
        while b.get(p).is_some_and(|&c| IDENT_CONTINUE_ASCII[c as usize]) {
            p += 1;
        }
        let kind = if b.get(p).is_some_and(|&c| c >= 0x80) {
            while b.get(p).is_some_and(|&c| IDENT_CONTINUE[c as usize]) {
                p += 1;
            }
            self.verify_identifier(start, p)?;
            TokenKind::Name
        } else {
            keyword_or_name(self.source.get(start..p).unwrap_or_default())
        };
        self.pos = p;
        self.push(kind, start, p);
        Ok(())
    }

    /// Checks a name holding non-ASCII characters: XID_Start (or `_`) then
    /// XID_Continue, as CPython's `verify_identifier`.
    fn verify_identifier(&self, start: usize, end: usize) -> Result<(), SyntaxError> {
        let text = self.source.get(start..end).unwrap_or_default();
        for (i, ch) in text.char_indices() {
            let ok = if i == 0 {
                ch == '_' || unicode_ident::is_xid_start(ch)
            } else {
                unicode_ident::is_xid_continue(ch)
            };
            if !ok {
                let kind = if is_printable(ch) {
                    SyntaxErrorKind::InvalidCharacter { ch }
                } else {
                    SyntaxErrorKind::InvalidNonPrintableCharacter { ch }
                };
                let at = start + i;
                return Err(error(kind, at, at + ch.len_utf8()));
            }
        }
        Ok(())
    }

    /// A string literal whose prefix starts at `start` and whose opening
    /// quote is at `quote_at`.
    fn string(&mut self, start: usize, quote_at: usize) -> Result<(), SyntaxError> {
        let b = self.b;
        let len = b.len();
        let quote = self.at(quote_at);
        let mut p = quote_at + 1;
        if self.at(p) == quote {
            if self.at(p + 1) != quote {
                // The empty string.
                self.pos = p + 1;
                self.push(TokenKind::String, start, p + 1);
                return Ok(());
            }
            p += 2;
            loop {
                let Some(&c) = b.get(p) else {
                    return Err(self.unterminated(start, quote_at, 3, None));
                };
                if c == quote {
                    p += 1;
                    if self.at(p) == quote && self.at(p + 1) == quote {
                        p += 2;
                        break;
                    }
                } else if c == b'\\' {
                    p += if self.at(p + 1) == b'\r' && self.at(p + 2) == b'\n' {
                        3
                    } else {
                        2
                    };
                } else {
                    p += 1;
                }
            }
        } else {
            loop {
                while p < len && STRING_PLAIN[b[p] as usize] {
                    p += 1;
                }
                let Some(&c) = b.get(p) else {
                    return Err(self.unterminated(start, quote_at, 1, None));
                };
                if c == quote {
                    p += 1;
                    break;
                }
                match c {
                    b'\\' => {
                        p += if self.at(p + 1) == b'\r' && self.at(p + 2) == b'\n' {
                            3
                        } else {
                            2
                        };
                    }
                    b'\n' | b'\r' => return Err(self.unterminated(start, quote_at, 1, Some(p))),
                    _ => p += 1,
                }
            }
        }
        let p = p.min(len);
        self.pos = p;
        self.push(TokenKind::String, start, p);
        Ok(())
    }

    /// An unterminated string: reported at its start, "detected" where the
    /// lexer gave up (`None`: at the end of the input).
    fn unterminated(
        &self,
        start: usize,
        quote_at: usize,
        quote_size: usize,
        detected: Option<usize>,
    ) -> SyntaxError {
        let end = (quote_at + quote_size).min(self.b.len());
        match detected {
            Some(at) => {
                let kind = SyntaxErrorKind::UnterminatedString {
                    detected_at: self.line_of(at),
                };
                error(kind, start, end)
            }
            None => {
                let detected_at = self.eof_line();
                let kind = if quote_size == 3 {
                    SyntaxErrorKind::UnterminatedTripleQuotedString { detected_at }
                } else {
                    SyntaxErrorKind::UnterminatedString { detected_at }
                };
                self.eof_error(error(kind, start, end))
            }
        }
    }

    /// A number starting at `start`; `p` is the index of the next byte to
    /// read (after the first digit, or after the `.` of `.5`).
    ///
    /// This is a transcription of CPython's number scanner, to get the same
    /// errors at the same places. CPython reports most of them at the
    /// character *before* its read position after backing up one character.
    fn number(&mut self, start: usize, p: usize, after_dot: bool) -> Result<(), SyntaxError> {
        let mut p = p;
        let mut is_float = after_dot;
        let first = self.at(start);
        // `c` is the byte at `p`, already "read" (CPython's cur is p + 1).
        let mut c;
        if after_dot {
            // `.5`: the fraction's first digit is at `p`.
            let (q, d) = self.decimal_tail(p + 1)?;
            p = q;
            c = d;
        } else if first == b'0' {
            c = self.at(p);
            match c {
                b'x' | b'X' => return self.radix_number(start, p + 1, NumberBase::Hexadecimal),
                b'o' | b'O' => return self.radix_number(start, p + 1, NumberBase::Octal),
                b'b' | b'B' => return self.radix_number(start, p + 1, NumberBase::Binary),
                _ => {}
            }
            // Only zeros, possibly followed by a float's fraction or exponent.
            let mut nonzero = false;
            loop {
                if c == b'_' {
                    p += 1;
                    c = self.at(p);
                    if !c.is_ascii_digit() {
                        return Err(self.number_error(
                            SyntaxErrorKind::InvalidNumber {
                                base: NumberBase::Decimal,
                            },
                            p - 1,
                        ));
                    }
                }
                if c != b'0' {
                    break;
                }
                p += 1;
                c = self.at(p);
            }
            let zeros_end = p;
            if c.is_ascii_digit() {
                nonzero = true;
                let (q, d) = self.decimal_tail(p + 1)?;
                p = q;
                c = d;
            }
            if c == b'.' || c == b'e' || c == b'E' || c == b'j' || c == b'J' {
                // A float or imaginary literal: leading zeros are fine.
            } else if nonzero {
                let kind = SyntaxErrorKind::LeadingZeros;
                return Err(error(kind, start, zeros_end));
            }
        } else {
            let (q, d) = self.decimal_tail(p)?;
            p = q;
            c = d;
        }
        if c == b'.' && !after_dot {
            is_float = true;
            p += 1;
            c = self.at(p);
            if c.is_ascii_digit() {
                let (q, d) = self.decimal_tail(p + 1)?;
                p = q;
                c = d;
            }
        }
        if c == b'e' || c == b'E' {
            let e_at = p;
            p += 1;
            c = self.at(p);
            if c == b'+' || c == b'-' {
                p += 1;
                c = self.at(p);
                if !c.is_ascii_digit() {
                    return Err(self.number_error(
                        SyntaxErrorKind::InvalidNumber {
                            base: NumberBase::Decimal,
                        },
                        p - 1,
                    ));
                }
            } else if !c.is_ascii_digit() {
                // `1else`: the number ends before the `e`.
                self.verify_end_of_number(
                    e_at,
                    SyntaxErrorKind::InvalidNumber {
                        base: NumberBase::Decimal,
                    },
                )?;
                let kind = if is_float {
                    TokenKind::Float
                } else {
                    TokenKind::Int
                };
                self.pos = e_at;
                self.push(kind, start, e_at);
                return Ok(());
            }
            let (q, d) = self.decimal_tail(p + 1)?;
            p = q;
            c = d;
            is_float = true;
        }
        let kind = if c == b'j' || c == b'J' {
            p += 1;
            self.verify_end_of_number(p, SyntaxErrorKind::InvalidImaginary)?;
            TokenKind::Imaginary
        } else {
            self.verify_end_of_number(
                p,
                SyntaxErrorKind::InvalidNumber {
                    base: NumberBase::Decimal,
                },
            )?;
            if is_float {
                TokenKind::Float
            } else {
                TokenKind::Int
            }
        };
        self.pos = p;
        self.push(kind, start, p);
        Ok(())
    }

    /// Digits and single underscores from `p`; returns the index and value
    /// of the first byte after them.
    fn decimal_tail(&self, mut p: usize) -> Result<(usize, u8), SyntaxError> {
        loop {
            while self.at(p).is_ascii_digit() {
                p += 1;
            }
            if self.at(p) != b'_' {
                return Ok((p, self.at(p)));
            }
            p += 1;
            if !self.at(p).is_ascii_digit() {
                return Err(self.number_error(
                    SyntaxErrorKind::InvalidNumber {
                        base: NumberBase::Decimal,
                    },
                    p - 1,
                ));
            }
        }
    }

    /// `0x`, `0o` and `0b` literals; `p` is just after the base letter.
    fn radix_number(
        &mut self,
        start: usize,
        mut p: usize,
        base: NumberBase,
    ) -> Result<(), SyntaxError> {
        let is_digit = |c: u8| match base {
            NumberBase::Hexadecimal => c.is_ascii_hexdigit(),
            NumberBase::Octal => (b'0'..=b'7').contains(&c),
            _ => c == b'0' || c == b'1',
        };
        let mut c = self.at(p);
        loop {
            if c == b'_' {
                p += 1;
                c = self.at(p);
            }
            if !is_digit(c) {
                if base != NumberBase::Hexadecimal && c.is_ascii_digit() {
                    let kind = SyntaxErrorKind::InvalidDigit {
                        digit: c as char,
                        base,
                    };
                    return Err(self.number_error(kind, p));
                }
                return Err(self.number_error(SyntaxErrorKind::InvalidNumber { base }, p - 1));
            }
            while is_digit(c) {
                p += 1;
                c = self.at(p);
            }
            if c != b'_' {
                break;
            }
        }
        if base != NumberBase::Hexadecimal && c.is_ascii_digit() {
            let kind = SyntaxErrorKind::InvalidDigit {
                digit: c as char,
                base,
            };
            return Err(self.number_error(kind, p));
        }
        self.verify_end_of_number(p, SyntaxErrorKind::InvalidNumber { base })?;
        self.pos = p;
        self.push(TokenKind::Int, start, p);
        Ok(())
    }

    /// CPython's `verify_end_of_number`: a number may not run into a name,
    /// except the keywords that can follow a number in valid code (`1if x
    /// else 2`, for which CPython only warns). `p` is the index of the first
    /// byte after the number.
    fn verify_end_of_number(&self, p: usize, kind: SyntaxErrorKind) -> Result<(), SyntaxError> {
        let c = self.at(p);
        let rest = self.b.get(p + 1..).unwrap_or_default();
        let keyword_follows = match c {
            b'a' => rest.starts_with(b"nd"),
            b'e' => rest.starts_with(b"lse"),
            b'f' => rest.starts_with(b"or"),
            b'i' => matches!(rest.first(), Some(b'f' | b'n' | b's')),
            b'o' => rest.starts_with(b"r"),
            b'n' => rest.starts_with(b"ot"),
            _ => false,
        };
        if !keyword_follows && c < 0x80 && IDENT_CONTINUE[c as usize] {
            return Err(self.number_error(kind, p - 1));
        }
        Ok(())
    }

    /// A number error at the (ASCII) character at `at`.
    fn number_error(&self, kind: SyntaxErrorKind, at: usize) -> SyntaxError {
        error(kind, at, (at + 1).min(self.b.len()).max(at))
    }
}

/// The keyword spelled by `word`, else `Name`.
#[inline]
fn keyword_or_name(word: &str) -> TokenKind {
    let could_be_keyword = (2..=8).contains(&word.len())
        && matches!(word.as_bytes()[0], b'a'..=b'z' | b'F' | b'N' | b'T');
    if could_be_keyword {
        if let Some(kind) = TokenKind::keyword(word) {
            return kind;
        }
    }
    TokenKind::Name
}

/// Checks a coding cookie (PEP 263) on the first two lines: anything but
/// UTF-8 is an error. The second line counts only if the first is blank or
/// a comment.
fn check_coding_cookie(b: &[u8], start: usize) -> Result<(), SyntaxError> {
    let mut line_start = start;
    for _ in 0..2 {
        let rest = b.get(line_start..).unwrap_or_default();
        let line_len = rest
            .iter()
            .position(|&c| c == b'\n' || c == b'\r')
            .unwrap_or(rest.len());
        let line = &rest[..line_len];
        let indent = line
            .iter()
            .take_while(|&&c| matches!(c, b' ' | b'\t' | b'\x0c'))
            .count();
        match line.get(indent) {
            Some(b'#') => {
                if let Some((name_start, name_end)) = coding_spec(line, indent) {
                    let name = &line[name_start..name_end];
                    if is_utf8_name(name) {
                        return Ok(());
                    }
                    let encoding = String::from_utf8_lossy(name).into_owned();
                    return Err(error(
                        SyntaxErrorKind::UnsupportedEncoding { encoding },
                        line_start + name_start,
                        line_start + name_end,
                    ));
                }
            }
            None => {}
            Some(_) => return Ok(()),
        }
        line_start += line_len;
        match b.get(line_start) {
            Some(b'\r') if b.get(line_start + 1) == Some(&b'\n') => line_start += 2,
            Some(_) => line_start += 1,
            None => return Ok(()),
        }
    }
    Ok(())
}

/// The encoding name in a comment line: `coding[:=][ \t]*([-\w.]+)`.
fn coding_spec(line: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut i = from;
    while i + 6 <= line.len() {
        if line[i..].starts_with(b"coding") && matches!(line.get(i + 6), Some(b':' | b'=')) {
            let mut j = i + 7;
            while matches!(line.get(j), Some(b' ' | b'\t')) {
                j += 1;
            }
            let name_start = j;
            while line
                .get(j)
                .is_some_and(|&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
            {
                j += 1;
            }
            if j > name_start {
                return Some((name_start, j));
            }
        }
        i += 1;
    }
    None
}

/// Whether an encoding name means UTF-8 to Python (`utf-8`, `UTF8`,
/// `utf_8`, `utf-8-sig`, ...).
fn is_utf8_name(name: &[u8]) -> bool {
    let normal: Vec<u8> = name
        .iter()
        .map(|&c| {
            if c == b'_' {
                b'-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    matches!(
        normal.as_slice(),
        b"utf-8" | b"utf8" | b"u8" | b"utf" | b"cp65001"
    ) || normal.starts_with(b"utf-8-")
        || normal.starts_with(b"utf8-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::span::LineIndex;

    /// The tokens as `KIND` or `KIND:text`, space-separated.
    fn dump(src: &str) -> String {
        let lexed = lex(src);
        render(src, &lexed)
    }

    fn render(src: &str, lexed: &Lexed) -> String {
        let mut out = Vec::new();
        for t in lexed.tokens.iter() {
            let text = &src[t.span.range()];
            let kind = t.kind.name();
            match t.kind {
                TokenKind::Newline
                | TokenKind::Indent
                | TokenKind::Dedent
                | TokenKind::EndOfFile
                | TokenKind::Error => out.push(kind.to_string()),
                _ if t.kind.is_operator() || t.kind.is_keyword() => out.push(text.to_string()),
                _ => out.push(format!("{kind}:{text}")),
            }
        }
        out.join(" ")
    }

    /// The error as CPython shows it: "Class: message @line:offset", with
    /// offset 1-based as `SyntaxError.offset`.
    fn err(src: &str) -> String {
        let lexed = lex(src);
        let Some(e) = &lexed.error else {
            panic!("no error for {src:?}: {}", render(src, &lexed));
        };
        let last = lexed.tokens.last().unwrap();
        assert_eq!(last.kind, TokenKind::Error);
        assert_eq!(last.span, e.span);
        let (line, col) = LineIndex::new(src).line_col(e.span.start);
        format!("{}: {} @{}:{}", e.kind.class_name(), e.kind, line, col + 1)
    }

    #[track_caller]
    fn ok(src: &str) {
        let lexed = lex(src);
        assert!(lexed.error.is_none(), "{src:?}: {:?}", lexed.error);
    }

    #[test]
    fn simple_statement() {
        assert_eq!(dump("x = 1\n"), "NAME:x = NUMBER:1 NEWLINE ENDMARKER");
        let lexed = lex("x = 1\n");
        let spans: Vec<_> = lexed
            .tokens
            .iter()
            .map(|t| (t.span.start, t.span.end))
            .collect();
        assert_eq!(spans, vec![(0, 1), (2, 3), (4, 5), (5, 6), (6, 6)]);
    }

    #[test]
    fn empty_and_blank_sources() {
        assert_eq!(dump(""), "ENDMARKER");
        assert_eq!(dump("\n\n  \n# comment\n"), "ENDMARKER");
        assert_eq!(dump("   "), "ENDMARKER");
        assert_eq!(dump("# c"), "ENDMARKER");
    }

    #[test]
    fn newline_at_eof_without_final_newline() {
        assert_eq!(dump("x"), "NAME:x NEWLINE ENDMARKER");
        let lexed = lex("x  # c");
        assert_eq!(lexed.tokens.get(1).kind, TokenKind::Newline);
        assert_eq!(lexed.tokens.get(1).span, Span::at(6));
        assert_eq!(lexed.tokens.get(2).span, Span::at(6));
    }

    #[test]
    fn operators() {
        let src = "+ - * / % ** // @ << >> & | ^ ~ < > <= >= == != -> := ... . , ; : = ! \
                   += -= *= /= %= **= //= @= <<= >>= &= |= ^=";
        let lexed = lex(src);
        assert!(lexed.error.is_none());
        let kinds: Vec<_> = lexed.tokens.iter().map(|t| t.kind.name()).collect();
        assert_eq!(
            kinds.join(" "),
            "PLUS MINUS STAR SLASH PERCENT DOUBLESTAR DOUBLESLASH AT LEFTSHIFT RIGHTSHIFT \
             AMPER VBAR CIRCUMFLEX TILDE LESS GREATER LESSEQUAL GREATEREQUAL EQEQUAL NOTEQUAL \
             RARROW COLONEQUAL ELLIPSIS DOT COMMA SEMI COLON EQUAL EXCLAMATION PLUSEQUAL \
             MINEQUAL STAREQUAL SLASHEQUAL PERCENTEQUAL DOUBLESTAREQUAL DOUBLESLASHEQUAL \
             ATEQUAL LEFTSHIFTEQUAL RIGHTSHIFTEQUAL AMPEREQUAL VBAREQUAL CIRCUMFLEXEQUAL \
             NEWLINE ENDMARKER"
        );
        assert_eq!(dump("a..b"), "NAME:a . . NAME:b NEWLINE ENDMARKER");
        assert_eq!(dump("a....b"), "NAME:a ... . NAME:b NEWLINE ENDMARKER");
        assert_eq!(
            dump("x!=y!z"),
            "NAME:x != NAME:y ! NAME:z NEWLINE ENDMARKER"
        );
        assert_eq!(dump("a->b"), "NAME:a -> NAME:b NEWLINE ENDMARKER");
    }

    #[test]
    fn keywords_and_names() {
        let lexed = lex("if not None: async await match case _ True False lambda iff");
        let kinds: Vec<_> = lexed.tokens.iter().map(|t| t.kind).collect();
        use TokenKind as T;
        assert_eq!(
            kinds,
            vec![
                T::If,
                T::Not,
                T::None,
                T::Colon,
                T::Async,
                T::Await,
                T::Name,
                T::Name,
                T::Name,
                T::True,
                T::False,
                T::Lambda,
                T::Name,
                T::Newline,
                T::EndOfFile
            ]
        );
        assert_eq!(
            dump("nonlocal Nonlocal yield_"),
            "nonlocal NAME:Nonlocal NAME:yield_ NEWLINE ENDMARKER"
        );
    }

    #[test]
    fn non_ascii_identifiers() {
        assert_eq!(dump("café = π\n"), "NAME:café = NAME:π NEWLINE ENDMARKER");
        assert_eq!(
            dump("ℕ 𝔘𝔫𝔦 _é a̲\n"),
            "NAME:ℕ NAME:𝔘𝔫𝔦 NAME:_é NAME:a̲ NEWLINE ENDMARKER"
        );
        assert_eq!(dump("ab·c"), "NAME:ab·c NEWLINE ENDMARKER");
    }

    #[test]
    fn indentation() {
        let src = "if x:\n    y\n    if z:\n        w\n\n  # comment\nv\n";
        assert_eq!(
            dump(src),
            "if NAME:x : NEWLINE INDENT NAME:y NEWLINE if NAME:z : NEWLINE INDENT NAME:w NEWLINE \
             DEDENT DEDENT NAME:v NEWLINE ENDMARKER"
        );
        let lexed = lex(src);
        let indent = lexed.tokens.get(4);
        assert_eq!(
            (indent.kind, indent.span),
            (TokenKind::Indent, Span::at(10))
        );
        let dedent = lexed
            .tokens
            .iter()
            .find(|t| t.kind == TokenKind::Dedent)
            .unwrap();
        assert_eq!(dedent.span, Span::at(src.find('v').unwrap() as u32));
    }

    #[test]
    fn dedents_at_eof() {
        assert_eq!(
            dump("if x:\n  if y:\n    z"),
            "if NAME:x : NEWLINE INDENT if NAME:y : NEWLINE INDENT NAME:z NEWLINE DEDENT DEDENT ENDMARKER"
        );
        let src = "if x:\n  y\n";
        let lexed = lex(src);
        let n = lexed.tokens.len();
        assert_eq!(lexed.tokens.get(n - 2).kind, TokenKind::Dedent);
        assert_eq!(lexed.tokens.get(n - 2).span, Span::at(src.len() as u32));
        assert_eq!(lexed.tokens.get(n - 1).span, Span::at(src.len() as u32));
    }

    #[test]
    fn tabs_and_form_feeds() {
        // A tab is the same as 8 spaces and 1 space... only if consistent.
        assert_eq!(
            dump("if x:\n\ty\n\tz\n"),
            "if NAME:x : NEWLINE INDENT NAME:y NEWLINE NAME:z NEWLINE DEDENT ENDMARKER"
        );
        ok("if x:\n\ty\n\tif z:\n\t\tw\n");
        ok("if x:\n  \ty\n  \tz\n");
        // A form feed resets the column.
        assert_eq!(
            dump("if x:\n    y\n\x0cz\n"),
            "if NAME:x : NEWLINE INDENT NAME:y NEWLINE DEDENT NAME:z NEWLINE ENDMARKER"
        );
        assert_eq!(
            dump("if x:\n  \x0cy\n"),
            "if NAME:x : NEWLINE NAME:y NEWLINE ENDMARKER"
        );
        // Form feed between tokens is whitespace.
        assert_eq!(dump("a\x0cb\n"), "NAME:a NAME:b NEWLINE ENDMARKER");
    }

    #[test]
    fn tab_errors() {
        const TAB: &str = "TabError: inconsistent use of tabs and spaces in indentation @3:1";
        assert_eq!(err("if x:\n\ta\n        b\n"), TAB);
        assert_eq!(err("if x:\n        a\n\tb\n"), TAB);
        assert_eq!(err("if x:\n    a\n\tb\n"), TAB);
        assert_eq!(err("if x:\n\ta\n    \tb\n"), TAB);
        assert_eq!(err("if x:\n  y\n\tz\n"), TAB);
        assert_eq!(err("if x:\n \ty\n\tz\n"), TAB);
    }

    #[test]
    fn indentation_errors() {
        assert_eq!(
            err("if x:\n    a\n  b\n"),
            "IndentationError: unindent does not match any outer indentation level @3:4"
        );
        assert_eq!(
            err("if x:\n  y\n \\\n  z\n"),
            "IndentationError: unindent does not match any outer indentation level @4:4"
        );
        let deep: String = (0..100)
            .map(|i| format!("{}if 1:\n", " ".repeat(i)))
            .collect();
        assert_eq!(
            err(&format!("{deep}{}x\n", " ".repeat(100))),
            "IndentationError: too many levels of indentation @101:1"
        );
        let ok_deep: String = (0..99)
            .map(|i| format!("{}if 1:\n", " ".repeat(i)))
            .collect();
        ok(&format!("{ok_deep}{}x\n", " ".repeat(99)));
    }

    #[test]
    fn unexpected_indent_is_the_parsers_business() {
        assert_eq!(dump("  x\n"), "INDENT NAME:x NEWLINE DEDENT ENDMARKER");
    }

    #[test]
    fn brackets_join_lines() {
        let src = "x = (1,\n  2,\n\n# c\n      3)\ny = [\n]\n";
        assert_eq!(
            dump(src),
            "NAME:x = ( NUMBER:1 , NUMBER:2 , NUMBER:3 ) NEWLINE NAME:y = [ ] NEWLINE ENDMARKER"
        );
        ok("if x:\n    f(a,\nb)\n    g\n");
    }

    #[test]
    fn bracket_errors() {
        assert_eq!(
            err("x = (1,\n2\n"),
            "SyntaxError: '(' was never closed @1:5"
        );
        assert_eq!(
            err("x = (1,\n[2\n"),
            "SyntaxError: '[' was never closed @2:1"
        );
        assert_eq!(err("x = 1)\n"), "SyntaxError: unmatched ')' @1:6");
        assert_eq!(err("x = }"), "SyntaxError: unmatched '}' @1:5");
        assert_eq!(
            err("x = (1]\n"),
            "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:7"
        );
        assert_eq!(
            err("x = (1,\n2]\n"),
            "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 @2:2"
        );
        assert_eq!(
            err("x = {1: (2]}\n"),
            "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:11"
        );
        let deep = format!("x = {}{}\n", "(".repeat(201), ")".repeat(201));
        assert_eq!(
            err(&deep),
            "SyntaxError: too many nested parentheses @1:205"
        );
        ok(&format!("x = {}{}\n", "(".repeat(200), ")".repeat(200)));
    }

    #[test]
    fn unclosed_bracket_error_token_is_last() {
        let lexed = lex("f(x,\n  y\n");
        let kinds: Vec<_> = lexed.tokens.iter().map(|t| t.kind).collect();
        assert_eq!(kinds.last(), Some(&TokenKind::Error));
        assert_eq!(lexed.tokens.last().unwrap().span, Span::new(1, 2));
        assert_eq!(lexed.tokens.len(), 6);
    }

    #[test]
    fn continuation_lines() {
        assert_eq!(
            dump("x = 1 + \\\n    2\n"),
            "NAME:x = NUMBER:1 + NUMBER:2 NEWLINE ENDMARKER"
        );
        assert_eq!(
            dump("x = 1 \\\r\n  + 2\n"),
            "NAME:x = NUMBER:1 + NUMBER:2 NEWLINE ENDMARKER"
        );
        // The first backslash's column is the indentation.
        assert_eq!(
            dump("if x:\n  \\\n    y\n"),
            "if NAME:x : NEWLINE INDENT NAME:y NEWLINE DEDENT ENDMARKER"
        );
        // A continuation followed by a blank line ends the logical line.
        assert_eq!(dump("x = 1 \\\n\n"), "NAME:x = NUMBER:1 NEWLINE ENDMARKER");
    }

    #[test]
    fn continuation_errors() {
        const UNEXPECTED: &str =
            "SyntaxError: unexpected character after line continuation character";
        assert_eq!(err("x = 1 \\ 2\n"), format!("{UNEXPECTED} @1:8"));
        assert_eq!(err("y = 2\nx = 1 \\ 2\n"), format!("{UNEXPECTED} @2:8"));
        assert_eq!(err("x = 1\\é\n"), format!("{UNEXPECTED} @1:7"));
        assert_eq!(lex("x = 1\\é\n").error.unwrap().span, Span::new(6, 8));
        assert_eq!(
            err("x = 1 + \\"),
            "SyntaxError: unexpected EOF while parsing @1:10"
        );
        assert_eq!(
            err("x = 1 + \\\n"),
            "SyntaxError: unexpected EOF while parsing @1:10"
        );
        assert_eq!(
            err("x = 1\n\\"),
            "SyntaxError: unexpected EOF while parsing @2:2"
        );
        assert_eq!(
            err("    \\\n"),
            "SyntaxError: unexpected EOF while parsing @1:6"
        );
        assert_eq!(
            err("x = (1 + \\\n"),
            "SyntaxError: '(' was never closed @1:5"
        );
    }

    #[test]
    fn newline_flavours() {
        assert_eq!(
            dump("a\r\nb\rc\n"),
            "NAME:a NEWLINE NAME:b NEWLINE NAME:c NEWLINE ENDMARKER"
        );
        let lexed = lex("a\r\nb");
        assert_eq!(lexed.tokens.get(1).span, Span::new(1, 3));
        assert_eq!(
            dump("if x:\r\n  y\r\nz\r\n"),
            "if NAME:x : NEWLINE INDENT NAME:y NEWLINE DEDENT NAME:z NEWLINE ENDMARKER"
        );
    }

    #[test]
    fn byte_order_mark_is_skipped() {
        let lexed = lex("\u{feff}x = 1\n");
        assert!(lexed.error.is_none());
        assert_eq!(lexed.tokens.get(0).span, Span::new(3, 4));
        // Elsewhere it is an invalid character.
        assert_eq!(
            err("x = a\u{feff}b\n"),
            "SyntaxError: invalid non-printable character U+FEFF @1:6"
        );
    }

    #[test]
    fn comments() {
        assert_eq!(
            dump("x # c\n# d\ny"),
            "NAME:x NEWLINE NAME:y NEWLINE ENDMARKER"
        );
        assert_eq!(
            dump("x = 1 # comment with 'quotes' and ( brackets\n"),
            "NAME:x = NUMBER:1 NEWLINE ENDMARKER"
        );
    }

    #[test]
    fn numbers() {
        let cases = [
            ("0", TokenKind::Int),
            ("000", TokenKind::Int),
            ("0_0", TokenKind::Int),
            ("1_000_000", TokenKind::Int),
            ("0x_1f", TokenKind::Int),
            ("0XdeadBEEF", TokenKind::Int),
            ("0o17", TokenKind::Int),
            ("0O_7", TokenKind::Int),
            ("0b1_0", TokenKind::Int),
            ("0B11", TokenKind::Int),
            ("9999999999999999999999999", TokenKind::Int),
            ("1.", TokenKind::Float),
            (".5", TokenKind::Float),
            ("1.5", TokenKind::Float),
            ("1e10", TokenKind::Float),
            ("1E+10", TokenKind::Float),
            ("1e-1_0", TokenKind::Float),
            ("1.e5", TokenKind::Float),
            ("1_000.000_1e-1_0", TokenKind::Float),
            ("09.5", TokenKind::Float),
            ("012e5", TokenKind::Float),
            ("012.", TokenKind::Float),
            ("00.5e1_0", TokenKind::Float),
            ("0e5", TokenKind::Float),
            ("1j", TokenKind::Imaginary),
            ("1J", TokenKind::Imaginary),
            ("0j", TokenKind::Imaginary),
            ("00j", TokenKind::Imaginary),
            ("012j", TokenKind::Imaginary),
            (".5j", TokenKind::Imaginary),
            ("1.5e3j", TokenKind::Imaginary),
            ("1_000.000_1e-1_0j", TokenKind::Imaginary),
        ];
        for (text, kind) in cases {
            let lexed = lex(text);
            assert!(lexed.error.is_none(), "{text}: {:?}", lexed.error);
            assert_eq!(lexed.tokens.get(0).kind, kind, "{text}");
            assert_eq!(
                lexed.tokens.get(0).span,
                Span::new(0, text.len() as u32),
                "{text}"
            );
        }
    }

    #[test]
    fn numbers_followed_by_keywords() {
        // CPython only warns about these.
        assert_eq!(
            dump("1if x else 2"),
            "NUMBER:1 if NAME:x else NUMBER:2 NEWLINE ENDMARKER"
        );
        assert_eq!(dump("0x1for"), "NUMBER:0x1f or NEWLINE ENDMARKER");
        assert_eq!(dump("1else"), "NUMBER:1 else NEWLINE ENDMARKER");
        assert_eq!(dump("1.0else"), "NUMBER:1.0 else NEWLINE ENDMARKER");
        assert_eq!(dump("1e5else"), "NUMBER:1e5 else NEWLINE ENDMARKER");
        assert_eq!(dump("1jelse"), "NUMBER:1j else NEWLINE ENDMARKER");
        assert_eq!(
            dump("1not in x"),
            "NUMBER:1 not in NAME:x NEWLINE ENDMARKER"
        );
        assert_eq!(
            dump("0b1and 1"),
            "NUMBER:0b1 and NUMBER:1 NEWLINE ENDMARKER"
        );
        assert_eq!(dump("1is x"), "NUMBER:1 is NAME:x NEWLINE ENDMARKER");
        assert_eq!(dump("1 .real"), "NUMBER:1 . NAME:real NEWLINE ENDMARKER");
        assert_eq!(dump("1.2.3"), "NUMBER:1.2 NUMBER:.3 NEWLINE ENDMARKER");
        assert_eq!(dump("1€"), dump("1€")); // see invalid_characters
    }

    #[test]
    fn number_errors() {
        let dec = "SyntaxError: invalid decimal literal";
        let cases = [
            ("x = 1abc\n", format!("{dec} @1:5")),
            ("x = 1_\n", format!("{dec} @1:6")),
            ("x = 1__0\n", format!("{dec} @1:6")),
            ("x = 1_a\n", format!("{dec} @1:6")),
            ("x = 1__.0\n", format!("{dec} @1:6")),
            ("x = 1._5\n", format!("{dec} @1:6")),
            ("x = 1.__class__\n", format!("{dec} @1:6")),
            ("x = 1e\n", format!("{dec} @1:5")),
            ("x = 1e+\n", format!("{dec} @1:7")),
            ("x = 1ea\n", format!("{dec} @1:5")),
            ("x = 1e1_\n", format!("{dec} @1:8")),
            ("x = 1e_1\n", format!("{dec} @1:5")),
            ("x = 1_e5\n", format!("{dec} @1:6")),
            ("x = 0_\n", format!("{dec} @1:6")),
            ("x = 0__0\n", format!("{dec} @1:6")),
            ("x = 0a\n", format!("{dec} @1:5")),
            ("x = 0e\n", format!("{dec} @1:5")),
            ("x = 0e+\n", format!("{dec} @1:7")),
            ("x = 0.e-5_\n", format!("{dec} @1:10")),
            ("x = .5_\n", format!("{dec} @1:7")),
            ("x = 1ix\n", format!("{dec} @1:5")),
            ("x = 1nox\n", format!("{dec} @1:5")),
            (
                "x = 0x\n",
                "SyntaxError: invalid hexadecimal literal @1:6".into(),
            ),
            (
                "x = 0xg\n",
                "SyntaxError: invalid hexadecimal literal @1:6".into(),
            ),
            (
                "x = 0x_\n",
                "SyntaxError: invalid hexadecimal literal @1:7".into(),
            ),
            (
                "x = 0x1_\n",
                "SyntaxError: invalid hexadecimal literal @1:8".into(),
            ),
            (
                "x = 0xfg\n",
                "SyntaxError: invalid hexadecimal literal @1:7".into(),
            ),
            ("x = 0o\n", "SyntaxError: invalid octal literal @1:6".into()),
            (
                "x = 0o_\n",
                "SyntaxError: invalid octal literal @1:7".into(),
            ),
            (
                "x = 0o1a\n",
                "SyntaxError: invalid octal literal @1:7".into(),
            ),
            (
                "x = 0o17e\n",
                "SyntaxError: invalid octal literal @1:8".into(),
            ),
            (
                "x = 0o8\n",
                "SyntaxError: invalid digit '8' in octal literal @1:7".into(),
            ),
            (
                "x = 0o18\n",
                "SyntaxError: invalid digit '8' in octal literal @1:8".into(),
            ),
            (
                "x = 0b\n",
                "SyntaxError: invalid binary literal @1:6".into(),
            ),
            (
                "x = 0b1a\n",
                "SyntaxError: invalid binary literal @1:7".into(),
            ),
            (
                "x = 0b1e\n",
                "SyntaxError: invalid binary literal @1:7".into(),
            ),
            (
                "x = 0b1__0\n",
                "SyntaxError: invalid binary literal @1:8".into(),
            ),
            (
                "x = 0b2\n",
                "SyntaxError: invalid digit '2' in binary literal @1:7".into(),
            ),
            (
                "x = 0b12\n",
                "SyntaxError: invalid digit '2' in binary literal @1:8".into(),
            ),
            (
                "x = 1.5j2\n",
                "SyntaxError: invalid imaginary literal @1:8".into(),
            ),
            (
                "x = 1jx\n",
                "SyntaxError: invalid imaginary literal @1:6".into(),
            ),
        ];
        for (src, expected) in cases {
            assert_eq!(err(src), expected, "{src:?}");
        }
    }

    #[test]
    fn leading_zeros() {
        const MSG: &str =
            "SyntaxError: leading zeros in decimal integer literals are not permitted; \
                           use an 0o prefix for octal integers";
        assert_eq!(err("x = 0777\n"), format!("{MSG} @1:5"));
        assert_eq!(lex("x = 0777\n").error.unwrap().span, Span::new(4, 5));
        assert_eq!(lex("x = 00077\n").error.unwrap().span, Span::new(4, 7));
        assert_eq!(lex("x = 0_7\n").error.unwrap().span, Span::new(4, 6));
        assert_eq!(err("x = 01_2\n"), format!("{MSG} @1:5"));
        assert_eq!(
            err("x = 0__1\n"),
            "SyntaxError: invalid decimal literal @1:6"
        );
    }

    #[test]
    fn string_prefixes() {
        for prefix in [
            "", "r", "u", "R", "U", "f", "F", "b", "B", "br", "Br", "bR", "BR", "rb", "rB", "Rb",
            "RB", "fr", "Fr", "fR", "FR", "rf", "rF", "Rf", "RF",
        ] {
            for quote in ["'", "\"", "'''", "\"\"\""] {
                let text = format!("{prefix}{quote}a{quote}");
                let lexed = lex(&text);
                assert!(lexed.error.is_none(), "{text}");
                assert_eq!(lexed.tokens.get(0).kind, TokenKind::String, "{text}");
                assert_eq!(
                    lexed.tokens.get(0).span,
                    Span::new(0, text.len() as u32),
                    "{text}"
                );
            }
        }
        // Illegal combinations are a name followed by a string.
        for prefix in [
            "ub", "ur", "bu", "fb", "bf", "rr", "ff", "uf", "fu", "rbr", "bb",
        ] {
            let text = format!("{prefix}'x'");
            let lexed = lex(&text);
            assert_eq!(lexed.tokens.get(0).kind, TokenKind::Name, "{text}");
            assert_eq!(lexed.tokens.get(1).kind, TokenKind::String, "{text}");
        }
    }

    #[test]
    fn strings() {
        assert_eq!(
            dump(r#"x = "a\"b" 'c\'d'"#),
            r#"NAME:x = STRING:"a\"b" STRING:'c\'d' NEWLINE ENDMARKER"#
        );
        assert_eq!(
            dump("'''a'''' '"),
            "STRING:'''a''' STRING:' ' NEWLINE ENDMARKER"
        );
        assert_eq!(
            dump("\"\"\"a\"\"\"\"\""),
            r#"STRING:"""a""" STRING:"" NEWLINE ENDMARKER"#
        );
        assert_eq!(
            err("\"\"\"a\"\"\"\""),
            "SyntaxError: unterminated string literal (detected at line 1) @1:8"
        );
        assert_eq!(dump(r#"""""a""""#), r#"STRING:""""a""" NEWLINE ENDMARKER"#);
        assert_eq!(
            dump("\"\" \"\"\"\"\"\""),
            r#"STRING:"" STRING:"""""" NEWLINE ENDMARKER"#
        );
        assert_eq!(dump(r#""\\" x"#), r#"STRING:"\\" NAME:x NEWLINE ENDMARKER"#);
        // Escaped newlines continue single-quoted strings.
        assert_eq!(
            dump("'a\\\nb' c"),
            "STRING:'a\\\nb' NAME:c NEWLINE ENDMARKER"
        );
        assert_eq!(dump("'a\\\r\nb'"), "STRING:'a\\\r\nb' NEWLINE ENDMARKER");
        let triple = "x = '''a\n\"\"\" \\''' \n'''\ny";
        assert_eq!(
            dump(triple),
            "NAME:x = STRING:'''a\n\"\"\" \\''' \n''' NEWLINE NAME:y NEWLINE ENDMARKER"
        );
        // f-strings are single tokens; nested quotes differ.
        assert_eq!(
            dump(r#"f"{x!r:>{w}} {'a'}""#),
            r#"STRING:f"{x!r:>{w}} {'a'}" NEWLINE ENDMARKER"#
        );
        // A 3.11 f-string ends at its quote, even inside a field.
        assert_eq!(
            dump(r#"f"{"a"}""#),
            r#"STRING:f"{" NAME:a STRING:"}" NEWLINE ENDMARKER"#
        );
        assert_eq!(dump("'é€𝔘'"), "STRING:'é€𝔘' NEWLINE ENDMARKER");
    }

    #[test]
    fn unterminated_strings() {
        assert_eq!(
            err("x = \"abc\n"),
            "SyntaxError: unterminated string literal (detected at line 1) @1:5"
        );
        assert_eq!(
            err("x = rb\"abc\n"),
            "SyntaxError: unterminated string literal (detected at line 1) @1:5"
        );
        assert_eq!(lex("x = rb\"abc\n").error.unwrap().span, Span::new(4, 7));
        assert_eq!(
            err("x = \"abc"),
            "SyntaxError: unterminated string literal (detected at line 1) @1:5"
        );
        assert_eq!(
            err("x = \"abc\\"),
            "SyntaxError: unterminated string literal (detected at line 1) @1:5"
        );
        assert_eq!(
            err("x = \"abc\\\n"),
            "SyntaxError: unterminated string literal (detected at line 1) @1:5"
        );
        assert_eq!(
            err("x = \"abc\\\ndef\n"),
            "SyntaxError: unterminated string literal (detected at line 2) @1:5"
        );
        assert_eq!(
            err("x = 'a\rb'"),
            "SyntaxError: unterminated string literal (detected at line 1) @1:5"
        );
        let triple = "SyntaxError: unterminated triple-quoted string literal";
        assert_eq!(
            err("x = \"\"\"abc\n\n"),
            format!("{triple} (detected at line 2) @1:5")
        );
        assert_eq!(
            err("x = 1\ny = b\"\"\"abc\n\n"),
            format!("{triple} (detected at line 3) @2:5")
        );
        assert_eq!(
            err("x = '''\n"),
            format!("{triple} (detected at line 1) @1:5")
        );
        assert_eq!(
            err("x = '''a\n\nb\n\n\n"),
            format!("{triple} (detected at line 5) @1:5")
        );
        assert_eq!(
            err("x = \"\"\"abc"),
            format!("{triple} (detected at line 1) @1:5")
        );
        assert_eq!(
            err("x = \"\"\"abc\\"),
            format!("{triple} (detected at line 1) @1:5")
        );
        assert_eq!(lex("x = f'''abc").error.unwrap().span, Span::new(4, 8));
    }

    #[test]
    fn invalid_characters() {
        assert_eq!(
            err("x = 1€\n"),
            "SyntaxError: invalid character '€' (U+20AC) @1:6"
        );
        assert_eq!(
            err("x = a€b\n"),
            "SyntaxError: invalid character '€' (U+20AC) @1:6"
        );
        assert_eq!(lex("x = a€b\n").error.unwrap().span, Span::new(5, 8));
        assert_eq!(
            err("x = €\n"),
            "SyntaxError: invalid character '€' (U+20AC) @1:5"
        );
        assert_eq!(
            err("x = ·\n"),
            "SyntaxError: invalid character '·' (U+00B7) @1:5"
        );
        assert_eq!(
            err("x = \u{332}\n"),
            "SyntaxError: invalid character '\u{332}' (U+0332) @1:5"
        );
        assert_eq!(
            err("x = a\u{a0}b\n"),
            "SyntaxError: invalid non-printable character U+00A0 @1:6"
        );
        assert_eq!(
            err("x = \u{a0}\n"),
            "SyntaxError: invalid non-printable character U+00A0 @1:5"
        );
        assert_eq!(
            err("x = a\u{200b}b\n"),
            "SyntaxError: invalid non-printable character U+200B @1:6"
        );
        assert_eq!(
            err("x = \u{2028}\n"),
            "SyntaxError: invalid non-printable character U+2028 @1:5"
        );
        assert_eq!(
            err("x = 1\x0b\n"),
            "SyntaxError: invalid non-printable character U+000B @1:6"
        );
        assert_eq!(
            err("x = 1\x01\n"),
            "SyntaxError: invalid non-printable character U+0001 @1:6"
        );
        assert_eq!(
            err("x = 1\x7f\n"),
            "SyntaxError: invalid non-printable character U+007F @1:6"
        );
        // Printable ASCII that is no token: CPython's parser says "invalid syntax".
        assert_eq!(err("a $ b\n"), "SyntaxError: invalid syntax @1:3");
        assert_eq!(err("a ? b\n"), "SyntaxError: invalid syntax @1:3");
        assert_eq!(err("a ` b\n"), "SyntaxError: invalid syntax @1:3");
        assert_eq!(err("1 <> 2\n"), "SyntaxError: invalid syntax @1:3");
        assert_eq!(lex("1 <> 2\n").error.unwrap().span, Span::new(2, 4));
    }

    #[test]
    fn printable_table() {
        assert!(is_printable('a'));
        assert!(is_printable(' '));
        assert!(!is_printable('\n'));
        assert!(is_printable('é'));
        assert!(is_printable('€'));
        assert!(!is_printable('\u{a0}'));
        assert!(!is_printable('\u{ad}'));
        assert!(!is_printable('\u{e000}'));
        assert!(!is_printable('\u{10ffff}'));
        assert!(is_printable('\u{1f600}'));
    }

    #[test]
    fn null_bytes() {
        assert_eq!(
            err("x = 1\0\n"),
            "SyntaxError: source code cannot contain null bytes @1:6"
        );
        // Lines before the NUL's line are lexed.
        let lexed = lex("x = 1\ny = '\0'\n");
        assert_eq!(
            render("x = 1\ny = '\0'\n", &lexed),
            "NAME:x = NUMBER:1 NEWLINE ERRORTOKEN"
        );
        assert_eq!(lexed.error.unwrap().span, Span::new(11, 12));
        assert_eq!(
            err("x = '''\n\0'''"),
            "SyntaxError: source code cannot contain null bytes @2:1"
        );
        assert_eq!(
            err("x = (\n\0)"),
            "SyntaxError: source code cannot contain null bytes @2:1"
        );
    }

    #[test]
    fn coding_cookies() {
        ok("# -*- coding: utf-8 -*-\nx = 1\n");
        ok("#!/usr/bin/env python\n# coding=utf8\n");
        ok("# coding: UTF_8\n");
        ok("# coding: utf-8-sig\n");
        ok("x = 1  # coding: latin-1\n");
        ok("x = 1\n# coding: latin-1\n");
        ok("#!/bin/python\n\n# coding: latin-1\n");
        let msg = "SyntaxError: encoding problem: latin-1 (krait reads only UTF-8 source files)";
        assert_eq!(
            err("# -*- coding: latin-1 -*-\nx = 1\n"),
            format!("{msg} @1:15")
        );
        assert_eq!(
            err("\n# vim: set fileencoding=latin-1\n"),
            format!("{msg} @2:25")
        );
        assert_eq!(err("  \n  # coding: latin-1\n"), format!("{msg} @2:13"));
        assert_eq!(
            err("# coding:\n# coding: latin-1\n"),
            format!("{msg} @2:11")
        );
        assert_eq!(err("\u{feff}# coding: latin-1\n"), format!("{msg} @1:12"));
    }

    #[test]
    fn fragments() {
        let src = "f'{a +\n b[1]:>10}'";
        let lexed = lex_fragment(src, Span::new(3, 12));
        assert!(lexed.error.is_none());
        assert_eq!(
            render(src, &lexed),
            "NAME:a + NAME:b [ NUMBER:1 ] ENDMARKER"
        );
        assert_eq!(lexed.tokens.get(0).span, Span::new(3, 4));
        assert_eq!(lexed.tokens.last().unwrap().span, Span::at(12));
        // Leading whitespace and newlines are fine; no INDENT/NEWLINE.
        let src = "   x\n  y  ";
        let lexed = lex_fragment(src, Span::new(0, src.len() as u32));
        assert_eq!(render(src, &lexed), "NAME:x NAME:y ENDMARKER");
        // Errors.
        let src = "x = (a";
        let lexed = lex_fragment(src, Span::new(4, 6));
        assert_eq!(
            lexed.error.unwrap().kind,
            SyntaxErrorKind::UnclosedBracket { open: '(' }
        );
        let lexed = lex_fragment("a)", Span::new(0, 2));
        assert_eq!(
            lexed.error.unwrap().kind,
            SyntaxErrorKind::UnmatchedBracket { close: ')' }
        );
        let lexed = lex_fragment("'abc", Span::new(0, 4));
        assert!(matches!(
            lexed.error.unwrap().kind,
            SyntaxErrorKind::UnterminatedString { .. }
        ));
        // Out-of-range ranges are clamped, not a panic.
        let lexed = lex_fragment("ab", Span::new(5, 9));
        assert_eq!(lexed.tokens.len(), 1);
    }

    /// Checks the lexer's invariants on any input.
    fn check_invariants(src: &str) {
        let lexed = lex(src);
        let last = lexed.tokens.last().expect("at least one token");
        match &lexed.error {
            None => assert_eq!(last.kind, TokenKind::EndOfFile, "{src:?}"),
            Some(e) => {
                assert_eq!(last.kind, TokenKind::Error, "{src:?}");
                assert_eq!(last.span, e.span);
            }
        }
        let mut prev_end = 0;
        for (i, t) in lexed.tokens.iter().enumerate() {
            assert!(
                t.span.start <= t.span.end && t.span.end as usize <= src.len(),
                "{src:?}"
            );
            assert!(
                src.get(t.span.range()).is_some(),
                "{src:?}: {t:?} not on char boundaries"
            );
            let is_last = i + 1 == lexed.tokens.len();
            if !(is_last && t.kind == TokenKind::Error) {
                assert!(t.span.start >= prev_end, "{src:?}: {t:?} overlaps");
                prev_end = t.span.end;
            }
            assert!(is_last || !matches!(t.kind, TokenKind::Error | TokenKind::EndOfFile));
        }
        let _ = lex_fragment(src, Span::new(0, src.len() as u32));
    }

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    const PROGRAM: &str = "# coding: utf-8\n\
        import os\n\
        def f(a, b=1, *args, c: int = 0x1F, **kw) -> 'str':\n\
        \tif a and not b:  # comment\n\
        \t\treturn [x ** 2 for x in range(10) if x % 2]\n\
        \telse:\n\
        \t\ty = {'k': (1.5e-3, .5j, 0o17, 0b1_0), \"v\": b'\\x00'}\n\
        \t\tz = f\"{a!r:>{b}} {y['k']=}\" rb'''raw\n\
        string''' \\\n\
        \t\t\t+ u\"é€\"\n\
        \t\treturn z @ y // 3 <<= 2\n\
        class C(object):\n    '''doc'''\n    x: int = 1_000_000\n";

    #[test]
    fn truncated_programs_do_not_panic() {
        ok(PROGRAM);
        for (i, _) in PROGRAM.char_indices() {
            check_invariants(&PROGRAM[..i]);
            check_invariants(&PROGRAM[i..]);
        }
    }

    #[test]
    fn random_soup_does_not_panic() {
        let pieces = [
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            "'",
            "\"",
            "'''",
            "\"\"\"",
            "\\",
            "\n",
            "\r",
            "\r\n",
            "\t",
            " ",
            "    ",
            "\x0c",
            "#",
            "0",
            "1",
            "9",
            "0x",
            "0o",
            "0b",
            "_",
            ".",
            "e",
            "E",
            "j",
            "+",
            "-",
            "x",
            "if",
            "else",
            "f",
            "r",
            "b",
            "u",
            "rb",
            "é",
            "€",
            "\u{a0}",
            "\u{feff}",
            "\0",
            "\x01",
            "$",
            "?",
            "`",
            "!",
            "=",
            "<",
            ">",
            ":",
            ";",
            ",",
            "@",
            "*",
            "/",
            "%",
            "ab",
            "𝔘",
            "\u{332}",
            "coding: latin-1",
            "N{",
            "\\N{DIGIT ONE}",
        ];
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let n = rng.below(24);
            let src: String = (0..n).map(|_| pieces[rng.below(pieces.len())]).collect();
            check_invariants(&src);
        }
    }

    #[test]
    fn random_bytes_do_not_panic() {
        let mut rng = Rng(12345);
        for _ in 0..20_000 {
            let n = rng.below(40);
            let bytes: Vec<u8> = (0..n).map(|_| (rng.next() & 0xff) as u8).collect();
            let src = String::from_utf8_lossy(&bytes);
            check_invariants(&src);
        }
    }

    /// Throughput in release mode:
    /// `cargo test --release -p krait --lib lexer::tests::throughput -- --ignored --nocapture`
    /// (set `KRAIT_LEX_BENCH` to a Python file to lex it instead).
    #[test]
    #[ignore]
    fn throughput() {
        let source = match std::env::var("KRAIT_LEX_BENCH") {
            Ok(path) => std::fs::read_to_string(path).unwrap(),
            Err(_) => PROGRAM.repeat(20 * 1024 * 1024 / PROGRAM.len()),
        };
        let start = std::time::Instant::now();
        let rounds = 10;
        let mut tokens = 0;
        for _ in 0..rounds {
            let lexed = lex(&source);
            assert!(lexed.error.is_none(), "{:?}", lexed.error);
            tokens += lexed.tokens.len();
        }
        let secs = start.elapsed().as_secs_f64();
        let mb = (source.len() * rounds) as f64 / 1e6;
        println!(
            "lexed {mb:.1} MB, {tokens} tokens in {secs:.3}s: {:.1} MB/s",
            mb / secs
        );
    }
}

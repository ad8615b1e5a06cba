//! Splitting an f-string token into literal text and replacement fields.
//!
//! Python 3.11 lexes an f-string as one STRING token and takes it apart in
//! the parser (`Parser/string_parser.c`); this module is a transcription of
//! that code (`fstring_find_literal`, `fstring_find_expr`), with the same
//! errors. The expressions themselves are not parsed here: each field gives
//! the source range of its expression, which the parser lexes with
//! [`lex_fragment`](super::lexer::lex_fragment) and parses.
//!
//! Error spans point at the offending character (CPython points at the end
//! of the string, or the token after it). Because expressions are parsed
//! after splitting, an error in an expression is reported after any
//! conversion or format-spec error of the same field, where CPython reports
//! it first.

use super::ast::Conversion;
use super::error::{FStringError, SyntaxError, SyntaxErrorKind};
use super::literals::{decode_str_into, string_parts};
use super::span::Span;

pub enum FStringPart {
    /// Literal text, escapes and `{{`/`}}` already decoded.
    Literal {
        value: String,
        span: Span,
    },
    Field(FStringField),
}

pub struct FStringField {
    /// The replacement field's expression text, as a range of the source.
    pub expr: Span,
    /// For `{expr=}`: the text from the start of the expression through the
    /// `=` and any whitespace after it, e.g. `"x = "`.
    pub debug_text: Option<String>,
    pub conversion: Conversion,
    pub format_spec: Option<Vec<FStringPart>>,
    /// The whole `{...}` field.
    pub span: Span,
}

/// CPython's limit on bracket nesting inside one expression.
const MAX_NESTED_BRACKETS: usize = 200;

/// Splits the f-string token at `token` into literal parts and fields.
pub fn split_fstring(source: &str, token: Span) -> Result<Vec<FStringPart>, SyntaxError> {
    let malformed = || SyntaxError::new(SyntaxErrorKind::InvalidSyntax, token);
    let text = source.get(token.range()).ok_or_else(malformed)?;
    let (prefix, prefix_len, quotes) = string_parts(text).ok_or_else(malformed)?;
    let start = token.start as usize + prefix_len + quotes;
    let end = token.end as usize - quotes;
    let splitter = Splitter {
        source,
        b: source.as_bytes(),
        end,
        raw: prefix.raw,
        token,
    };
    let mut pos = start;
    splitter.parse(&mut pos, 0)
}

struct Splitter<'a> {
    source: &'a str,
    b: &'a [u8],
    /// The end of the body (the closing quotes).
    end: usize,
    raw: bool,
    token: Span,
}

impl Splitter<'_> {
    fn at(&self, i: usize) -> u8 {
        if i < self.end {
            self.b[i]
        } else {
            0
        }
    }

    /// An error at the character at `at`.
    fn error(&self, kind: FStringError, at: usize) -> SyntaxError {
        let len = match self.b.get(at) {
            Some(0xf0..=0xff) => 4,
            Some(0xe0..=0xef) => 3,
            Some(0xc0..=0xdf) => 2,
            _ => 1,
        };
        let end = (at + len).min(self.token.end as usize);
        SyntaxError::new(
            SyntaxErrorKind::FString(kind),
            Span::new(at as u32, end as u32),
        )
    }

    /// Literal parts and fields from `*pos` up to the end of the body (level
    /// 0) or the `}` closing a format spec (level 1 and 2).
    fn parse(&self, pos: &mut usize, level: u32) -> Result<Vec<FStringPart>, SyntaxError> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut literal_span: Option<Span> = None;
        loop {
            let (chunk_start, chunk_end, doubled) = self.find_literal(pos, level)?;
            if chunk_end > chunk_start {
                let chunk = self.source.get(chunk_start..chunk_end).unwrap_or_default();
                decode_str_into(chunk, self.raw, &mut literal)
                    .map_err(|kind| SyntaxError::new(kind, self.token))?;
            }
            if chunk_end > chunk_start || doubled {
                let span = Span::new(chunk_start as u32, *pos as u32);
                literal_span = Some(literal_span.map_or(span, |s| s.to(span)));
            }
            if doubled {
                continue;
            }
            if *pos >= self.end || self.b[*pos] == b'}' {
                break;
            }
            // A `{` starting a field.
            let field = self.find_expr(pos, level)?;
            if let Some(span) = literal_span.take() {
                parts.push(FStringPart::Literal {
                    value: std::mem::take(&mut literal),
                    span,
                });
            }
            parts.push(FStringPart::Field(field));
        }
        if let Some(span) = literal_span {
            parts.push(FStringPart::Literal {
                value: literal,
                span,
            });
        }
        if level != 0 && (*pos >= self.end || self.b[*pos] != b'}') {
            return Err(self.error(FStringError::ExpectingCloseBrace, *pos));
        }
        Ok(parts)
    }

    /// CPython's `fstring_find_literal`: the literal text from `*pos` up to
    /// a `{` or `}` (or the end). Returns the chunk's range and whether it
    /// ended with a doubled brace (whose first half is in the chunk and
    /// whose second half is skipped).
    fn find_literal(
        &self,
        pos: &mut usize,
        level: u32,
    ) -> Result<(usize, usize, bool), SyntaxError> {
        let start = *pos;
        let mut s = start;
        while s < self.end {
            let mut ch = self.b[s];
            s += 1;
            if !self.raw && ch == b'\\' && s < self.end {
                ch = self.b[s];
                s += 1;
                if ch == b'N' {
                    // Skip `\N{...}`, whose braces are not fields.
                    if s < self.end {
                        let next = self.b[s];
                        s += 1;
                        if next == b'{' {
                            while s < self.end {
                                let c = self.b[s];
                                s += 1;
                                if c == b'}' {
                                    break;
                                }
                            }
                        }
                    }
                    continue;
                }
            }
            if ch == b'{' || ch == b'}' {
                if level == 0 {
                    if s < self.end && self.b[s] == ch {
                        *pos = s + 1;
                        return Ok((start, s, true));
                    }
                    if ch == b'}' {
                        return Err(self.error(FStringError::SingleCloseBrace, s - 1));
                    }
                }
                s -= 1;
                break;
            }
        }
        *pos = s;
        Ok((start, s, false))
    }

    /// CPython's `fstring_find_expr`: the field starting at the `{` at
    /// `*pos`.
    fn find_expr(&self, pos: &mut usize, level: u32) -> Result<FStringField, SyntaxError> {
        let open = *pos;
        if level >= 2 {
            return Err(self.error(FStringError::NestedTooDeeply, open));
        }
        let expr_start = open + 1;
        let mut s = expr_start;
        // Inside a string in the expression: its quote, its start, and
        // whether it is triple-quoted.
        let mut quote: Option<(u8, usize, bool)> = None;
        let mut brackets: Vec<(u8, usize)> = Vec::new();
        while s < self.end {
            let ch = self.b[s];
            if ch == b'\\' {
                return Err(self.error(FStringError::Backslash, s));
            }
            if let Some((q, _, triple)) = quote {
                if ch == q {
                    if !triple {
                        quote = None;
                    } else if self.at(s + 1) == q && self.at(s + 2) == q {
                        quote = None;
                        s += 2;
                    }
                }
                s += 1;
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    let triple = self.at(s + 1) == ch && self.at(s + 2) == ch;
                    quote = Some((ch, s, triple));
                    if triple {
                        s += 2;
                    }
                }
                b'(' | b'[' | b'{' => {
                    if brackets.len() >= MAX_NESTED_BRACKETS {
                        return Err(self.error(FStringError::TooManyNestedParens, s));
                    }
                    brackets.push((ch, s));
                }
                b'#' => return Err(self.error(FStringError::Comment, s)),
                b'!' | b':' | b'}' | b'=' | b'<' | b'>' if brackets.is_empty() => {
                    let next = self.at(s + 1);
                    if next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                        // `!=`, `==`, `<=`, `>=`.
                        s += 2;
                        continue;
                    }
                    if ch == b'<' || ch == b'>' {
                        s += 1;
                        continue;
                    }
                    break;
                }
                b')' | b']' | b'}' => {
                    let Some((opening, _)) = brackets.pop() else {
                        return Err(
                            self.error(FStringError::UnmatchedBracket { close: ch as char }, s)
                        );
                    };
                    if !matches!((opening, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                        let kind = FStringError::MismatchedBracket {
                            close: ch as char,
                            open: opening as char,
                        };
                        return Err(self.error(kind, s));
                    }
                }
                _ => {}
            }
            s += 1;
        }
        let expr_end = s.min(self.end);
        if let Some((_, at, _)) = quote {
            return Err(self.error(FStringError::Unterminated, at));
        }
        if let Some(&(opening, at)) = brackets.last() {
            return Err(self.error(
                FStringError::UnmatchedBracket {
                    close: opening as char,
                },
                at,
            ));
        }
        if s >= self.end {
            return Err(self.error(FStringError::ExpectingCloseBrace, self.end));
        }
        let blank = self.b[expr_start..expr_end]
            .iter()
            .all(|&c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'));
        if blank {
            let stop = self.b[s];
            let kind = if matches!(stop, b'!' | b':' | b'=') {
                FStringError::ExpressionRequiredBefore { ch: stop as char }
            } else {
                FStringError::EmptyExpression
            };
            return Err(self.error(kind, s));
        }

        let mut debug_text = None;
        if self.b[s] == b'=' {
            s += 1;
            while s < self.end
                && matches!(self.b[s], b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
            {
                s += 1;
            }
            if s >= self.end {
                return Err(self.error(FStringError::ExpectingCloseBrace, self.end));
            }
            let text = self.source.get(expr_start..s).unwrap_or_default();
            debug_text = Some(text.replace("\r\n", "\n").replace('\r', "\n"));
        }

        let mut conversion = None;
        if self.b[s] == b'!' {
            s += 1;
            if s >= self.end {
                return Err(self.error(FStringError::ExpectingCloseBrace, self.end));
            }
            conversion = Some(match self.b[s] {
                b's' => Conversion::Str,
                b'r' => Conversion::Repr,
                b'a' => Conversion::Ascii,
                _ => return Err(self.error(FStringError::InvalidConversion, s)),
            });
            s += 1;
        }

        let mut format_spec = None;
        if s < self.end && self.b[s] == b':' {
            s += 1;
            if s >= self.end {
                return Err(self.error(FStringError::ExpectingCloseBrace, self.end));
            }
            format_spec = Some(self.parse(&mut s, level + 1)?);
        }

        if s >= self.end || self.b[s] != b'}' {
            return Err(self.error(FStringError::ExpectingCloseBrace, s.min(self.end)));
        }
        s += 1;
        *pos = s;

        // `{x=}` without conversion or format spec means `{x=!r}`.
        let conversion = match conversion {
            Some(c) => c,
            None if debug_text.is_some() && format_spec.is_none() => Conversion::Repr,
            None => Conversion::None,
        };
        Ok(FStringField {
            expr: Span::new(expr_start as u32, expr_end as u32),
            debug_text,
            conversion,
            format_spec,
            span: Span::new(open as u32, s as u32),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits the f-string that follows `x = ` in `source`.
    fn split(token: &str) -> Result<Vec<FStringPart>, SyntaxError> {
        let source = format!("x = {token}\n");
        split_fstring(&source, Span::new(4, 4 + token.len() as u32))
    }

    /// A compact rendering: literals quoted, fields in braces with the
    /// expression text, `=debug`, `!conversion` and `:spec`.
    fn render(token: &str) -> String {
        let source = format!("x = {token}\n");
        match split(token) {
            Ok(parts) => render_parts(&source, &parts),
            Err(e) => format!("error: {}", e.kind),
        }
    }

    fn render_parts(source: &str, parts: &[FStringPart]) -> String {
        let mut out = String::new();
        for part in parts {
            match part {
                FStringPart::Literal { value, span } => {
                    assert!(source.get(span.range()).is_some());
                    out.push_str(&format!("{value:?}"));
                }
                FStringPart::Field(field) => {
                    out.push('{');
                    out.push_str(&source[field.expr.range()]);
                    if let Some(debug) = &field.debug_text {
                        out.push_str(&format!("={debug:?}"));
                    }
                    match field.conversion {
                        Conversion::None => {}
                        Conversion::Str => out.push_str("!s"),
                        Conversion::Repr => out.push_str("!r"),
                        Conversion::Ascii => out.push_str("!a"),
                    }
                    if let Some(spec) = &field.format_spec {
                        out.push(':');
                        out.push_str(&render_parts(source, spec));
                    }
                    out.push('}');
                }
            }
        }
        out
    }

    /// The error message and its span (as offsets into the token).
    fn error(token: &str) -> (String, u32, u32) {
        match split(token) {
            Ok(_) => panic!("{token}: no error"),
            Err(e) => (e.kind.to_string(), e.span.start - 4, e.span.end - 4),
        }
    }

    #[test]
    fn literals_only() {
        assert_eq!(render("f''"), "");
        assert_eq!(render("f'abc'"), "\"abc\"");
        assert_eq!(render("f'{{}}'"), "\"{}\"");
        assert_eq!(render("f'a{{b}}c'"), "\"a{b}c\"");
        assert_eq!(render(r"f'\x41\u00e9\n'"), "\"Aé\\n\"");
        assert_eq!(render(r"f'\N{DIGIT ONE}\N{LEFT CURLY BRACKET}'"), "\"1{\"");
        assert_eq!(render(r"rf'\n\x'"), "\"\\\\n\\\\x\"");
        assert_eq!(render("f'''a\r\nb'''"), "\"a\\nb\"");
    }

    #[test]
    fn fields() {
        assert_eq!(render("f'{x}'"), "{x}");
        assert_eq!(render("f'a{x}b{y}c'"), "\"a\"{x}\"b\"{y}\"c\"");
        assert_eq!(render("f'{{{x}}}'"), "\"{\"{x}\"}\"");
        assert_eq!(render("f'{ x + 1 }'"), "{ x + 1 }");
        assert_eq!(render("f'{x!r}{x!s}{x!a}'"), "{x!r}{x!s}{x!a}");
        assert_eq!(render("f'{x,y}'"), "{x,y}");
        assert_eq!(render("f'{yield}'"), "{yield}");
        assert_eq!(render("F'{x}'"), "{x}");
    }

    #[test]
    fn field_spans_are_absolute() {
        let source = "y = 1; z = f'ab{x!r:>{w}}c'";
        let start = source.find('f').unwrap() as u32;
        let parts = split_fstring(source, Span::new(start, source.len() as u32)).unwrap();
        let FStringPart::Literal { span, .. } = &parts[0] else {
            panic!()
        };
        assert_eq!(&source[span.range()], "ab");
        let FStringPart::Field(field) = &parts[1] else {
            panic!()
        };
        assert_eq!(&source[field.expr.range()], "x");
        assert_eq!(&source[field.span.range()], "{x!r:>{w}}");
        let spec = field.format_spec.as_ref().unwrap();
        let FStringPart::Literal { span, value } = &spec[0] else {
            panic!()
        };
        assert_eq!((value.as_str(), &source[span.range()]), (">", ">"));
        let FStringPart::Field(inner) = &spec[1] else {
            panic!()
        };
        assert_eq!(&source[inner.expr.range()], "w");
        assert_eq!(&source[inner.span.range()], "{w}");
        let FStringPart::Literal { span, .. } = &parts[2] else {
            panic!()
        };
        assert_eq!(&source[span.range()], "c");
        // Doubled braces are part of the literal's span.
        let source = "f'a{{b'";
        let parts = split_fstring(source, Span::new(0, 7)).unwrap();
        let FStringPart::Literal { span, value } = &parts[0] else {
            panic!()
        };
        assert_eq!((value.as_str(), &source[span.range()]), ("a{b", "a{{b"));
    }

    #[test]
    fn expressions_with_operators_strings_and_brackets() {
        assert_eq!(render("f'{x!=y}'"), "{x!=y}");
        assert_eq!(render("f'{x==y}'"), "{x==y}");
        assert_eq!(
            render("f'{x<=y}{x>=y}{x<y}{x>y}'"),
            "{x<=y}{x>=y}{x<y}{x>y}"
        );
        assert_eq!(render("f'{a[1:2]}'"), "{a[1:2]}");
        assert_eq!(render("f'{d[\"k\"]}'"), "{d[\"k\"]}");
        assert_eq!(render("f'{d[\"}\"]}'"), "{d[\"}\"]}");
        assert_eq!(render("f'{\"{\"}'"), "{\"{\"}");
        assert_eq!(render("f'{\"\"\"a\"b\"\"\"}'"), "{\"\"\"a\"b\"\"\"}");
        assert_eq!(render("f'{(lambda: 1)()}'"), "{(lambda: 1)()}");
        assert_eq!(render("f'{(x:=1)}'"), "{(x:=1)}");
        // At depth 0, `:` starts the format spec (CPython 3.11 too).
        assert_eq!(render("f'{lambda: 1}'"), "{lambda:\" 1\"}");
        assert_eq!(render("f'{x:=1}'"), "{x:\"=1\"}");
        assert_eq!(render("f'''{x\n+ y}'''"), "{x\n+ y}");
    }

    #[test]
    fn format_specs() {
        assert_eq!(render("f'{x:>10}'"), "{x:\">10\"}");
        assert_eq!(render("f'{x!r:>10}'"), "{x!r:\">10\"}");
        assert_eq!(render("f'{x:{w}.{p}}'"), "{x:{w}\".\"{p}}");
        assert_eq!(
            render("f'{x:a{y}b{z!r:<3}c}'"),
            "{x:\"a\"{y}\"b\"{z!r:\"<3\"}\"c\"}"
        );
        assert_eq!(render("f'{x:}'"), "{x:}");
        assert_eq!(render("f'{x!r:}'"), "{x!r:}");
        assert_eq!(render(r"f'{x:\x41}'"), "{x:\"A\"}");
        assert_eq!(render(r"f'{x:\N{DIGIT ONE}}'"), "{x:\"1\"}");
        // `{{` is not an escape in a spec: it opens a field holding a dict.
        assert_eq!(render("f'{x:{{}}}'"), "{x:{{}}}");
        assert_eq!(render("f'{x!s:=^10}'"), "{x!s:\"=^10\"}");
    }

    #[test]
    fn debug_specifier() {
        assert_eq!(render("f'{x=}'"), "{x=\"x=\"!r}");
        assert_eq!(render("f'a{x=}b'"), "\"a\"{x=\"x=\"!r}\"b\"");
        assert_eq!(render("f'{x = }'"), "{x =\"x = \"!r}");
        assert_eq!(render("f'{x = !s}'"), "{x =\"x = \"!s}");
        // With a format spec and no conversion, the conversion stays None.
        assert_eq!(render("f'{x=:>10}'"), "{x=\"x=\":\">10\"}");
        assert_eq!(render("f'{x=!r:>10}'"), "{x=\"x=\"!r:\">10\"}");
        assert_eq!(render("f'''{x=\n}'''"), "{x=\"x=\\n\"!r}");
        assert_eq!(render("f'{x=}{y=}'"), "{x=\"x=\"!r}{y=\"y=\"!r}");
    }

    #[test]
    fn backslashes_before_braces() {
        // CPython 3.11: the backslash stays, the brace opens a field.
        assert_eq!(render(r"f'\{6}'"), "\"\\\\\"{6}");
        assert_eq!(render(r"f'\\{6}'"), "\"\\\\\"{6}");
        assert_eq!(render(r"rf'\{6}'"), "\"\\\\\"{6}");
        assert_eq!(
            render(r"f'\Nx{6}'"),
            "error: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: \
             malformed \\N character escape"
        );
    }

    #[test]
    fn errors() {
        let cases: &[(&str, &str, u32)] = &[
            ("f'{}'", "f-string: empty expression not allowed", 3),
            ("f'{ }'", "f-string: empty expression not allowed", 4),
            ("f'{!r}'", "f-string: expression required before '!'", 3),
            ("f'{:x}'", "f-string: expression required before ':'", 3),
            ("f'{=}'", "f-string: expression required before '='", 3),
            ("f'{ !r}'", "f-string: expression required before '!'", 4),
            (
                "f'{x!}'",
                "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                5,
            ),
            (
                "f'{x!z}'",
                "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                5,
            ),
            ("f'{x!rr}'", "f-string: expecting '}'", 6),
            ("f'{x!r x}'", "f-string: expecting '}'", 6),
            ("f'{x'", "f-string: expecting '}'", 4),
            ("f'{x!r'", "f-string: expecting '}'", 6),
            ("f'{x:'", "f-string: expecting '}'", 5),
            ("f'{x!'", "f-string: expecting '}'", 5),
            ("f'{x='", "f-string: expecting '}'", 5),
            ("f'{x:{y}'", "f-string: expecting '}'", 8),
            ("f'{'", "f-string: expecting '}'", 3),
            ("f'{x=y}'", "f-string: expecting '}'", 5),
            ("f'{x!r=}'", "f-string: expecting '}'", 6),
            ("f'}'", "f-string: single '}' is not allowed", 2),
            ("f'{x}}'", "f-string: single '}' is not allowed", 5),
            ("f'{a)}'", "f-string: unmatched ')'", 4),
            (
                "f'{a(}'",
                "f-string: closing parenthesis '}' does not match opening parenthesis '('",
                5,
            ),
            (
                "f'{a[}'",
                "f-string: closing parenthesis '}' does not match opening parenthesis '['",
                5,
            ),
            (
                "f'{a(]}'",
                "f-string: closing parenthesis ']' does not match opening parenthesis '('",
                5,
            ),
            ("f'{a(x'", "f-string: unmatched '('", 4),
            ("f'{a#}'", "f-string expression part cannot include '#'", 4),
            (
                "f'{a\\n}'",
                "f-string expression part cannot include a backslash",
                4,
            ),
            (
                "f'{\"a\\\"\"}'",
                "f-string expression part cannot include a backslash",
                5,
            ),
            ("f'{\"a}'", "f-string: unterminated string", 3),
            (
                "f'{x:{y:{z}}}'",
                "f-string: expressions nested too deeply",
                8,
            ),
            (
                "f'{x:{y!z}}'",
                "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                8,
            ),
        ];
        for &(token, message, at) in cases {
            let (got, start, _) = error(token);
            assert_eq!((got.as_str(), start), (message, at), "{token}");
        }
        // Escape errors in literal parts are positioned within the part.
        let codec = "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape";
        assert_eq!(error(r"f'\x'").0, codec);
        assert_eq!(error(r"f'ab{x}\x'").0, codec);
        assert_eq!(error(r"f'{x:\x}'").0, codec);
        // The span of an invalid conversion covers the whole character.
        assert_eq!(
            error("f'{x!é}'"),
            (
                "f-string: invalid conversion character: expected 's', 'r', or 'a'".to_string(),
                5,
                7
            )
        );
    }

    #[test]
    fn malformed_tokens_are_errors_not_panics() {
        for token in ["", "f", "'a'x", "f'", "x'{'"] {
            let source = format!("{token}\n");
            let result = split_fstring(&source, Span::new(0, token.len() as u32));
            assert!(result.is_err() || token == "'a'x", "{token:?}");
        }
        assert!(split_fstring("f'a'", Span::new(2, 9)).is_err());
    }

    #[test]
    fn random_bodies_do_not_panic() {
        let pieces = [
            "{", "}", "{{", "}}", "!", "!r", ":", "=", "==", "!=", "<", ">", "'", "\"", "\\",
            "\\N{", "(", ")", "[", "]", "#", "x", " ", "\n", "é", "\\x4", "a",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let n = (state % 12) as usize;
            let mut body = String::new();
            let mut s = state;
            for _ in 0..n {
                s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                body.push_str(pieces[(s >> 33) as usize % pieces.len()]);
            }
            for prefix in ["f", "rf"] {
                let token = format!("{prefix}'''{body}'''");
                let _ = split_fstring(&token, Span::new(0, token.len() as u32));
            }
        }
    }
}

//! Source positions where CPython's differ from our tree's spans, found
//! in the source text: a node whose first token is a parenthesised
//! operand's starts at the parenthesis, a generator expression that is a
//! call's only argument starts at the call's `(`, and an f-string's format
//! spec has the location of the string token it is in. The line numbers of
//! instructions follow CPython's this way.

use super::Compiler;
use crate::syntax::span::Span;

impl Compiler<'_> {
    /// The span CPython gives an expression, where ours differs: a node
    /// whose first token is its first operand's (a binary operation, a
    /// comparison, a call, an attribute, …) starts at that operand's
    /// opening parenthesis if it has one, and a generator expression that
    /// is a call's only argument starts at the call's `(`.
    pub(super) fn node_span(&self, e: &crate::syntax::ast::Expr) -> Span {
        let key = e as *const crate::syntax::ast::Expr as usize;
        if let Some(&span) = self.span_cache.borrow().get(&key) {
            return span;
        }
        let span = self.node_span_uncached(e);
        self.span_cache.borrow_mut().insert(key, span);
        span
    }

    fn node_span_uncached(&self, e: &crate::syntax::ast::Expr) -> Span {
        use crate::syntax::ast::ExprKind as K;
        let first = match &e.kind {
            K::BinOp { left, .. } | K::Compare { left, .. } => Some(&**left),
            K::BoolOp { values, .. } => values.first(),
            K::Call { func, .. } => Some(&**func),
            K::Attribute { value, .. } | K::Subscript { value, .. } => Some(&**value),
            K::IfExp { body, .. } => Some(&**body),
            K::GeneratorExp(_) => {
                let start = e.span.start as usize;
                if self.matching_close(start) == Some((e.span.end as usize).saturating_sub(1)) {
                    // Parenthesised by itself.
                    return e.span;
                }
                return match self.previous_token(e.span.start) {
                    Some(open) if self.source.as_bytes()[open] == b'(' => {
                        Span::new(open as u32, e.span.end)
                    }
                    _ => e.span,
                };
            }
            _ => None,
        };
        let Some(first) = first else {
            return e.span;
        };
        let inner = self.node_span(first);
        let bytes = self.source.as_bytes();
        let mut start = inner.start.min(e.span.start);
        let mut close_from = first.span.end as usize;
        // Each pair of parentheses around the first operand.
        while let (Some(open), Some(close)) =
            (self.previous_token(start), self.next_token(close_from))
        {
            if bytes[open] != b'('
                || close >= e.span.end as usize
                || self.matching_close(open) != Some(close)
            {
                break;
            }
            start = open as u32;
            close_from = close + 1;
        }
        Span::new(start, e.span.end)
    }

    /// The offset of the last non-blank character before `at`, skipping
    /// comments at the end of earlier lines.
    fn previous_token(&self, at: u32) -> Option<usize> {
        if let Some(&found) = self.previous_token_cache.borrow().get(&at) {
            return found;
        }
        let found = self.previous_token_uncached(at);
        self.previous_token_cache.borrow_mut().insert(at, found);
        found
    }

    /// `previous_token`, without the cache (the start of a long chain of
    /// operators is asked for at every level).
    fn previous_token_uncached(&self, at: u32) -> Option<usize> {
        let bytes = self.source.as_bytes();
        let mut i = (at as usize).min(bytes.len());
        while i > 0 {
            i -= 1;
            match bytes[i] {
                b' ' | b'\t' | b'\r' | b'\x0c' | b'\\' => {}
                b'\n' => {
                    // A comment on the line before ends at this newline.
                    let line_start = bytes[..i]
                        .iter()
                        .rposition(|&b| b == b'\n')
                        .map_or(0, |p| p + 1);
                    if let Some(hash) = bytes[line_start..i].iter().position(|&b| b == b'#') {
                        i = line_start + hash;
                    }
                }
                _ => return Some(i),
            }
        }
        None
    }

    /// The offset of the bracket closing the one at `open`, skipping
    /// string literals and comments; `None` if `open` is not an opening
    /// bracket.
    fn matching_close(&self, open: usize) -> Option<usize> {
        let bytes = self.source.as_bytes();
        if !matches!(bytes.get(open), Some(b'(' | b'[' | b'{')) {
            return None;
        }
        let mut depth = 0usize;
        let mut i = open;
        while i < bytes.len() {
            match bytes[i] {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                quote @ (b'\'' | b'"') => {
                    let triple = bytes.get(i..i + 3) == Some(&[quote; 3][..]);
                    let width = if triple { 3 } else { 1 };
                    i += width;
                    while i < bytes.len() {
                        if bytes[i] == b'\\' {
                            i += 2;
                            continue;
                        }
                        if bytes[i] == quote
                            && (!triple || bytes.get(i..i + 3) == Some(&[quote; 3][..]))
                        {
                            i += width - 1;
                            break;
                        }
                        i += 1;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// The start of the string token, among the concatenated string
    /// tokens of `literal`, that contains offset `at` (CPython 3.11 gives an
    /// f-string's format spec the location of its token). `None` if the
    /// text does not scan as string tokens.
    pub(super) fn string_token_start(&self, literal: Span, at: u32) -> Option<u32> {
        let bytes = self.source.as_bytes();
        let end = (literal.end as usize).min(bytes.len());
        let mut i = literal.start as usize;
        while i < end {
            let start = i;
            while i < end && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            let quote = *bytes.get(i).filter(|b| matches!(b, b'\'' | b'"'))?;
            let width = if bytes.get(i..i + 3) == Some(&[quote; 3][..]) {
                3
            } else {
                1
            };
            i += width;
            loop {
                match bytes.get(i)? {
                    b'\\' => i += 2,
                    &b if b == quote
                        && (width == 1 || bytes.get(i..i + 3) == Some(&[quote; 3][..])) =>
                    {
                        i += width;
                        break;
                    }
                    _ => i += 1,
                }
            }
            if (start..i).contains(&(at as usize)) {
                return Some(start as u32);
            }
            i = self.next_token(i)?;
        }
        None
    }

    /// The offset of the first non-blank character at or after `at`.
    fn next_token(&self, at: usize) -> Option<usize> {
        let bytes = self.source.as_bytes();
        let mut i = at;
        while i < bytes.len() {
            match bytes[i] {
                b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\\' => i += 1,
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                _ => return Some(i),
            }
        }
        None
    }
}

//! Source spans: half-open byte ranges into one source file.
//!
//! Tokens and AST nodes carry only byte offsets; line and column are computed
//! when something is printed (see [`LineIndex`]), never stored.

/// A half-open byte range `start..end` in the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub const fn new(start: u32, end: u32) -> Self {
        Span { start, end }
    }

    /// An empty span at `pos`.
    pub const fn at(pos: u32) -> Self {
        Span {
            start: pos,
            end: pos,
        }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn len(self) -> u32 {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Maps byte offsets to 1-based lines and 0-based columns (in characters,
/// as CPython's `SyntaxError.offset - 1`).
pub struct LineIndex<'a> {
    source: &'a str,
    line_starts: Vec<u32>,
}

impl<'a> LineIndex<'a> {
    pub fn new(source: &'a str) -> Self {
        let mut line_starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        LineIndex {
            source,
            line_starts,
        }
    }

    /// 1-based line number of `offset`.
    pub fn line(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// 1-based line and 0-based character column of `offset`.
    pub fn line_col(&self, offset: u32) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.line_starts[line - 1] as usize;
        let end = (offset as usize).min(self.source.len());
        let col = self
            .source
            .get(start..end)
            .map_or(end - start, |s| s.chars().count());
        (line, col)
    }
}

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
    /// The byte offset of every multi-byte character, in order, and the
    /// bytes beyond the first of it and of every earlier one: a column is
    /// the line's byte count minus those, found by binary search instead of
    /// by counting characters (which made listing a long line quadratic).
    wide_chars: Vec<u32>,
    wide_extra: Vec<u32>,
}

impl<'a> LineIndex<'a> {
    pub fn new(source: &'a str) -> Self {
        let mut line_starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        let mut wide_chars = Vec::new();
        let mut wide_extra = Vec::new();
        let mut extra = 0;
        if !source.is_ascii() {
            for (i, ch) in source.char_indices() {
                if ch.len_utf8() > 1 {
                    extra += ch.len_utf8() as u32 - 1;
                    wide_chars.push(i as u32);
                    wide_extra.push(extra);
                }
            }
        }
        LineIndex {
            source,
            line_starts,
            wide_chars,
            wide_extra,
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
        if !self.source.is_char_boundary(end) {
            // Not a character's start: count bytes.
            return (line, end - start);
        }
        let col = (end - start) - (self.extra_before(end) - self.extra_before(start)) as usize;
        (line, col)
    }

    /// The bytes beyond the first of every multi-byte character starting
    /// before byte offset `pos`.
    fn extra_before(&self, pos: usize) -> u32 {
        match self.wide_chars.partition_point(|&at| (at as usize) < pos) {
            0 => 0,
            n => self.wide_extra[n - 1],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The column the definition gives: characters from the line's start.
    fn naive_line_col(source: &str, offset: usize) -> (usize, usize) {
        let before = &source[..offset];
        let line = 1 + before.matches('\n').count();
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[start..].chars().count())
    }

    #[test]
    fn columns_count_characters() {
        let source = "é = 'ß𝔘'\nx\n\n中文 = 1 # ǅ\n";
        let index = LineIndex::new(source);
        for (offset, _) in source.char_indices().chain([(source.len(), ' ')]) {
            assert_eq!(
                index.line_col(offset as u32),
                naive_line_col(source, offset),
                "at {offset}"
            );
        }
        // Inside a character, and past the end.
        assert_eq!(index.line_col(1), (1, 1));
        assert_eq!(index.line_col(1000), (5, 0));
    }

    /// Found by fuzzing: the column used to be counted character by
    /// character from the line's start, so `--emit tokens` (a column per
    /// token) was quadratic in the length of a line: seconds for a 400 kB
    /// one-line file, hours for a few MB.
    #[test]
    fn columns_on_a_long_line_are_not_quadratic() {
        let source = "é + ".repeat(50_000);
        let index = LineIndex::new(&source);
        let mut last = (0, 0);
        for (offset, _) in source.char_indices() {
            last = index.line_col(offset as u32);
        }
        assert_eq!(last, (1, 199_999));
    }
}

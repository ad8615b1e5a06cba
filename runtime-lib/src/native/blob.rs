//! The program blob: the code objects of a native program (their names,
//! argument counts, flags, variable tables and constants) and the source
//! texts of its files, serialised by the compiler and decoded at start-up.
//!
//! Both ends live here ([`BlobWriter`] for the compiler, [`BlobReader`]
//! for the runtime) so the format cannot drift. It is a flat little-endian
//! byte string:
//!
//! ```text
//! blob    := u32 nsources (str filename, str source)*  u32 ncodes code*
//! code    := str name, str qualname, str filename,
//!            u32 firstline argcount posonly kwonly flags max_stack,
//!            u32 locals_in_frame (0 or 1),
//!            (max_stack: the frame words after the variables: the
//!            operand stack's spill area and what generated code keeps
//!            across a `yield`)
//!            strs varnames, strs cellvars, strs freevars, strs names,
//!            u32 n (i32 cell_arg)*  (−1: the cell starts empty),
//!            u32 n const*
//! const   := tag payload   (see [`ConstTag`]; code constants are indices
//!                           into the code list, which is in creation order)
//! str     := u32 len, UTF-8 bytes      strs := u32 n, str*
//! ```

/// The kind of a serialised constant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum ConstTag {
    None = 0,
    False = 1,
    True = 2,
    Ellipsis = 3,
    /// i64.
    Int = 4,
    /// A decimal string.
    BigInt = 5,
    /// f64 bits.
    Float = 6,
    /// Two f64s: real, imaginary.
    Complex = 7,
    Str = 8,
    Bytes = 9,
    /// u32 n, then n constants.
    Tuple = 10,
    /// u32 n, then n constants.
    FrozenSet = 11,
    /// u32 index of the code object.
    Code = 12,
}

impl ConstTag {
    fn from_u8(b: u8) -> Option<ConstTag> {
        use ConstTag::*;
        Some(match b {
            0 => None,
            1 => False,
            2 => True,
            3 => Ellipsis,
            4 => Int,
            5 => BigInt,
            6 => Float,
            7 => Complex,
            8 => Str,
            9 => Bytes,
            10 => Tuple,
            11 => FrozenSet,
            12 => Code,
            _ => return Option::None,
        })
    }
}

/// Builds a blob.
#[derive(Default)]
pub struct BlobWriter {
    bytes: Vec<u8>,
}

impl BlobWriter {
    pub fn new() -> BlobWriter {
        BlobWriter::default()
    }

    pub fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    pub fn i32(&mut self, v: i32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    pub fn i64(&mut self, v: i64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    pub fn f64(&mut self, v: f64) {
        self.bytes.extend_from_slice(&v.to_bits().to_le_bytes());
    }

    pub fn tag(&mut self, t: ConstTag) {
        self.bytes.push(t as u8);
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.u32(b.len() as u32);
        self.bytes.extend_from_slice(b);
    }

    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    pub fn strs<S: AsRef<str>>(&mut self, items: &[S]) {
        self.u32(items.len() as u32);
        for s in items {
            self.str(s.as_ref());
        }
    }

    pub fn finish(self) -> Vec<u8> {
        self.bytes
    }
}

/// Reads a blob; every method answers None past the end or on a malformed
/// item (the compiler wrote it, so that is a build mismatch).
pub struct BlobReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> BlobReader<'a> {
    pub fn new(bytes: &'a [u8]) -> BlobReader<'a> {
        BlobReader { bytes, at: 0 }
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let s = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(s)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    pub fn u32(&mut self) -> Option<u32> {
        self.array().map(u32::from_le_bytes)
    }

    pub fn i32(&mut self) -> Option<i32> {
        self.array().map(i32::from_le_bytes)
    }

    pub fn i64(&mut self) -> Option<i64> {
        self.array().map(i64::from_le_bytes)
    }

    pub fn f64(&mut self) -> Option<f64> {
        self.array().map(|b| f64::from_bits(u64::from_le_bytes(b)))
    }

    pub fn tag(&mut self) -> Option<ConstTag> {
        ConstTag::from_u8(*self.take(1)?.first()?)
    }

    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()? as usize;
        self.take(n)
    }

    pub fn str(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.bytes()?).ok()
    }

    pub fn strs(&mut self) -> Option<Vec<&'a str>> {
        let n = self.u32()?;
        (0..n).map(|_| self.str()).collect()
    }

    /// The offset of the next item.
    pub fn position(&self) -> usize {
        self.at
    }

    pub fn at_end(&self) -> bool {
        self.at == self.bytes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_item() {
        let mut w = BlobWriter::new();
        w.u32(7);
        w.i32(-1);
        w.i64(-5);
        w.f64(0.5);
        w.tag(ConstTag::FrozenSet);
        w.str("héllo");
        w.strs(&["a", "bc"]);
        let bytes = w.finish();
        let mut r = BlobReader::new(&bytes);
        assert_eq!(r.u32(), Some(7));
        assert_eq!(r.i32(), Some(-1));
        assert_eq!(r.i64(), Some(-5));
        assert_eq!(r.f64(), Some(0.5));
        assert_eq!(r.tag(), Some(ConstTag::FrozenSet));
        assert_eq!(r.str(), Some("héllo"));
        assert_eq!(r.strs(), Some(vec!["a", "bc"]));
        assert!(r.at_end());
        assert_eq!(r.u32(), None);
    }
}

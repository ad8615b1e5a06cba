//! `Value`: one Python value in one 64-bit word, NaN-boxed.
//!
//! The encoding (after JavaScriptCore's), by the top 16 bits of the word:
//!
//! | top 16 bits       | meaning                                                       |
//! |-------------------|---------------------------------------------------------------|
//! | `0x0000`          | a heap object pointer (8-byte aligned, ≥ [`MIN_POINTER`]), or one of the immediates below |
//! | `0x0002..=0x8001` | a `float`: its IEEE bits plus 2^49 (a NaN's sign cleared first) |
//! | `0xFFFF`          | a small `int`: a 48-bit two's-complement payload               |
//!
//! Immediates (words below [`MIN_POINTER`]): [`Value::ERROR`] (0, never a
//! Python value: the "an exception is pending" result of runtime functions),
//! [`Value::NULL`] (an absent value: an unbound local, an empty slot), and
//! `None`, `False`, `True`, `NotImplemented`, `Ellipsis`, so `x is None` is a
//! word comparison and a bool is `FALSE | b`.
//!
//! Small ints cover [-2^47, 2^47); larger ints are heap big integers. The
//! switch is invisible to Python code: every int operation returns the small
//! form whenever the result fits (see the int module).
//!
//! Float arithmetic never allocates. The 2^49 offset keeps every encoded
//! float's top 16 bits in `0x0002..=0xFFF2` (the largest non-NaN pattern is
//! -inf, `0xFFF0_0000_0000_0000`), clear of pointers and ints. Negative NaNs
//! would wrap around, so a NaN's sign bit is cleared; its payload is kept,
//! which lets distinct NaN "objects" (`float('nan')` twice) stay distinct
//! under `is`, as in CPython.

use std::fmt;

/// Offset added to a float's bits so no float looks like a pointer or an int.
pub const DOUBLE_OFFSET: u64 = 1 << 49;
/// Top 16 bits of a small int.
pub const INT_TAG: u64 = 0xFFFF_0000_0000_0000;
/// A float's sign bit (cleared in NaNs, see the module doc).
pub const SIGN_BIT: u64 = 1 << 63;
/// Smallest small int.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
/// Largest small int.
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;
/// Words below this are immediates, never pointers.
pub const MIN_POINTER: u64 = 0x1000;

/// A Python value. `Copy`: it is one machine word; heap objects it points at
/// are owned by the collector, not by the `Value`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(u64);

impl Value {
    /// Returned by a runtime function that failed; the exception is in the
    /// thread's current-exception slot. Never a Python value.
    pub const ERROR: Value = Value(0);
    /// An absent value (unbound local, empty slot, "no self" in a method call).
    pub const NULL: Value = Value(0x1);
    pub const NONE: Value = Value(0x2);
    pub const FALSE: Value = Value(0x6);
    pub const TRUE: Value = Value(0x7);
    pub const NOT_IMPLEMENTED: Value = Value(0xA);
    pub const ELLIPSIS: Value = Value(0xE);

    /// The raw word (for generated code and tests).
    pub const fn bits(self) -> u64 {
        self.0
    }

    /// Rebuilds a value from its raw word.
    ///
    /// # Safety
    /// `bits` must be a word produced by [`Value::bits`] whose object (if
    /// any) is still alive.
    pub const unsafe fn from_bits(bits: u64) -> Value {
        Value(bits)
    }

    // ---- bool ----

    pub const fn from_bool(b: bool) -> Value {
        Value(Value::FALSE.0 | b as u64)
    }

    pub const fn is_bool(self) -> bool {
        self.0 == Value::TRUE.0 || self.0 == Value::FALSE.0
    }

    pub const fn is_none(self) -> bool {
        self.0 == Value::NONE.0
    }

    pub const fn is_error(self) -> bool {
        self.0 == Value::ERROR.0
    }

    pub const fn is_null(self) -> bool {
        self.0 == Value::NULL.0
    }

    /// True for the immediates (ERROR, NULL, None, bools, NotImplemented, Ellipsis).
    pub const fn is_immediate(self) -> bool {
        self.0 < MIN_POINTER
    }

    // ---- small int ----

    /// The small int `i`, or `None` when it does not fit in 48 bits.
    pub const fn try_from_i64(i: i64) -> Option<Value> {
        if i >= SMALL_INT_MIN && i <= SMALL_INT_MAX {
            Some(Value(INT_TAG | (i as u64 & 0x0000_FFFF_FFFF_FFFF)))
        } else {
            None
        }
    }

    /// A small int known to fit (panics in debug builds otherwise).
    pub const fn small_int(i: i64) -> Value {
        debug_assert!(i >= SMALL_INT_MIN && i <= SMALL_INT_MAX);
        Value(INT_TAG | (i as u64 & 0x0000_FFFF_FFFF_FFFF))
    }

    pub const fn is_small_int(self) -> bool {
        self.0 >> 48 == 0xFFFF
    }

    /// The payload of a small int (meaningless for other values).
    pub const fn as_small_int_unchecked(self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }

    pub const fn as_small_int(self) -> Option<i64> {
        if self.is_small_int() {
            Some(self.as_small_int_unchecked())
        } else {
            None
        }
    }

    // ---- float ----

    pub fn from_f64(f: f64) -> Value {
        let bits = if f.is_nan() {
            f.to_bits() & !SIGN_BIT
        } else {
            f.to_bits()
        };
        Value(bits.wrapping_add(DOUBLE_OFFSET))
    }

    pub const fn is_float(self) -> bool {
        self.0 >= DOUBLE_OFFSET && !self.is_small_int()
    }

    /// The float (meaningless for other values).
    pub fn as_f64_unchecked(self) -> f64 {
        f64::from_bits(self.0.wrapping_sub(DOUBLE_OFFSET))
    }

    pub fn as_f64(self) -> Option<f64> {
        if self.is_float() {
            Some(self.as_f64_unchecked())
        } else {
            None
        }
    }

    // ---- heap pointers ----

    pub const fn is_pointer(self) -> bool {
        self.0 >> 48 == 0 && self.0 >= MIN_POINTER
    }

    /// Wraps a heap object pointer.
    pub fn from_ptr<T>(ptr: *const T) -> Value {
        let bits = ptr as u64;
        debug_assert!(bits >= MIN_POINTER && bits >> 48 == 0 && bits.is_multiple_of(8));
        Value(bits)
    }

    /// The heap pointer (meaningless for other values).
    pub const fn as_ptr_unchecked<T>(self) -> *mut T {
        self.0 as *mut T
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Value::ERROR => write!(f, "<error>"),
            Value::NULL => write!(f, "<null>"),
            Value::NONE => write!(f, "None"),
            Value::TRUE => write!(f, "True"),
            Value::FALSE => write!(f, "False"),
            Value::NOT_IMPLEMENTED => write!(f, "NotImplemented"),
            Value::ELLIPSIS => write!(f, "Ellipsis"),
            v if v.is_small_int() => write!(f, "{}", v.as_small_int_unchecked()),
            v if v.is_float() => write!(f, "{:?}", v.as_f64_unchecked()),
            v => write!(f, "<object at {:#x}>", v.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_round_trip_at_the_edges() {
        for i in [
            0,
            1,
            -1,
            42,
            SMALL_INT_MIN,
            SMALL_INT_MAX,
            SMALL_INT_MIN + 1,
            SMALL_INT_MAX - 1,
        ] {
            let v = Value::try_from_i64(i).expect("fits");
            assert!(v.is_small_int() && !v.is_float() && !v.is_pointer() && !v.is_immediate());
            assert_eq!(v.as_small_int(), Some(i));
        }
        assert_eq!(Value::try_from_i64(SMALL_INT_MAX + 1), None);
        assert_eq!(Value::try_from_i64(SMALL_INT_MIN - 1), None);
        assert_eq!(Value::try_from_i64(i64::MAX), None);
    }

    #[test]
    fn floats_round_trip_and_never_look_like_other_values() {
        let specials = [
            0.0,
            -0.0,
            1.5,
            -1.5,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::MIN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            5e-324,
            -5e-324,
        ];
        for f in specials {
            let v = Value::from_f64(f);
            assert!(v.is_float() && !v.is_small_int() && !v.is_pointer() && !v.is_immediate());
            assert_eq!(v.as_f64_unchecked().to_bits(), f.to_bits());
        }
        for nan in [
            f64::NAN,
            -f64::NAN,
            f64::from_bits(0xFFFF_FFFF_FFFF_FFFF),
            f64::from_bits(0x7FF0_0000_0000_0001),
            f64::from_bits(0x7FFF_FFFF_FFFF_FFFF),
        ] {
            let v = Value::from_f64(nan);
            assert!(v.is_float() && !v.is_small_int() && !v.is_pointer());
            assert!(v.as_f64_unchecked().is_nan());
        }
    }

    #[test]
    fn immediates_are_distinct_and_classified() {
        let all = [
            Value::ERROR,
            Value::NULL,
            Value::NONE,
            Value::FALSE,
            Value::TRUE,
            Value::NOT_IMPLEMENTED,
            Value::ELLIPSIS,
        ];
        for (i, a) in all.iter().enumerate() {
            assert!(a.is_immediate() && !a.is_pointer() && !a.is_float() && !a.is_small_int());
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(Value::from_bool(true), Value::TRUE);
        assert_eq!(Value::from_bool(false), Value::FALSE);
        assert!(Value::TRUE.is_bool() && !Value::NONE.is_bool());
    }

    #[test]
    fn pointers_round_trip() {
        let boxed = Box::new(0u64);
        let ptr: *const u64 = &*boxed;
        let v = Value::from_ptr(ptr);
        assert!(v.is_pointer() && !v.is_float() && !v.is_small_int() && !v.is_immediate());
        assert_eq!(v.as_ptr_unchecked::<u64>() as *const u64, ptr);
    }
}

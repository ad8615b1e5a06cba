//! [`ThinList`]: a list behind one pointer, for the AST's rarely used lists.
//!
//! A `Box<[T]>` is two words (pointer and length). Inside [`ExprKind`]
//! (super::ast::ExprKind), whose largest variant sets the size of every
//! expression, the call's keyword arguments and the comparison's operators
//! were the words that made `Expr` 56 bytes instead of 48. Most calls have
//! no keyword arguments, and an empty `ThinList` allocates nothing; a
//! non-empty one costs a second, 16-byte allocation holding the slice.

use std::fmt;
use std::ops::{Deref, DerefMut};

/// A list one pointer wide, read and written as a slice.
#[derive(Clone)]
pub struct ThinList<T>(Option<Box<Box<[T]>>>);

impl<T> ThinList<T> {
    /// The empty list (no allocation).
    pub const fn new() -> Self {
        ThinList(None)
    }
}

impl<T> Default for ThinList<T> {
    fn default() -> Self {
        ThinList::new()
    }
}

impl<T> From<Box<[T]>> for ThinList<T> {
    fn from(items: Box<[T]>) -> Self {
        if items.is_empty() {
            ThinList(None)
        } else {
            ThinList(Some(Box::new(items)))
        }
    }
}

impl<T> From<Vec<T>> for ThinList<T> {
    #[inline]
    fn from(items: Vec<T>) -> Self {
        // Tested first so that the common empty list costs no call to
        // shrink or drop a boxed slice.
        if items.is_empty() {
            ThinList(None)
        } else {
            ThinList(Some(Box::new(items.into_boxed_slice())))
        }
    }
}

impl<T> Deref for ThinList<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match &self.0 {
            Some(items) => items,
            None => &[],
        }
    }
}

impl<T> DerefMut for ThinList<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        match &mut self.0 {
            Some(items) => items,
            None => &mut [],
        }
    }
}

impl<'a, T> IntoIterator for &'a ThinList<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: PartialEq> PartialEq for ThinList<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

/// Prints as the slice does, so `{:?}` of the AST reads as before.
impl<T: fmt::Debug> fmt::Debug for ThinList<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_as_a_slice() {
        assert_eq!(std::mem::size_of::<ThinList<u64>>(), 8);
        let empty: ThinList<u8> = Vec::new().into();
        assert!(empty.is_empty() && empty.0.is_none());
        assert_eq!(empty, ThinList::default());
        let mut list: ThinList<u8> = vec![1, 2, 3].into();
        list[0] = 7;
        assert_eq!(&*list, &[7, 2, 3]);
        assert_eq!((&list).into_iter().copied().sum::<u8>(), 12);
        assert_eq!(format!("{list:?}"), "[7, 2, 3]");
        assert_ne!(list, empty);
    }
}

//! Character tests of the regex engine: categories (`\d`, `\w`, `\s` with
//! Unicode or ASCII meaning), sets, and case-insensitive comparison by
//! simple case mapping (a character matches when it, its lower case or its
//! upper case is equal / in the set).

use super::compile::CharTest;
use super::parse::{Category, CharSet, SetItem};
use crate::types::string::extra::{is_alnum, is_decimal, is_space};

fn lower(c: char) -> char {
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

fn upper(c: char) -> char {
    let mut it = c.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// Whether `c` has another case form.
pub fn has_case(c: char) -> bool {
    lower(c) != c || upper(c) != c
}

pub fn is_word(c: char, ascii: bool) -> bool {
    if ascii {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        is_alnum(c) || c == '_'
    }
}

fn category(cat: Category, c: char, ascii: bool) -> bool {
    match cat {
        Category::Digit => {
            if ascii {
                c.is_ascii_digit()
            } else {
                is_decimal(c)
            }
        }
        Category::NotDigit => !category(Category::Digit, c, ascii),
        Category::Word => is_word(c, ascii),
        Category::NotWord => !is_word(c, ascii),
        Category::Space => {
            if ascii {
                matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
            } else {
                is_space(c)
            }
        }
        Category::NotSpace => !category(Category::Space, c, ascii),
    }
}

fn set_contains_exact(set: &CharSet, c: char) -> bool {
    set.items.iter().any(|item| match *item {
        SetItem::Char(x) => x == c,
        SetItem::Range(a, b) => a <= c && c <= b,
        SetItem::Cat(cat) => category(cat, c, set.ascii),
    })
}

fn set_matches(set: &CharSet, c: char) -> bool {
    let mut hit = set_contains_exact(set, c);
    if !hit && set.ignore_case && (!set.ascii || c.is_ascii()) {
        let (l, u) = (lower(c), upper(c));
        hit = (l != c && set_contains_exact(set, l)) || (u != c && set_contains_exact(set, u));
    }
    hit != set.negate
}

/// Case-insensitive equality of a subject character with a literal.
pub fn eq_ignore_case(c: char, lit: char, ascii: bool) -> bool {
    if c == lit {
        return true;
    }
    if ascii {
        return c.is_ascii() && lit.is_ascii() && c.eq_ignore_ascii_case(&lit);
    }
    lower(c) == lower(lit) || upper(c) == upper(lit)
}

/// Whether `c` passes `test`.
pub fn test(t: &CharTest, c: char) -> bool {
    match t {
        CharTest::Char(x) => c == *x,
        CharTest::CharIgnore { c: x, ascii } => eq_ignore_case(c, *x, *ascii),
        CharTest::Any => c != '\n',
        CharTest::AnyAll => true,
        CharTest::Set(s) => set_matches(s, c),
    }
}

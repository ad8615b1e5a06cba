//! The compiler's checks on one `case` pattern (`compiler_pattern*` in
//! CPython's `Python/compile.c`).
//!
//! They concern the names a pattern binds (each at most once; every
//! alternative of an or-pattern the same set), irrefutable patterns that
//! would make later ones unreachable, repeated keyword attributes in class
//! patterns, and the keys of mapping patterns, which must be literals or
//! attribute lookups and distinct (compared as Python compares them, so `1`,
//! `1.0` and `True` are the same key). An error points where CPython's does:
//! at the last (sub)pattern it started compiling.
//!
//! The expressions inside patterns (values, keys, class names) are literals,
//! names and attribute lookups, in which the compiler has nothing to check.

use crate::syntax::ast::*;
use crate::syntax::dump::{repr_bytes, repr_complex, repr_float, repr_str};
use crate::syntax::span::Span;
use crate::syntax::{SyntaxError, SyntaxErrorKind};
use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive};

type Check = Result<(), SyntaxError>;

/// Checks the pattern of one `case`; an irrefutable pattern is allowed only
/// if the case is guarded or last.
pub(super) fn check_case_pattern(pattern: &Pattern, allow_irrefutable: bool) -> Check {
    let mut checker = PatternChecker {
        stores: Vec::new(),
        allow_irrefutable,
        location: pattern.span,
    };
    checker.pattern(pattern)
}

/// `case _:`, which the compiler treats as a default.
pub(super) fn is_wildcard(pattern: &Pattern) -> bool {
    matches!(
        pattern.kind,
        PatternKind::MatchAs {
            pattern: None,
            name: None
        }
    )
}

fn is_star_wildcard(pattern: &Pattern) -> bool {
    matches!(pattern.kind, PatternKind::MatchStar(None))
}

/// CPython's `pattern_context`, minus the code generation.
struct PatternChecker {
    /// Names bound so far, in order.
    stores: Vec<String>,
    allow_irrefutable: bool,
    /// Where an error is reported: the pattern last started.
    location: Span,
}

impl PatternChecker {
    fn error(&self, kind: SyntaxErrorKind) -> SyntaxError {
        SyntaxError::new(kind, self.location)
    }

    fn pattern(&mut self, p: &Pattern) -> Check {
        self.location = p.span;
        match &p.kind {
            PatternKind::MatchValue(value) => {
                if matches!(value.kind, ExprKind::Attribute { .. }) || fold(value).is_some() {
                    Ok(())
                } else {
                    Err(self.error(SyntaxErrorKind::PatternFString))
                }
            }
            PatternKind::MatchSingleton(_) => Ok(()),
            PatternKind::MatchSequence(patterns) => self.sequence(patterns),
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.mapping(keys, patterns, rest.as_ref()),
            PatternKind::MatchClass {
                patterns,
                kwd_attrs,
                kwd_patterns,
                ..
            } => self.class(p.span, patterns, kwd_attrs, kwd_patterns),
            PatternKind::MatchStar(name) => self.store(name.as_ref()),
            PatternKind::MatchAs {
                pattern: None,
                name,
            } => {
                if self.allow_irrefutable {
                    return self.store(name.as_ref());
                }
                Err(self.error(match name {
                    Some(name) => SyntaxErrorKind::NameCaptureMakesRemainingUnreachable {
                        name: name.name.to_string(),
                    },
                    None => SyntaxErrorKind::WildcardMakesRemainingUnreachable,
                }))
            }
            PatternKind::MatchAs {
                pattern: Some(inner),
                name,
            } => {
                self.pattern(inner)?;
                self.store(name.as_ref())
            }
            PatternKind::MatchOr(alternatives) => self.or(alternatives),
        }
    }

    /// A pattern nested in a sequence, mapping or class pattern: irrefutable
    /// is fine there.
    fn subpattern(&mut self, p: &Pattern) -> Check {
        let allow = std::mem::replace(&mut self.allow_irrefutable, true);
        self.pattern(p)?;
        self.allow_irrefutable = allow;
        Ok(())
    }

    fn store(&mut self, name: Option<&Ident>) -> Check {
        let Some(name) = name else { return Ok(()) };
        if name.name == "__debug__" {
            let kind = SyntaxErrorKind::CannotAssign {
                what: "__debug__",
                maybe_comparison: false,
            };
            return Err(self.error(kind));
        }
        if self.stores.iter().any(|s| *s == name.name) {
            let name = name.name.to_string();
            return Err(self.error(SyntaxErrorKind::MultipleAssignmentsInPattern { name }));
        }
        self.stores.push(name.name.to_string());
        Ok(())
    }

    fn sequence(&mut self, patterns: &[Pattern]) -> Check {
        let mut star = None;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p.kind, PatternKind::MatchStar(_)) {
                if star.is_some() {
                    return Err(self.error(SyntaxErrorKind::MultipleStarredNamesInSequencePattern));
                }
                star = Some(i);
            }
        }
        let only_wildcards = patterns
            .iter()
            .all(|p| is_wildcard(p) || is_star_wildcard(p));
        if only_wildcards {
            return Ok(());
        }
        if star.is_some_and(|i| is_star_wildcard(&patterns[i])) {
            // Compiled with subscripts: wildcards are skipped.
            for p in patterns
                .iter()
                .filter(|p| !is_wildcard(p) && !is_star_wildcard(p))
            {
                self.subpattern(p)?;
            }
            return Ok(());
        }
        if let Some(i) = star {
            if i >= 1 << 8 {
                let what = "sequence pattern";
                return Err(self.error(SyntaxErrorKind::TooManyExpressionsInStarUnpacking { what }));
            }
        }
        patterns.iter().try_for_each(|p| self.subpattern(p))
    }

    fn mapping(&mut self, keys: &[Expr], patterns: &[Pattern], rest: Option<&Ident>) -> Check {
        if keys.is_empty() && rest.is_none() {
            return Ok(());
        }
        let mut seen: Vec<Folded> = Vec::new();
        for key in keys {
            match fold(key) {
                Some(value) => {
                    if seen.iter().any(|s| s.py_eq(&value)) {
                        let key = value.repr();
                        return Err(self.error(SyntaxErrorKind::MappingPatternDuplicateKey { key }));
                    }
                    seen.push(value);
                }
                None if matches!(key.kind, ExprKind::Attribute { .. }) => {}
                None => return Err(self.error(SyntaxErrorKind::MappingPatternKeysLiteralsOnly)),
            }
        }
        patterns.iter().try_for_each(|p| self.subpattern(p))?;
        self.store(rest)
    }

    fn class(
        &mut self,
        span: Span,
        patterns: &[Pattern],
        kwd_attrs: &[Ident],
        kwd_patterns: &[Pattern],
    ) -> Check {
        let pattern_span = |i: usize| kwd_patterns.get(i).map_or(span, |p| p.span);
        for (i, attr) in kwd_attrs.iter().enumerate() {
            self.location = pattern_span(i);
            if attr.name == "__debug__" {
                let kind = SyntaxErrorKind::CannotAssign {
                    what: "__debug__",
                    maybe_comparison: false,
                };
                return Err(self.error(kind));
            }
            if let Some(j) = (i + 1..kwd_attrs.len()).find(|&j| kwd_attrs[j].name == attr.name) {
                self.location = pattern_span(j);
                let name = attr.name.to_string();
                return Err(
                    self.error(SyntaxErrorKind::AttributeNameRepeatedInClassPattern { name })
                );
            }
        }
        if !kwd_attrs.is_empty() {
            self.location = span;
        }
        patterns
            .iter()
            .chain(kwd_patterns)
            .filter(|p| !is_wildcard(p))
            .try_for_each(|p| self.subpattern(p))
    }

    fn or(&mut self, alternatives: &[Pattern]) -> Check {
        let outer_stores = std::mem::take(&mut self.stores);
        let outer_allow = self.allow_irrefutable;
        let mut control: Option<Vec<String>> = None;
        for (i, alternative) in alternatives.iter().enumerate() {
            self.stores.clear();
            self.allow_irrefutable = i + 1 == alternatives.len() && outer_allow;
            self.pattern(alternative)?;
            match &control {
                None => control = Some(self.stores.clone()),
                Some(names) => {
                    let same = names.len() == self.stores.len()
                        && names.iter().all(|n| self.stores.contains(n));
                    if !same {
                        return Err(
                            self.error(SyntaxErrorKind::AlternativePatternsBindDifferentNames)
                        );
                    }
                }
            }
        }
        self.stores = outer_stores;
        self.allow_irrefutable = outer_allow;
        for name in control.unwrap_or_default() {
            if self.stores.contains(&name) {
                return Err(self.error(SyntaxErrorKind::MultipleAssignmentsInPattern { name }));
            }
            self.stores.push(name);
        }
        Ok(())
    }
}

/// The value of a literal in a pattern, after CPython's constant folding
/// (`-1` and `1+2j` are constants by the time the compiler sees them).
#[derive(Clone, Debug)]
enum Folded {
    None,
    Bool(bool),
    Ellipsis,
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
}

fn fold(e: &Expr) -> Option<Folded> {
    match &e.kind {
        ExprKind::Constant(c) => Some(match c {
            Constant::None => Folded::None,
            Constant::Bool(b) => Folded::Bool(*b),
            Constant::Ellipsis => Folded::Ellipsis,
            Constant::Int(Int::Small(i)) => Folded::Int(BigInt::from(*i)),
            Constant::Int(Int::Big(i)) => Folded::Int((**i).clone()),
            Constant::Float(x) => Folded::Float(*x),
            Constant::Complex(imag) => Folded::Complex(0.0, *imag),
            Constant::Str(s) => Folded::Str(s.clone()),
            Constant::Bytes(b) => Folded::Bytes(b.clone()),
        }),
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand,
        } => match fold(operand)? {
            Folded::Bool(b) => Some(Folded::Int(-BigInt::from(u8::from(b)))),
            Folded::Int(i) => Some(Folded::Int(-i)),
            Folded::Float(x) => Some(Folded::Float(-x)),
            Folded::Complex(re, im) => Some(Folded::Complex(-re, -im)),
            _ => None,
        },
        ExprKind::BinOp {
            left,
            op: op @ (Operator::Add | Operator::Sub),
            right,
        } => {
            let (left, right) = (fold(left)?, fold(right)?);
            let sub = *op == Operator::Sub;
            if let (Some(l), Some(r)) = (left.as_int(), right.as_int()) {
                return Some(Folded::Int(if sub { l - r } else { l + r }));
            }
            let ((lre, lim), (rre, rim)) = (left.as_complex()?, right.as_complex()?);
            if matches!(left, Folded::Complex(..)) || matches!(right, Folded::Complex(..)) {
                Some(if sub {
                    Folded::Complex(lre - rre, lim - rim)
                } else {
                    Folded::Complex(lre + rre, lim + rim)
                })
            } else {
                Some(Folded::Float(if sub { lre - rre } else { lre + rre }))
            }
        }
        _ => None,
    }
}

impl Folded {
    fn as_int(&self) -> Option<BigInt> {
        match self {
            Folded::Bool(b) => Some(BigInt::from(u8::from(*b))),
            Folded::Int(i) => Some(i.clone()),
            _ => None,
        }
    }

    /// As a complex number; `None` for non-numbers and for ints too large
    /// for a float (CPython then leaves the expression unfolded).
    fn as_complex(&self) -> Option<(f64, f64)> {
        match self {
            Folded::Bool(_) | Folded::Int(_) => {
                let x = self.as_int()?.to_f64()?;
                x.is_finite().then_some((x, 0.0))
            }
            Folded::Float(x) => Some((*x, 0.0)),
            Folded::Complex(re, im) => Some((*re, *im)),
            _ => None,
        }
    }

    /// Python's `==` between two keys (what a set of keys compares).
    fn py_eq(&self, other: &Folded) -> bool {
        match (self, other) {
            (Folded::None, Folded::None) | (Folded::Ellipsis, Folded::Ellipsis) => true,
            (Folded::Str(a), Folded::Str(b)) => a == b,
            (Folded::Bytes(a), Folded::Bytes(b)) => a == b,
            (Folded::Complex(re, im), x) | (x, Folded::Complex(re, im)) if x.is_number() => match x
            {
                Folded::Complex(re2, im2) => re == re2 && im == im2,
                _ => *im == 0.0 && Folded::Float(*re).py_eq(x),
            },
            (Folded::Float(a), Folded::Float(b)) => a == b,
            (Folded::Float(x), n) | (n, Folded::Float(x)) => n
                .as_int()
                .is_some_and(|i| x.fract() == 0.0 && BigInt::from_f64(*x).is_some_and(|f| f == i)),
            (a, b) => a
                .as_int()
                .is_some_and(|a| b.as_int().is_some_and(|b| a == b)),
        }
    }

    fn is_number(&self) -> bool {
        matches!(
            self,
            Folded::Bool(_) | Folded::Int(_) | Folded::Float(_) | Folded::Complex(..)
        )
    }

    fn repr(&self) -> String {
        match self {
            Folded::None => "None".to_owned(),
            Folded::Bool(b) => if *b { "True" } else { "False" }.to_owned(),
            Folded::Ellipsis => "Ellipsis".to_owned(),
            Folded::Int(i) => i.to_string(),
            Folded::Float(x) => repr_float(*x),
            Folded::Complex(re, im) => repr_complex(*re, *im),
            Folded::Str(s) => repr_str(s),
            Folded::Bytes(b) => repr_bytes(b),
        }
    }
}

//! Patterns of `match` statements (PEP 634): literal, capture, wildcard,
//! value, group, sequence, mapping, class, `|` alternatives and `as`.

use super::{PResult, Parser};
use crate::syntax::ast::{
    Constant, Expr, ExprContext, ExprKind, Ident, Operator, Pattern, PatternKind, UnaryOp,
};
use crate::syntax::error::SyntaxErrorKind;
use crate::syntax::span::Span;
use crate::syntax::token::TokenKind as T;

impl<'src> Parser<'src> {
    /// `patterns`: one pattern, or an open sequence `a, *rest`.
    pub(super) fn parse_patterns(&mut self) -> PResult<Pattern> {
        let first = self.parse_maybe_star_pattern()?;
        if !self.at(T::Comma) {
            if let PatternKind::MatchStar(_) = first.kind {
                return Err(self.invalid_syntax());
            }
            return Ok(first);
        }
        let start = first.span;
        let mut patterns = vec![first];
        while self.eat(T::Comma) {
            if self.at(T::Colon) || self.at(T::If) {
                break;
            }
            patterns.push(self.parse_maybe_star_pattern()?);
        }
        let span = start.to(self.prev_span());
        Ok(Pattern {
            kind: PatternKind::MatchSequence(patterns),
            span,
        })
    }

    fn parse_maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if !self.at(T::Star) {
            return self.parse_pattern();
        }
        let start = self.bump().span;
        let name = self.expect_ident()?;
        let span = start.to(name.span);
        let name = if name.name == "_" { None } else { Some(name) };
        Ok(Pattern {
            kind: PatternKind::MatchStar(name),
            span,
        })
    }

    /// `pattern`: an or-pattern, optionally `as name`.
    fn parse_pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let result = self.parse_as_pattern();
        self.leave();
        result
    }

    fn parse_as_pattern(&mut self) -> PResult<Pattern> {
        let pattern = self.parse_or_pattern()?;
        if !self.eat(T::As) {
            return Ok(pattern);
        }
        let name = self.expect_ident()?;
        if name.name == "_" {
            return Err(self.error(SyntaxErrorKind::CannotUseWildcardAsTarget, name.span));
        }
        let span = pattern.span.to(name.span);
        Ok(Pattern {
            kind: PatternKind::MatchAs {
                pattern: Some(Box::new(pattern)),
                name: Some(name),
            },
            span,
        })
    }

    fn parse_or_pattern(&mut self) -> PResult<Pattern> {
        let first = self.parse_closed_pattern()?;
        if !self.at(T::VBar) {
            return Ok(first);
        }
        let start = first.span;
        let mut patterns = vec![first];
        while self.eat(T::VBar) {
            patterns.push(self.parse_closed_pattern()?);
        }
        let span = start.to(self.prev_span());
        Ok(Pattern {
            kind: PatternKind::MatchOr(patterns),
            span,
        })
    }

    fn parse_closed_pattern(&mut self) -> PResult<Pattern> {
        let tok = self.token();
        let singleton = |c| {
            Ok(Pattern {
                kind: PatternKind::MatchSingleton(c),
                span: tok.span,
            })
        };
        match tok.kind {
            T::None => {
                self.bump();
                singleton(Constant::None)
            }
            T::True => {
                self.bump();
                singleton(Constant::Bool(true))
            }
            T::False => {
                self.bump();
                singleton(Constant::Bool(false))
            }
            T::Int | T::Float | T::Imaginary | T::Minus => {
                let value = self.parse_number_pattern_value()?;
                Ok(Pattern {
                    span: value.span,
                    kind: PatternKind::MatchValue(value),
                })
            }
            T::String => {
                let value = self.parse_strings()?;
                if let ExprKind::JoinedStr(_) = value.kind {
                    return Err(self.error(SyntaxErrorKind::PatternFString, value.span));
                }
                Ok(Pattern {
                    span: value.span,
                    kind: PatternKind::MatchValue(value),
                })
            }
            T::Name => self.parse_name_pattern(),
            T::LPar => self.parse_paren_pattern(),
            T::LSqb => {
                let open = self.bump().span;
                let patterns = self.parse_pattern_list(T::RSqb)?;
                let close = self.expect(T::RSqb, "]")?.span;
                Ok(Pattern {
                    kind: PatternKind::MatchSequence(patterns),
                    span: open.to(close),
                })
            }
            T::LBrace => self.parse_mapping_pattern(),
            _ => Err(self.invalid_syntax()),
        }
    }

    /// A signed number or a complex literal `-1 + 2j`, as an expression.
    fn parse_number_pattern_value(&mut self) -> PResult<Expr> {
        let real = self.parse_signed_number()?;
        let op = match self.peek() {
            T::Plus => Operator::Add,
            T::Minus => Operator::Sub,
            _ => return Ok(real),
        };
        self.bump();
        let imag = self.parse_signed_number_token()?;
        if !matches!(imag.kind, ExprKind::Constant(Constant::Complex(_))) {
            return Err(self.error(SyntaxErrorKind::ImaginaryNumberRequired, imag.span));
        }
        if matches!(real.kind, ExprKind::Constant(Constant::Complex(_))) {
            return Err(self.error(SyntaxErrorKind::RealNumberRequired, real.span));
        }
        let span = real.span.to(imag.span);
        Ok(Expr::new(
            ExprKind::BinOp {
                left: Box::new(real),
                op,
                right: Box::new(imag),
            },
            span,
        ))
    }

    fn parse_signed_number(&mut self) -> PResult<Expr> {
        if !self.at(T::Minus) {
            return self.parse_signed_number_token();
        }
        let start = self.bump().span;
        let operand = self.parse_signed_number_token()?;
        let span = start.to(operand.span);
        Ok(Expr::new(
            ExprKind::UnaryOp {
                op: UnaryOp::USub,
                operand: Box::new(operand),
            },
            span,
        ))
    }

    fn parse_signed_number_token(&mut self) -> PResult<Expr> {
        match self.peek() {
            T::Int | T::Float | T::Imaginary => {
                let tok = self.bump();
                let value = self.number(tok)?;
                Ok(Expr::new(ExprKind::Constant(value), tok.span))
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    /// Capture `x`, wildcard `_`, value `a.b.c`, or class `a.B(...)`.
    fn parse_name_pattern(&mut self) -> PResult<Pattern> {
        let first = self.expect_ident()?;
        if !self.at(T::Dot) && !self.at(T::LPar) {
            let span = first.span;
            let name = if first.name == "_" { None } else { Some(first) };
            return Ok(Pattern {
                kind: PatternKind::MatchAs {
                    pattern: None,
                    name,
                },
                span,
            });
        }
        let value = self.parse_dotted_value(first)?;
        if self.at(T::LPar) {
            return self.parse_class_pattern(value);
        }
        Ok(Pattern {
            span: value.span,
            kind: PatternKind::MatchValue(value),
        })
    }

    fn parse_class_pattern(&mut self, cls: Expr) -> PResult<Pattern> {
        self.bump();
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        while !self.at(T::RPar) {
            let before = self.pos;
            if self.at(T::Name) && self.peek_nth(1) == T::Equal {
                let attr = self.expect_ident()?;
                self.bump();
                kwd_attrs.push(attr);
                kwd_patterns.push(self.parse_pattern()?);
            } else {
                let pattern = self.parse_pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(
                        self.error(SyntaxErrorKind::PositionalPatternAfterKeyword, pattern.span)
                    );
                }
                patterns.push(pattern);
            }
            if !self.eat(T::Comma) {
                break;
            }
            self.assert_progress(before)?;
        }
        let close = self.expect(T::RPar, ")")?.span;
        let span = cls.span.to(close);
        Ok(Pattern {
            kind: PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
            span,
        })
    }

    /// `(pattern)` (a group) or `(a, b)` / `()` (a sequence).
    fn parse_paren_pattern(&mut self) -> PResult<Pattern> {
        let open = self.bump().span;
        if self.at(T::RPar) {
            let close = self.bump().span;
            return Ok(Pattern {
                kind: PatternKind::MatchSequence(Vec::new()),
                span: open.to(close),
            });
        }
        let first = self.parse_maybe_star_pattern()?;
        if self.at(T::RPar) && !matches!(first.kind, PatternKind::MatchStar(_)) {
            self.bump();
            return Ok(first);
        }
        let mut patterns = vec![first];
        if self.eat(T::Comma) {
            patterns.extend(self.parse_pattern_list(T::RPar)?);
        }
        let close = self.expect(T::RPar, ")")?.span;
        Ok(Pattern {
            kind: PatternKind::MatchSequence(patterns),
            span: open.to(close),
        })
    }

    /// Comma-separated (star) patterns up to `close`, trailing comma allowed.
    fn parse_pattern_list(&mut self, close: T) -> PResult<Vec<Pattern>> {
        let mut patterns = Vec::new();
        while !self.at(close) {
            let before = self.pos;
            patterns.push(self.parse_maybe_star_pattern()?);
            if !self.eat(T::Comma) {
                break;
            }
            self.assert_progress(before)?;
        }
        Ok(patterns)
    }

    fn parse_mapping_pattern(&mut self) -> PResult<Pattern> {
        let open = self.bump().span;
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest: Option<Ident> = None;
        while !self.at(T::RBrace) {
            let before = self.pos;
            if rest.is_some() {
                return Err(self.invalid_syntax());
            }
            if self.eat(T::DoubleStar) {
                rest = Some(self.expect_ident()?);
            } else {
                keys.push(self.parse_mapping_key()?);
                self.expect(T::Colon, ":")?;
                patterns.push(self.parse_pattern()?);
            }
            if !self.eat(T::Comma) {
                break;
            }
            self.assert_progress(before)?;
        }
        let close = self.expect(T::RBrace, "}")?.span;
        Ok(Pattern {
            kind: PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            },
            span: open.to(close),
        })
    }

    /// A mapping pattern key: a literal or a dotted value.
    fn parse_mapping_key(&mut self) -> PResult<Expr> {
        let tok = self.token();
        let constant = |c| Ok(Expr::new(ExprKind::Constant(c), tok.span));
        match tok.kind {
            T::None => {
                self.bump();
                constant(Constant::None)
            }
            T::True => {
                self.bump();
                constant(Constant::Bool(true))
            }
            T::False => {
                self.bump();
                constant(Constant::Bool(false))
            }
            T::Int | T::Float | T::Imaginary | T::Minus => self.parse_number_pattern_value(),
            T::String => self.parse_strings(),
            T::Name => {
                let first = self.expect_ident()?;
                if !self.at(T::Dot) {
                    return Err(self.invalid_syntax());
                }
                self.parse_dotted_value(first)
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    /// `first.a.b…`: a left-nested chain of attributes, as deep as it is
    /// long, so it counts towards MAX_DEPTH (see `parse_primary`).
    fn parse_dotted_value(&mut self, first: Ident) -> PResult<Expr> {
        let mut value = name_expr(first);
        let mut chain = 0;
        while self.at(T::Dot) {
            chain += 1;
            self.check_chain(chain)?;
            self.bump();
            let attr = self.expect_ident()?;
            let span: Span = value.span.to(attr.span);
            value = Expr::new(
                ExprKind::Attribute {
                    value: Box::new(value),
                    attr: attr.name,
                    attr_start: attr.span.start,
                    ctx: ExprContext::Load,
                },
                span,
            );
        }
        Ok(value)
    }
}

fn name_expr(ident: Ident) -> Expr {
    Expr::new(
        ExprKind::Name {
            id: ident.name,
            ctx: ExprContext::Load,
        },
        ident.span,
    )
}

#[cfg(test)]
mod tests {
    use crate::syntax::error::SyntaxErrorKind;
    use crate::syntax::parser::{parse_module, MAX_DEPTH};

    /// Found by fuzzing: dotted names in patterns (`case a.b.c:`, also as
    /// mapping keys and class names) nest an `Attribute` per dot, but did not
    /// count towards MAX_DEPTH, so a long one made an AST of any depth.
    #[test]
    fn dotted_pattern_values_count_towards_the_depth_limit() {
        for (before, after) in [("", ""), ("{", ": 1}"), ("", "()")] {
            let case = |n: usize| {
                format!(
                    "match x:\n    case {before}a{}{after}:\n        pass\n",
                    ".a".repeat(n)
                )
            };
            assert!(parse_module(&case(MAX_DEPTH as usize - 10)).is_ok());
            let error = parse_module(&case(20_000)).unwrap_err();
            assert_eq!(
                error.kind,
                SyntaxErrorKind::ExpressionTooDeep,
                "{before}a.a…{after}"
            );
        }
    }
}

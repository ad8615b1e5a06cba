//! Parameter lists (`def` and `lambda`) and call arguments, with CPython's
//! ordering errors (`non-default argument follows default argument`,
//! `positional argument follows keyword argument`, ...).

use super::expression::Element;
use super::{PResult, Parser};
use crate::syntax::ast::{Arg, Arguments, Comprehension, Expr, ExprContext, ExprKind, Keyword};
use crate::syntax::error::SyntaxErrorKind;
use crate::syntax::token::TokenKind as T;

impl<'src> Parser<'src> {
    /// Parses parameters up to (not including) `close`: `)` for `def`, `:`
    /// for `lambda` (whose parameters take no annotations).
    pub(super) fn parse_parameters(&mut self, close: T, annotations: bool) -> PResult<Arguments> {
        let mut args = Arguments::default();
        let mut seen_default = false;
        let mut seen_star = false;
        let mut seen_slash = false;
        let mut bare_star: Option<crate::syntax::span::Span> = None;
        while !self.at(close) {
            let before = self.pos;
            match self.peek() {
                T::Slash => {
                    let slash = self.bump().span;
                    if seen_slash {
                        return Err(self.error(SyntaxErrorKind::SlashMayAppearOnlyOnce, slash));
                    }
                    if seen_star {
                        return Err(self.error(SyntaxErrorKind::SlashMustBeAheadOfStar, slash));
                    }
                    if args.args.is_empty() {
                        return Err(self.error(SyntaxErrorKind::SlashNeedsArgument, slash));
                    }
                    seen_slash = true;
                    args.posonlyargs = std::mem::take(&mut args.args);
                }
                T::Star => {
                    let star = self.bump().span;
                    if seen_star {
                        return Err(self.error(SyntaxErrorKind::StarMayAppearOnlyOnce, star));
                    }
                    seen_star = true;
                    if self.at(T::Comma) || self.at(close) {
                        bare_star = Some(star);
                    } else {
                        args.vararg = Some(self.parse_parameter(annotations, true)?);
                    }
                }
                T::DoubleStar => {
                    self.bump();
                    args.kwarg = Some(self.parse_parameter(annotations, false)?);
                    self.eat(T::Comma);
                    if !self.at(close) {
                        return Err(
                            self.error(SyntaxErrorKind::ArgumentsAfterVarKeyword, self.span())
                        );
                    }
                    break;
                }
                T::Name => {
                    let param = self.parse_parameter(annotations, false)?;
                    let default = if self.eat(T::Equal) {
                        Some(self.parse_expression()?)
                    } else {
                        None
                    };
                    if seen_star {
                        bare_star = None;
                        args.kwonlyargs.push(param);
                        args.kw_defaults.push(default);
                    } else {
                        match default {
                            Some(default) => {
                                seen_default = true;
                                args.defaults.push(default);
                            }
                            None if seen_default => {
                                return Err(
                                    self.error(SyntaxErrorKind::NonDefaultAfterDefault, param.span)
                                );
                            }
                            None => {}
                        }
                        args.args.push(param);
                    }
                }
                _ => return Err(self.invalid_syntax()),
            }
            if !self.eat(T::Comma) {
                if !self.at(close) {
                    return Err(if close == T::RPar {
                        self.expected(")")
                    } else {
                        self.invalid_syntax()
                    });
                }
                break;
            }
            self.assert_progress(before)?;
        }
        if let Some(star) = bare_star {
            if args.kwarg.is_some() || self.at(close) {
                return Err(self.error(SyntaxErrorKind::NamedArgumentsAfterBareStar, star));
            }
        }
        Ok(args)
    }

    /// `name [: annotation]`; a `*args` annotation may itself be starred.
    fn parse_parameter(&mut self, annotations: bool, vararg: bool) -> PResult<Arg> {
        let name = self.expect_ident()?;
        let mut span = name.span;
        let annotation = if annotations && self.eat(T::Colon) {
            let annotation = if vararg && self.at(T::Star) {
                self.parse_element(Element::Star)?
            } else {
                self.parse_expression()?
            };
            span = span.to(annotation.span);
            Some(Box::new(annotation))
        } else {
            None
        };
        Ok(Arg {
            name,
            annotation,
            span,
        })
    }

    /// Call arguments up to (not including) the closing `)`.
    pub(super) fn parse_call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let args_base = self.exprs_base();
        let keywords_base = self.scratch.keywords.len();
        let mut seen_keyword = false;
        let mut seen_double_star = false;
        let mut generator: Option<crate::syntax::span::Span> = None;
        let mut count = 0usize;
        let mut trailing_comma = false;
        let mut misplaced: Option<SyntaxErrorKind> = None;
        let mut misplaced_end = 0;
        while !self.at(T::RPar) {
            let before = self.pos;
            count += 1;
            trailing_comma = false;
            match self.peek() {
                T::Star => {
                    let start = self.bump().span;
                    let value = self.parse_expression()?;
                    let span = start.to(value.span);
                    if seen_double_star {
                        return Err(self.error(
                            SyntaxErrorKind::IterableUnpackingAfterKeywordUnpacking,
                            span,
                        ));
                    }
                    self.push_expr(Expr::new(
                        ExprKind::Starred {
                            value: Box::new(value),
                            ctx: ExprContext::Load,
                        },
                        span,
                    ));
                }
                T::DoubleStar => {
                    let start = self.bump().span;
                    let value = self.parse_expression()?;
                    let span = start.to(value.span);
                    seen_double_star = true;
                    self.scratch.keywords.push(Keyword {
                        arg: None,
                        value,
                        span,
                    });
                }
                T::Name if self.peek_nth(1) == T::Equal => {
                    let name = self.expect_ident()?;
                    self.bump();
                    let value = self.parse_expression()?;
                    let span = name.span.to(value.span);
                    seen_keyword = true;
                    self.scratch.keywords.push(Keyword {
                        arg: Some(name),
                        value,
                        span,
                    });
                }
                _ => {
                    let value = self.parse_named_expression()?;
                    if self.at_comprehension() {
                        let generators = self.parse_comprehension_clauses()?;
                        let span = value.span.to(self.prev_span());
                        let id = self.new_node_id();
                        let comp = Comprehension {
                            id,
                            elt: value,
                            value: None,
                            generators,
                        };
                        generator.get_or_insert(span);
                        self.push_expr(Expr::new(ExprKind::GeneratorExp(Box::new(comp)), span));
                    } else {
                        if self.at(T::Equal) {
                            return Err(self.error(
                                SyntaxErrorKind::ExpressionCannotContainAssignment,
                                value.span.to(self.span()),
                            ));
                        }
                        // CPython reports these after the last positional
                        // argument, so keep parsing to find it.
                        if seen_double_star {
                            misplaced
                                .get_or_insert(SyntaxErrorKind::PositionalAfterKeywordUnpacking);
                        } else if seen_keyword {
                            misplaced.get_or_insert(SyntaxErrorKind::PositionalAfterKeyword);
                        }
                        if misplaced.is_some() {
                            misplaced_end = value.span.end;
                        }
                        self.push_expr(value);
                    }
                }
            }
            if !self.eat(T::Comma) {
                if !self.at(T::RPar) {
                    let args = &self.scratch.exprs[args_base..];
                    let keywords = &self.scratch.keywords[keywords_base..];
                    let last = args
                        .last()
                        .map(|a| a.span)
                        .into_iter()
                        .chain(keywords.last().map(|k| k.span))
                        .max_by_key(|s| s.end)
                        .unwrap_or_else(|| self.prev_span());
                    return Err(self.missing_comma_or(last));
                }
                break;
            }
            trailing_comma = true;
            self.assert_progress(before)?;
        }
        if let Some(kind) = misplaced {
            return Err(self.error(kind, crate::syntax::span::Span::at(misplaced_end)));
        }
        if let Some(span) = generator {
            if count > 1 || trailing_comma {
                return Err(self.error(SyntaxErrorKind::GeneratorMustBeParenthesized, span));
            }
        }
        let args = self.take_exprs(args_base);
        let keywords = super::take_from(&mut self.scratch.keywords, keywords_base);
        Ok((args, keywords))
    }
}

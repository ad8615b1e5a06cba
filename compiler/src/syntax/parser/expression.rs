//! Expressions, from `star_expressions` down to atoms, with Python's
//! precedence and associativity (`-2**2` is `-(2**2)`, `**` is
//! right-associative, `not a == b` is `not (a == b)`, `await x ** 2` is
//! `(await x) ** 2`).

use super::{PResult, Parser};
use crate::syntax::ast::{
    BoolOp, CmpOp, Comprehension, ComprehensionFor, Constant, Expr, ExprContext, ExprKind, Lambda,
    Operator, UnaryOp,
};
use crate::syntax::error::SyntaxErrorKind;
use crate::syntax::span::Span;
use crate::syntax::token::TokenKind as T;

/// Which kind of element a comma-separated sequence holds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Element {
    /// `star_expression`: `*bitwise_or` or `expression`.
    Star,
    /// `star_named_expression`: `*bitwise_or` or `named_expression`.
    StarNamed,
    /// An assignment or `for` target: `*bitwise_or` or `bitwise_or`, so that
    /// `in` is left for the `for` statement.
    Target,
}

impl<'src> Parser<'src> {
    /// True when the current token can begin an expression.
    pub(super) fn starts_expression(&self) -> bool {
        matches!(
            self.peek(),
            T::Name
                | T::Int
                | T::Float
                | T::Imaginary
                | T::String
                | T::LPar
                | T::LSqb
                | T::LBrace
                | T::Minus
                | T::Plus
                | T::Tilde
                | T::Not
                | T::Lambda
                | T::Await
                | T::None
                | T::True
                | T::False
                | T::Ellipsis
                | T::Star
        )
    }

    /// `star_expressions`: a single expression, or a tuple when commas follow.
    pub(super) fn parse_star_expressions(&mut self) -> PResult<Expr> {
        self.parse_sequence(Element::Star)
    }

    /// `expressions`: like `star_expressions` without `*` elements.
    pub(super) fn parse_expressions(&mut self) -> PResult<Expr> {
        let first = self.parse_expression();
        if !self.at(T::Comma) {
            return first;
        }
        let first = first?;
        let start = first.span;
        let base = self.exprs_base();
        self.push_expr(first);
        while self.eat(T::Comma) {
            if !self.starts_expression() || self.at(T::Star) {
                break;
            }
            let elt = self.parse_expression()?;
            self.push_expr(elt);
        }
        let elts = self.take_exprs(base);
        let span = start.to(self.prev_span());
        Ok(Expr::new(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            span,
        ))
    }

    /// A comma-separated sequence of `element`s: the element itself when
    /// there is no comma, else an unparenthesized tuple.
    pub(super) fn parse_sequence(&mut self, element: Element) -> PResult<Expr> {
        let first = self.parse_element(element);
        if !self.at(T::Comma) {
            return first;
        }
        let first = first?;
        let start = first.span;
        let base = self.exprs_base();
        self.push_expr(first);
        while self.eat(T::Comma) {
            if !self.starts_expression() {
                break;
            }
            let elt = self.parse_element(element)?;
            self.push_expr(elt);
        }
        let elts = self.take_exprs(base);
        let span = start.to(self.prev_span());
        Ok(Expr::new(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            span,
        ))
    }

    #[inline(always)]
    pub(super) fn parse_element(&mut self, element: Element) -> PResult<Expr> {
        if self.at(T::Star) {
            let start = self.bump().span;
            let value = self.parse_bitwise_or()?;
            let span = start.to(value.span);
            return Ok(Expr::new(
                ExprKind::Starred {
                    value: Box::new(value),
                    ctx: ExprContext::Load,
                },
                span,
            ));
        }
        match element {
            Element::Star => self.parse_expression(),
            Element::StarNamed => self.parse_named_expression(),
            Element::Target => self.parse_bitwise_or(),
        }
    }

    /// `named_expression`: `NAME := expression` or an expression.
    #[inline(always)]
    pub(super) fn parse_named_expression(&mut self) -> PResult<Expr> {
        if self.at(T::Name) && self.peek_nth(1) == T::ColonEqual {
            let tok = self.bump();
            let target = self.ident(tok);
            self.bump();
            let value = self.parse_expression()?;
            let span = target.span.to(value.span);
            let target = Expr::new(
                ExprKind::Name {
                    id: target.name,
                    ctx: ExprContext::Store,
                },
                target.span,
            );
            return Ok(Expr::new(
                ExprKind::NamedExpr {
                    target: Box::new(target),
                    value: Box::new(value),
                },
                span,
            ));
        }
        let expr = self.parse_expression();
        if !self.at(T::ColonEqual) {
            return expr;
        }
        let expr = expr?;
        let what = super::targets::describe(&expr);
        Err(self.error(
            SyntaxErrorKind::CannotUseAssignmentExpression { what },
            expr.span,
        ))
    }

    /// `expression`: a conditional expression, a lambda, or a disjunction.
    pub(super) fn parse_expression(&mut self) -> PResult<Expr> {
        if self.at_lone_atom() {
            return self.parse_atom();
        }
        self.enter()?;
        let result = self.parse_expression_inner();
        self.leave();
        result
    }

    /// True at a one-token atom (a name, number or singleton) followed by a
    /// token that no rule between `expression` and `atom` continues with
    /// (a comma, a closing bracket, the end of the line, ...): the commonest
    /// expression by far, parsed directly as an atom. That is exactly what
    /// the full descent would do, which would fail only by nesting too
    /// deep: `enter` and `check_chain(1)` at the next level.
    fn at_lone_atom(&self) -> bool {
        matches!(
            self.peek(),
            T::Name | T::Int | T::Float | T::Imaginary | T::None | T::True | T::False | T::Ellipsis
        ) && matches!(
            self.peek_nth(1),
            T::Comma
                | T::RPar
                | T::RSqb
                | T::RBrace
                | T::Colon
                | T::Newline
                | T::Semi
                | T::Equal
                | T::EndOfFile
        ) && self.depth + 2 <= super::MAX_DEPTH
    }

    fn parse_expression_inner(&mut self) -> PResult<Expr> {
        if self.at(T::Lambda) {
            return self.parse_lambda();
        }
        let body = if self.starts_primary() {
            // A primary followed by the end of the expression is common
            // enough to skip the operator levels. (The levels between here
            // and `primary` do not nest deeper, so depth checks agree.)
            let primary = self.parse_primary();
            if self.at_expression_end() {
                return primary;
            }
            let primary = self.finish_power(primary?)?;
            self.parse_operators_from(Precedence::Or, primary)
        } else {
            self.parse_disjunction()
        };
        if !self.at(T::If) {
            return body;
        }
        let body = body?;
        self.bump();
        let test = self.parse_disjunction()?;
        if !self.eat(T::Else) {
            if self.starts_expression() || self.at(T::EndOfFile) || self.lex_error.is_some() {
                return Err(self.invalid_syntax());
            }
            return Err(self.error(
                SyntaxErrorKind::ExpectedElseAfterIf,
                body.span.to(test.span),
            ));
        }
        let orelse = self.parse_expression()?;
        let span = body.span.to(orelse.span);
        Ok(Expr::new(
            ExprKind::IfExp {
                test: Box::new(test),
                body: Box::new(body),
                orelse: Box::new(orelse),
            },
            span,
        ))
    }

    fn parse_lambda(&mut self) -> PResult<Expr> {
        let start = self.bump().span;
        let args = self.parse_parameters(T::Colon, false)?;
        self.expect(T::Colon, ":")?;
        let body = self.parse_expression()?;
        let span = start.to(body.span);
        let id = self.new_node_id();
        Ok(Expr::new(
            ExprKind::Lambda(Box::new(Lambda { id, args, body })),
            span,
        ))
    }

    /// True when the current token starts a `primary` (an atom).
    fn starts_primary(&self) -> bool {
        matches!(
            self.peek(),
            T::Name
                | T::Int
                | T::Float
                | T::Imaginary
                | T::String
                | T::LPar
                | T::LSqb
                | T::LBrace
                | T::None
                | T::True
                | T::False
                | T::Ellipsis
        )
    }

    /// True at a token that ends an expression after a primary: no `**`,
    /// infix operator, `if` or trailer continues it.
    fn at_expression_end(&self) -> bool {
        matches!(
            self.peek(),
            T::Comma
                | T::RPar
                | T::RSqb
                | T::RBrace
                | T::Colon
                | T::Newline
                | T::Semi
                | T::Equal
                | T::EndOfFile
                | T::For
                | T::As
                | T::From
                | T::Else
                | T::ColonEqual
                | T::PlusEqual
                | T::MinEqual
                | T::StarEqual
                | T::SlashEqual
                | T::PercentEqual
                | T::AmperEqual
                | T::VBarEqual
                | T::CircumflexEqual
                | T::LeftShiftEqual
                | T::RightShiftEqual
                | T::DoubleStarEqual
                | T::DoubleSlashEqual
                | T::AtEqual
        )
    }

    /// `disjunction`: `a or b or c` and everything it contains.
    pub(super) fn parse_disjunction(&mut self) -> PResult<Expr> {
        self.parse_operators(Precedence::Or)
    }

    /// `bitwise_or` and everything below it down to `term`.
    pub(super) fn parse_bitwise_or(&mut self) -> PResult<Expr> {
        self.parse_operators(Precedence::BitOr)
    }

    /// Operator-precedence parsing of Python's `disjunction` .. `term` rules
    /// in one loop: boolean operators (flattened into one `BoolOp` per run),
    /// prefix `not`, comparison chains (one `Compare` node) and the
    /// left-associative binary operators. Operands bind tighter than
    /// `min`; `factor` (unary `+ - ~`, `**`, `await`, primaries) is below.
    fn parse_operators(&mut self, min: Precedence) -> PResult<Expr> {
        let left = if self.at(T::Not) && min <= Precedence::Not {
            let start = self.bump().span;
            self.enter()?;
            let operand = self.parse_operators(Precedence::Not);
            self.leave();
            let operand = operand?;
            let span = start.to(operand.span);
            Expr::new(
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: Box::new(operand),
                },
                span,
            )
        } else {
            // Most operands stand alone: hand the result back untouched
            // (moving an `Expr` out of a `Result` and back costs a copy per
            // level of the grammar).
            let operand = self.parse_factor();
            if !matches!(self.infix(), Some((precedence, _)) if precedence >= min) {
                return operand;
            }
            operand?
        };
        self.parse_operators_from(min, left)
    }

    /// The operator loop of `parse_operators` after its first operand, `left`.
    fn parse_operators_from(&mut self, min: Precedence, mut left: Expr) -> PResult<Expr> {
        let mut chain = 0;
        loop {
            let kind = self.peek();
            let Some((precedence, infix)) = self.infix() else {
                return Ok(left);
            };
            if precedence < min {
                return Ok(left);
            }
            let operand_min = precedence.next();
            left = match infix {
                Infix::Bool(op) => {
                    let base = self.exprs_base();
                    self.push_expr(left);
                    while self.eat(kind) {
                        let value = self.parse_operators(operand_min)?;
                        self.push_expr(value);
                    }
                    bool_op(op, self.take_exprs(base))
                }
                Infix::Compare => {
                    // Room for one operator, the usual chain: boxing
                    // the list then needs no reallocation.
                    let mut ops = Vec::with_capacity(1);
                    let base = self.exprs_base();
                    while let Some(op) = self.comparison_operator() {
                        ops.push(op);
                        let comparator = self.parse_operators(operand_min)?;
                        self.push_expr(comparator);
                    }
                    let comparators = self.take_exprs(base);
                    let end = comparators.last().map_or(left.span, |c| c.span);
                    let span = left.span.to(end);
                    Expr::new(
                        ExprKind::Compare {
                            left: Box::new(left),
                            ops: ops.into(),
                            comparators: comparators.into_boxed_slice(),
                        },
                        span,
                    )
                }
                Infix::Binary(op) => {
                    chain += 1;
                    self.check_chain(chain)?;
                    self.bump();
                    let right = self.parse_operators(operand_min)?;
                    let span = left.span.to(right.span);
                    Expr::new(
                        ExprKind::BinOp {
                            left: Box::new(left),
                            op,
                            right: Box::new(right),
                        },
                        span,
                    )
                }
            };
        }
    }

    /// The infix operator at the current token, with its precedence.
    fn infix(&self) -> Option<(Precedence, Infix)> {
        let kind = self.peek();
        Some(match kind {
            T::Or => (Precedence::Or, Infix::Bool(BoolOp::Or)),
            T::And => (Precedence::And, Infix::Bool(BoolOp::And)),
            T::EqEqual
            | T::NotEqual
            | T::Less
            | T::LessEqual
            | T::Greater
            | T::GreaterEqual
            | T::In
            | T::Is => (Precedence::Comparison, Infix::Compare),
            T::Not if self.peek_nth(1) == T::In => (Precedence::Comparison, Infix::Compare),
            _ => {
                let (op, precedence) = binary_operator(kind)?;
                (precedence, Infix::Binary(op))
            }
        })
    }

    /// Consumes a comparison operator (`not in` and `is not` are two tokens).
    fn comparison_operator(&mut self) -> Option<CmpOp> {
        let op = match self.peek() {
            T::EqEqual => CmpOp::Eq,
            T::NotEqual => CmpOp::NotEq,
            T::Less => CmpOp::Lt,
            T::LessEqual => CmpOp::LtE,
            T::Greater => CmpOp::Gt,
            T::GreaterEqual => CmpOp::GtE,
            T::In => CmpOp::In,
            T::Not if self.peek_nth(1) == T::In => {
                self.bump();
                CmpOp::NotIn
            }
            T::Is if self.peek_nth(1) == T::Not => {
                self.bump();
                CmpOp::IsNot
            }
            T::Is => CmpOp::Is,
            _ => return None,
        };
        self.bump();
        Some(op)
    }

    fn parse_factor(&mut self) -> PResult<Expr> {
        let op = match self.peek() {
            T::Plus => UnaryOp::UAdd,
            T::Minus => UnaryOp::USub,
            T::Tilde => UnaryOp::Invert,
            _ => return self.parse_power(),
        };
        let start = self.bump().span;
        self.enter()?;
        let operand = self.parse_factor();
        self.leave();
        let operand = operand?;
        let span = start.to(operand.span);
        Ok(Expr::new(
            ExprKind::UnaryOp {
                op,
                operand: Box::new(operand),
            },
            span,
        ))
    }

    fn parse_power(&mut self) -> PResult<Expr> {
        let base = self.parse_await_primary();
        if !self.at(T::DoubleStar) {
            return base;
        }
        self.finish_power(base?)
    }

    /// `base ['**' factor]`, after `base`.
    fn finish_power(&mut self, base: Expr) -> PResult<Expr> {
        if !self.at(T::DoubleStar) {
            return Ok(base);
        }
        self.bump();
        self.enter()?;
        let exponent = self.parse_factor();
        self.leave();
        let exponent = exponent?;
        let span = base.span.to(exponent.span);
        Ok(Expr::new(
            ExprKind::BinOp {
                left: Box::new(base),
                op: Operator::Pow,
                right: Box::new(exponent),
            },
            span,
        ))
    }

    fn parse_await_primary(&mut self) -> PResult<Expr> {
        if !self.at(T::Await) {
            return self.parse_primary();
        }
        let start = self.bump().span;
        let value = self.parse_primary()?;
        let span = start.to(value.span);
        Ok(Expr::new(ExprKind::Await(Box::new(value)), span))
    }

    /// `primary`: an atom followed by `.name`, `(args)` and `[slices]` trailers.
    pub(super) fn parse_primary(&mut self) -> PResult<Expr> {
        // Most atoms have no trailer: hand the result back untouched.
        let atom = self.parse_atom();
        if !matches!(self.peek(), T::Dot | T::LPar | T::LSqb) && self.check_chain(1).is_ok() {
            return atom;
        }
        let mut expr = atom?;
        let mut chain = 0;
        loop {
            chain += 1;
            self.check_chain(chain)?;
            match self.peek() {
                T::Dot => {
                    self.bump();
                    let attr = self.expect_ident()?;
                    let span = expr.span.to(attr.span);
                    expr = Expr::new(
                        ExprKind::Attribute {
                            value: Box::new(expr),
                            attr: attr.name,
                            attr_start: attr.span.start,
                            ctx: ExprContext::Load,
                        },
                        span,
                    );
                }
                T::LPar => {
                    self.bump();
                    let (args, keywords) = self.parse_call_arguments()?;
                    let end = self.expect(T::RPar, ")")?.span;
                    let span = expr.span.to(end);
                    expr = Expr::new(
                        ExprKind::Call {
                            func: Box::new(expr),
                            args: args.into_boxed_slice(),
                            keywords: keywords.into(),
                        },
                        span,
                    );
                }
                T::LSqb => {
                    self.bump();
                    let slice = self.parse_slices()?;
                    let end = self.expect(T::RSqb, "]")?.span;
                    let span = expr.span.to(end);
                    expr = Expr::new(
                        ExprKind::Subscript {
                            value: Box::new(expr),
                            slice: Box::new(slice),
                            ctx: ExprContext::Load,
                        },
                        span,
                    );
                }
                _ => return Ok(expr),
            }
        }
    }

    /// `slices`: one slice, or a tuple of slices and starred expressions.
    fn parse_slices(&mut self) -> PResult<Expr> {
        let first = self.parse_slice()?;
        if !self.at(T::Comma) && !matches!(first.kind, ExprKind::Starred { .. }) {
            return Ok(first);
        }
        let start = first.span;
        let base = self.exprs_base();
        self.push_expr(first);
        while self.eat(T::Comma) {
            if self.at(T::RSqb) {
                break;
            }
            let elt = self.parse_slice()?;
            self.push_expr(elt);
        }
        let elts = self.take_exprs(base);
        let span = start.to(self.prev_span());
        Ok(Expr::new(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            span,
        ))
    }

    fn parse_slice(&mut self) -> PResult<Expr> {
        if self.at(T::Star) {
            return self.parse_element(Element::StarNamed);
        }
        let start = self.span();
        let lower = if self.at(T::Colon) {
            None
        } else {
            Some(self.parse_named_expression()?)
        };
        if !self.at(T::Colon) {
            return lower.ok_or_else(|| self.invalid_syntax());
        }
        let lower_is_named = matches!(
            lower.as_ref().map(|e| &e.kind),
            Some(ExprKind::NamedExpr { .. })
        );
        if lower_is_named {
            return Err(self.invalid_syntax());
        }
        self.bump();
        let upper = if self.at(T::Colon) || self.at(T::Comma) || self.at(T::RSqb) {
            None
        } else {
            Some(Box::new(self.parse_expression()?))
        };
        let mut step = None;
        if self.eat(T::Colon) && !(self.at(T::Comma) || self.at(T::RSqb)) {
            step = Some(Box::new(self.parse_expression()?));
        }
        let span = start.to(self.prev_span());
        Ok(Expr::new(
            ExprKind::Slice {
                lower: lower.map(Box::new),
                upper,
                step,
            },
            span,
        ))
    }

    #[inline(always)]
    fn parse_atom(&mut self) -> PResult<Expr> {
        let tok = self.token();
        let constant = |c| Ok(Expr::new(ExprKind::Constant(c), tok.span));
        match tok.kind {
            T::Name => {
                self.bump();
                let ident = self.ident(tok);
                Ok(Expr::new(
                    ExprKind::Name {
                        id: ident.name,
                        ctx: ExprContext::Load,
                    },
                    tok.span,
                ))
            }
            T::Int | T::Float | T::Imaginary => {
                self.bump();
                constant(self.number(tok)?)
            }
            T::String => self.parse_strings(),
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
            T::Ellipsis => {
                self.bump();
                constant(Constant::Ellipsis)
            }
            T::LPar => self.nested(Self::parse_paren_atom),
            T::LSqb => self.nested(Self::parse_list_atom),
            T::LBrace => self.nested(Self::parse_brace_atom),
            _ => Err(self.invalid_syntax()),
        }
    }

    fn nested(&mut self, f: fn(&mut Self) -> PResult<Expr>) -> PResult<Expr> {
        self.enter()?;
        let result = f(self);
        self.leave();
        result
    }

    /// `()`, `(expr)`, `(yield ...)`, a tuple or a generator expression.
    fn parse_paren_atom(&mut self) -> PResult<Expr> {
        let open = self.bump().span;
        if self.at(T::RPar) {
            let close = self.bump().span;
            return Ok(Expr::new(
                ExprKind::Tuple {
                    elts: Vec::new(),
                    ctx: ExprContext::Load,
                },
                open.to(close),
            ));
        }
        if self.at(T::Yield) {
            let expr = self.parse_yield_expression()?;
            self.expect(T::RPar, ")")?;
            return Ok(expr);
        }
        let first = self.parse_element(Element::StarNamed)?;
        if self.at_comprehension() {
            let closing = (T::RPar, ")");
            return self.finish_comprehension(open, first, None, closing, ExprKind::GeneratorExp);
        }
        if self.at(T::RPar) {
            self.bump();
            if let ExprKind::Starred { .. } = first.kind {
                return Err(self.error(SyntaxErrorKind::CannotUseStarredHere, first.span));
            }
            // A parenthesized expression keeps its inner span, as in CPython.
            return Ok(first);
        }
        if !self.at(T::Comma) {
            return Err(self.missing_comma_or(first.span));
        }
        let base = self.exprs_base();
        let mut last = first.span;
        self.push_expr(first);
        while self.eat(T::Comma) {
            if self.at(T::RPar) {
                break;
            }
            let elt = self.parse_element(Element::StarNamed)?;
            last = elt.span;
            self.push_expr(elt);
        }
        if !self.at(T::RPar) {
            return Err(self.missing_comma_or(last));
        }
        let elts = self.take_exprs(base);
        let close = self.bump().span;
        Ok(Expr::new(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            open.to(close),
        ))
    }

    /// Inside a display, an expression followed by another one: CPython's
    /// `Perhaps you forgot a comma?` (spanning both), else `invalid syntax`.
    pub(super) fn missing_comma_or(&mut self, previous: Span) -> super::ParseError {
        if self.starts_expression() && !self.at(T::Star) {
            let checkpoint = self.checkpoint();
            if let Ok(next) = self.parse_expression() {
                let span = previous.to(next.span);
                self.backtrack(checkpoint);
                return self.generic_error(SyntaxErrorKind::MissingComma, span);
            }
            self.backtrack(checkpoint);
        }
        self.invalid_syntax()
    }

    /// `[...]`: a list display or a list comprehension.
    fn parse_list_atom(&mut self) -> PResult<Expr> {
        let open = self.bump().span;
        if self.at(T::RSqb) {
            let close = self.bump().span;
            return Ok(Expr::new(
                ExprKind::List {
                    elts: Vec::new(),
                    ctx: ExprContext::Load,
                },
                open.to(close),
            ));
        }
        let first = self.parse_element(Element::StarNamed)?;
        if self.at_comprehension() {
            let closing = (T::RSqb, "]");
            return self.finish_comprehension(open, first, None, closing, ExprKind::ListComp);
        }
        let elts = self.parse_display_rest(first, T::RSqb)?;
        let close = self.bump().span;
        Ok(Expr::new(
            ExprKind::List {
                elts,
                ctx: ExprContext::Load,
            },
            open.to(close),
        ))
    }

    /// The elements after the first of a list or set display, up to (not
    /// including) `close`.
    fn parse_display_rest(&mut self, first: Expr, close: T) -> PResult<Vec<Expr>> {
        let base = self.exprs_base();
        let mut last = first.span;
        self.push_expr(first);
        loop {
            if self.at(close) {
                return Ok(self.take_exprs(base));
            }
            if !self.eat(T::Comma) {
                return Err(self.missing_comma_or(last));
            }
            if self.at(close) {
                return Ok(self.take_exprs(base));
            }
            let elt = self.parse_element(Element::StarNamed)?;
            last = elt.span;
            self.push_expr(elt);
        }
    }

    /// `{...}`: a dict or set display or comprehension.
    fn parse_brace_atom(&mut self) -> PResult<Expr> {
        let open = self.bump().span;
        if self.at(T::RBrace) {
            let close = self.bump().span;
            return Ok(Expr::new(
                ExprKind::Dict {
                    keys: Box::default(),
                    values: Box::default(),
                },
                open.to(close),
            ));
        }
        if self.at(T::DoubleStar) {
            self.bump();
            let value = self.parse_bitwise_or()?;
            return self.parse_dict_rest(open, None, value);
        }
        let first = self.parse_element(Element::StarNamed)?;
        if self.eat(T::Colon) {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                return Err(self.invalid_syntax());
            }
            let value = self.parse_expression()?;
            if self.at_comprehension() {
                let closing = (T::RBrace, "}");
                return self.finish_comprehension(
                    open,
                    first,
                    Some(value),
                    closing,
                    ExprKind::DictComp,
                );
            }
            return self.parse_dict_rest(open, Some(first), value);
        }
        if self.at_comprehension() {
            let closing = (T::RBrace, "}");
            return self.finish_comprehension(open, first, None, closing, ExprKind::SetComp);
        }
        let elts = self.parse_display_rest(first, T::RBrace)?;
        let close = self.bump().span;
        Ok(Expr::new(ExprKind::Set(elts), open.to(close)))
    }

    /// The rest of a dict display after its first entry.
    fn parse_dict_rest(&mut self, open: Span, key: Option<Expr>, value: Expr) -> PResult<Expr> {
        let mut keys = vec![key];
        let mut values = vec![value];
        loop {
            if self.at(T::RBrace) {
                break;
            }
            if !self.eat(T::Comma) {
                return Err(self.missing_comma_or(values[values.len() - 1].span));
            }
            if self.at(T::RBrace) {
                break;
            }
            if self.eat(T::DoubleStar) {
                keys.push(None);
                values.push(self.parse_bitwise_or()?);
                continue;
            }
            let key = self.parse_expression()?;
            self.expect(T::Colon, ":")?;
            keys.push(Some(key));
            values.push(self.parse_expression()?);
        }
        let close = self.bump().span;
        let (keys, values) = (keys.into_boxed_slice(), values.into_boxed_slice());
        Ok(Expr::new(ExprKind::Dict { keys, values }, open.to(close)))
    }

    /// True at the `for` / `async for` that starts comprehension clauses.
    pub(super) fn at_comprehension(&self) -> bool {
        self.at(T::For) || (self.at(T::Async) && self.peek_nth(1) == T::For)
    }

    /// The rest of a bracketed comprehension after its element (`elt`, and
    /// `value` for a dict): the clauses and the `closing` bracket; `kind`
    /// makes the node (`ExprKind::ListComp`, ...).
    fn finish_comprehension(
        &mut self,
        open: Span,
        elt: Expr,
        value: Option<Expr>,
        closing: (T, &'static str),
        kind: fn(Box<Comprehension>) -> ExprKind,
    ) -> PResult<Expr> {
        if matches!(elt.kind, ExprKind::Starred { .. }) {
            let kind = SyntaxErrorKind::IterableUnpackingInComprehension;
            return Err(self.error(kind, elt.span));
        }
        let generators = self.parse_comprehension_clauses()?;
        let close = self.expect(closing.0, closing.1)?.span;
        let id = self.new_node_id();
        let comp = Comprehension {
            id,
            elt,
            value,
            generators,
        };
        Ok(Expr::new(kind(Box::new(comp)), open.to(close)))
    }

    /// One or more `[async] for targets in iter [if cond]...` clauses.
    pub(super) fn parse_comprehension_clauses(&mut self) -> PResult<Vec<ComprehensionFor>> {
        let mut generators = Vec::new();
        while self.at_comprehension() {
            let is_async = self.eat(T::Async);
            self.bump();
            let mut target = self.parse_sequence(Element::Target)?;
            self.set_store_target(&mut target, super::targets::TargetKind::For)?;
            self.expect(T::In, "in")?;
            let iter = self.parse_disjunction()?;
            let base = self.exprs_base();
            while self.eat(T::If) {
                let cond = self.parse_disjunction()?;
                self.push_expr(cond);
            }
            let ifs = self.take_exprs(base);
            generators.push(ComprehensionFor {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(generators)
    }

    /// `yield`, `yield value(s)` or `yield from expr`.
    pub(super) fn parse_yield_expression(&mut self) -> PResult<Expr> {
        let start = self.bump().span;
        if self.eat(T::From) {
            let value = self.parse_expression()?;
            let span = start.to(value.span);
            return Ok(Expr::new(ExprKind::YieldFrom(Box::new(value)), span));
        }
        if !self.starts_expression() {
            return Ok(Expr::new(ExprKind::Yield(None), start));
        }
        let value = self.parse_star_expressions()?;
        let span = start.to(value.span);
        Ok(Expr::new(ExprKind::Yield(Some(Box::new(value))), span))
    }
}

fn bool_op(op: BoolOp, values: Vec<Expr>) -> Expr {
    let span = match (values.first(), values.last()) {
        (Some(first), Some(last)) => first.span.to(last.span),
        _ => Span::default(),
    };
    Expr::new(ExprKind::BoolOp { op, values }, span)
}

/// Binding strength of the operators handled by `parse_operators`, weakest
/// first (Python's grammar from `disjunction` down to `term`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Precedence {
    Or,
    And,
    Not,
    Comparison,
    BitOr,
    BitXor,
    BitAnd,
    Shift,
    Arith,
    Term,
    /// Operands of `*`, `/`, ...: a `factor`.
    Factor,
}

impl Precedence {
    /// The precedence of a left-associative operator's right operand.
    fn next(self) -> Precedence {
        use Precedence::*;
        match self {
            Or => And,
            And => Not,
            // The operands of a comparison are `bitwise_or`s: no `not`.
            Not | Comparison => BitOr,
            BitOr => BitXor,
            BitXor => BitAnd,
            BitAnd => Shift,
            Shift => Arith,
            Arith => Term,
            Term | Factor => Factor,
        }
    }
}

enum Infix {
    Bool(BoolOp),
    Compare,
    Binary(Operator),
}

/// A binary operator token's operator and precedence.
fn binary_operator(kind: T) -> Option<(Operator, Precedence)> {
    Some(match kind {
        T::VBar => (Operator::BitOr, Precedence::BitOr),
        T::CircumFlex => (Operator::BitXor, Precedence::BitXor),
        T::Amper => (Operator::BitAnd, Precedence::BitAnd),
        T::LeftShift => (Operator::LShift, Precedence::Shift),
        T::RightShift => (Operator::RShift, Precedence::Shift),
        T::Plus => (Operator::Add, Precedence::Arith),
        T::Minus => (Operator::Sub, Precedence::Arith),
        T::Star => (Operator::Mult, Precedence::Term),
        T::Slash => (Operator::Div, Precedence::Term),
        T::DoubleSlash => (Operator::FloorDiv, Precedence::Term),
        T::Percent => (Operator::Mod, Precedence::Term),
        T::At => (Operator::MatMult, Precedence::Term),
        _ => return None,
    })
}

//! Statements: simple statements (one logical line, `;`-separated) and
//! compound statements with their indented blocks.

use super::expression::Element;
use super::targets::TargetKind;
use super::{PResult, Parser};
use crate::syntax::ast::{
    Alias, ClassDef, ExceptHandler, Expr, ExprKind, For, FunctionDef, Ident, MatchCase, Operator,
    Stmt, StmtKind, Try, WithItem,
};
use crate::syntax::error::SyntaxErrorKind;
use crate::syntax::span::Span;
use crate::syntax::token::TokenKind as T;

impl<'src> Parser<'src> {
    /// Parses one statement line (or compound statement) onto the
    /// statement stack.
    pub(super) fn parse_statement(&mut self) -> PResult<()> {
        match self.peek() {
            T::Def | T::If | T::Class | T::With | T::For | T::Try | T::While | T::At => {
                let stmt = self.parse_compound()?;
                self.push_stmt(stmt);
                Ok(())
            }
            T::Async if matches!(self.peek_nth(1), T::Def | T::With | T::For) => {
                let stmt = self.parse_compound()?;
                self.push_stmt(stmt);
                Ok(())
            }
            T::Name if self.at_soft_keyword("match") => {
                if let Some(stmt) = self.try_parse_match()? {
                    self.push_stmt(stmt);
                    return Ok(());
                }
                self.parse_simple_statements()
            }
            // CPython points at the last character of the indentation.
            T::Indent => {
                let at = Span::at(self.span().start.saturating_sub(1));
                Err(self.error(SyntaxErrorKind::UnexpectedIndent, at))
            }
            T::Error => Err(self
                .lex_error_here()
                .unwrap_or_else(|| self.invalid_syntax())),
            _ => self.parse_simple_statements(),
        }
    }

    fn parse_compound(&mut self) -> PResult<Stmt> {
        self.enter()?;
        let result = match self.peek() {
            T::Def => self.parse_function_def(Vec::new(), None),
            T::Class => self.parse_class_def(Vec::new(), None),
            T::If => self.parse_if(),
            T::While => self.parse_while(),
            T::For => self.parse_for(None),
            T::With => self.parse_with(None),
            T::Try => self.parse_try(),
            T::At => self.parse_decorated(),
            T::Async => {
                let start = self.bump().span;
                match self.peek() {
                    T::Def => self.parse_function_def(Vec::new(), Some(start)),
                    T::For => self.parse_for(Some(start)),
                    _ => self.parse_with(Some(start)),
                }
            }
            _ => Err(self.invalid_syntax()),
        };
        self.leave();
        result
    }

    // ---- blocks ----

    /// `':' block`: an indented block, or simple statements on the same line.
    /// `after` names the header for CPython's IndentationError message.
    fn parse_block(&mut self, after: &'static str, header: Span) -> PResult<Vec<Stmt>> {
        self.expect(T::Colon, ":")?;
        self.parse_block_body(after, header)
    }

    fn parse_block_body(&mut self, after: &'static str, header: Span) -> PResult<Vec<Stmt>> {
        let base = self.stmts_base();
        if !self.eat(T::Newline) {
            self.parse_simple_statements()?;
            return Ok(self.take_stmts(base));
        }
        if !self.eat(T::Indent) {
            if let Some(err) = self.lex_error_here() {
                return Err(err);
            }
            let line = self.line_of(header.start);
            let span = if self.at(T::EndOfFile) {
                self.end_of_last_line()
            } else {
                self.span()
            };
            return Err(self.error(SyntaxErrorKind::ExpectedIndentedBlock { after, line }, span));
        }
        while !self.at(T::Dedent) && !self.at(T::EndOfFile) {
            let before = self.pos;
            self.parse_statement()?;
            self.assert_progress(before)?;
        }
        self.eat(T::Dedent);
        Ok(self.take_stmts(base))
    }

    /// 1-based line of a byte offset (only computed for error messages).
    pub(super) fn line_of(&self, offset: u32) -> usize {
        let end = (offset as usize).min(self.source.len());
        self.source.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    fn end_of(body: &[Stmt], fallback: Span) -> Span {
        body.last().map_or(fallback, |s| s.span)
    }

    // ---- compound statements ----

    fn parse_decorated(&mut self) -> PResult<Stmt> {
        let start = self.span();
        let mut decorators = Vec::new();
        while self.eat(T::At) {
            decorators.push(self.parse_named_expression()?);
            if !self.eat(T::Newline) {
                return Err(self.invalid_syntax());
            }
        }
        match self.peek() {
            T::Def => self.parse_function_def(decorators, Some(start)),
            T::Class => self.parse_class_def(decorators, Some(start)),
            T::Async if self.peek_nth(1) == T::Def => {
                self.bump();
                self.parse_function_def_async(decorators, start, true)
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    fn parse_function_def(&mut self, decorators: Vec<Expr>, start: Option<Span>) -> PResult<Stmt> {
        // `start` is the `async` keyword or the first decorator, if any.
        let is_async = start.is_some_and(|s| self.text(s) == "async");
        let start = start.unwrap_or_else(|| self.span());
        self.parse_function_def_async(decorators, start, is_async)
    }

    fn parse_function_def_async(
        &mut self,
        decorator_list: Vec<Expr>,
        start: Span,
        is_async: bool,
    ) -> PResult<Stmt> {
        let header = self.expect(T::Def, "def")?.span;
        let name = self.expect_ident()?;
        self.expect(T::LPar, "(")?;
        let args = self.parse_parameters(T::RPar, true)?;
        self.expect(T::RPar, ")")?;
        let returns = if self.eat(T::RArrow) {
            Some(self.parse_expression()?)
        } else {
            None
        };
        let body = self.parse_block("function definition", header)?;
        let span = start.to(Self::end_of(&body, header));
        let id = self.new_node_id();
        let def = FunctionDef {
            id,
            is_async,
            name,
            args,
            body,
            decorator_list,
            returns,
        };
        Ok(Stmt::new(StmtKind::FunctionDef(Box::new(def)), span))
    }

    fn parse_class_def(&mut self, decorator_list: Vec<Expr>, start: Option<Span>) -> PResult<Stmt> {
        let header = self.bump().span;
        let start = start.unwrap_or(header);
        let name = self.expect_ident()?;
        let (mut bases, mut keywords) = (Vec::new(), Vec::new());
        if self.eat(T::LPar) {
            (bases, keywords) = self.parse_call_arguments()?;
            if let Some(genexp) = bases
                .iter()
                .find(|b| matches!(b.kind, ExprKind::GeneratorExp(_)))
            {
                // CPython points at the generator's `for`.
                let elt_end = match &genexp.kind {
                    ExprKind::GeneratorExp(comp) => comp.elt.span.end,
                    _ => genexp.span.start,
                };
                let at = self.tokens.first_starting_at(elt_end);
                let span = if at < self.tokens.len() {
                    self.tokens.get(at).span
                } else {
                    genexp.span
                };
                return Err(self.error(SyntaxErrorKind::InvalidSyntax, span));
            }
            self.expect(T::RPar, ")")?;
        }
        let body = self.parse_block("class definition", header)?;
        let span = start.to(Self::end_of(&body, header));
        let id = self.new_node_id();
        let def = ClassDef {
            id,
            name,
            bases,
            keywords,
            body,
            decorator_list,
        };
        Ok(Stmt::new(StmtKind::ClassDef(Box::new(def)), span))
    }

    /// `if` and `elif` (an `elif` becomes a nested `If` in `orelse`).
    fn parse_if(&mut self) -> PResult<Stmt> {
        let header = self.bump().span;
        let what = if self.text(header) == "if" {
            "'if' statement"
        } else {
            "'elif' statement"
        };
        let test = self.parse_named_expression()?;
        let body = self.parse_block(what, header)?;
        let orelse = if self.at(T::Elif) {
            // Each `elif` nests one level deeper in the AST, so it counts
            // towards MAX_DEPTH like any other nesting.
            self.enter()?;
            let elif = self.parse_if();
            self.leave();
            vec![elif?]
        } else {
            self.parse_else_block()?
        };
        let end = Self::end_of(&orelse, Self::end_of(&body, header));
        Ok(Stmt::new(
            StmtKind::If {
                test: Box::new(test),
                body,
                orelse,
            },
            header.to(end),
        ))
    }

    fn parse_else_block(&mut self) -> PResult<Vec<Stmt>> {
        if self.at(T::Else) {
            let header = self.bump().span;
            self.parse_block("'else' statement", header)
        } else {
            Ok(Vec::new())
        }
    }

    fn parse_while(&mut self) -> PResult<Stmt> {
        let header = self.bump().span;
        let test = self.parse_named_expression()?;
        let body = self.parse_block("'while' statement", header)?;
        let orelse = self.parse_else_block()?;
        let end = Self::end_of(&orelse, Self::end_of(&body, header));
        Ok(Stmt::new(
            StmtKind::While {
                test: Box::new(test),
                body,
                orelse,
            },
            header.to(end),
        ))
    }

    fn parse_for(&mut self, async_start: Option<Span>) -> PResult<Stmt> {
        let header = self.bump().span;
        let mut target = self.parse_sequence(Element::Target)?;
        self.set_store_target(&mut target, TargetKind::For)?;
        if !self.eat(T::In) {
            return Err(self.invalid_syntax());
        }
        let iter = self.parse_star_expressions()?;
        let body = self.parse_block("'for' statement", header)?;
        let orelse = self.parse_else_block()?;
        let start = async_start.unwrap_or(header);
        let end = Self::end_of(&orelse, Self::end_of(&body, header));
        let is_async = async_start.is_some();
        let stmt = For {
            is_async,
            target,
            iter,
            body,
            orelse,
        };
        Ok(Stmt::new(StmtKind::For(Box::new(stmt)), start.to(end)))
    }

    fn parse_with(&mut self, async_start: Option<Span>) -> PResult<Stmt> {
        let header = self.bump().span;
        let items = match self.try_parse_parenthesized_with_items()? {
            Some(items) => items,
            None => {
                let mut items = vec![self.parse_with_item()?];
                while self.eat(T::Comma) {
                    items.push(self.parse_with_item()?);
                }
                items
            }
        };
        let body = self.parse_block("'with' statement", header)?;
        let start = async_start.unwrap_or(header);
        let end = Self::end_of(&body, header);
        let is_async = async_start.is_some();
        Ok(Stmt::new(
            StmtKind::With {
                is_async,
                items,
                body,
            },
            start.to(end),
        ))
    }

    /// `with (a as b, c):` — tried first; `with (a, b) as c:` and
    /// `with (a):` fall back to the unparenthesized form.
    fn try_parse_parenthesized_with_items(&mut self) -> PResult<Option<Vec<WithItem>>> {
        if !self.at(T::LPar) {
            return Ok(None);
        }
        let checkpoint = self.checkpoint();
        self.bump();
        let mut items = Vec::new();
        let parsed: PResult<()> = (|| {
            while !self.at(T::RPar) {
                items.push(self.parse_with_item()?);
                if !self.eat(T::Comma) {
                    break;
                }
            }
            Ok(())
        })();
        if parsed.is_ok() && !items.is_empty() && self.eat(T::RPar) && self.at(T::Colon) {
            return Ok(Some(items));
        }
        self.backtrack(checkpoint);
        Ok(None)
    }

    fn parse_with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.parse_expression()?;
        let optional_vars = if self.eat(T::As) {
            let mut target = self.parse_element(Element::Target)?;
            if !matches!(self.peek(), T::Comma | T::RPar | T::Colon) {
                return Err(self.invalid_syntax());
            }
            self.set_store_target(&mut target, TargetKind::For)?;
            Some(target)
        } else {
            None
        };
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    fn parse_try(&mut self) -> PResult<Stmt> {
        let header = self.bump().span;
        let body = self.parse_block("'try' statement", header)?;
        let mut handlers: Vec<ExceptHandler> = Vec::new();
        let mut star: Option<bool> = None;
        // `default 'except:' must be last` is a compiler error in CPython,
        // reported by `scopes` so that earlier errors win.
        while self.at(T::Except) {
            handlers.push(self.parse_except_handler(&mut star)?);
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.parse_else_block()?
        };
        let finalbody = if self.at(T::Finally) {
            let finally = self.bump().span;
            self.parse_block("'finally' statement", finally)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            if let Some(err) = self.lex_error_here() {
                return Err(err);
            }
            let at = Span::at(self.prev_span().end);
            return Err(self.error(SyntaxErrorKind::ExpectedExceptOrFinally, at));
        }
        let end = Self::end_of(
            &finalbody,
            Self::end_of(
                &orelse,
                handlers
                    .last()
                    .map_or(Self::end_of(&body, header), |h| h.span),
            ),
        );
        let is_star = star == Some(true);
        let stmt = Try {
            is_star,
            body,
            handlers,
            orelse,
            finalbody,
        };
        Ok(Stmt::new(StmtKind::Try(Box::new(stmt)), header.to(end)))
    }

    /// One `except` / `except*` clause; `star` records which kind the `try`
    /// uses, since the two cannot be mixed.
    fn parse_except_handler(&mut self, star: &mut Option<bool>) -> PResult<ExceptHandler> {
        let header = self.bump().span;
        let is_star = self.eat(T::Star);
        if star.is_some_and(|s| s != is_star) {
            return Err(self.error(
                SyntaxErrorKind::MixedExceptAndExceptStar,
                header.to(self.prev_span()),
            ));
        }
        *star = Some(is_star);
        let mut type_ = None;
        let mut name = None;
        if !self.at(T::Colon) {
            let expr = self.parse_expression()?;
            if self.at(T::Comma) {
                let span = expr.span.to(self.parse_expressions_after_comma(expr.span)?);
                return Err(self.error(SyntaxErrorKind::ExceptTypesMustBeParenthesized, span));
            }
            type_ = Some(expr);
            if self.eat(T::As) {
                name = Some(self.expect_ident()?);
            }
        } else if is_star {
            return Err(self.error(SyntaxErrorKind::ExpectedExceptionTypes, self.span()));
        }
        let what = if is_star {
            "'except*' statement"
        } else {
            "'except' statement"
        };
        let body = self.parse_block(what, header)?;
        let span = header.to(Self::end_of(&body, header));
        Ok(ExceptHandler {
            type_,
            name,
            body,
            span,
        })
    }

    /// After `a` in `except a, b:`: consumes `, b, ...` and returns the end.
    fn parse_expressions_after_comma(&mut self, mut end: Span) -> PResult<Span> {
        while self.eat(T::Comma) {
            if self.at(T::Colon) || self.at(T::As) {
                break;
            }
            end = self.parse_expression()?.span;
        }
        Ok(end)
    }

    /// `match subject:` with its cases, or `None` when `match` here is an
    /// ordinary name (`match = 1`, `match(x)`), in which case nothing is consumed.
    fn try_parse_match(&mut self) -> PResult<Option<Stmt>> {
        let checkpoint = self.checkpoint();
        let header = self.bump().span;
        if !self.starts_expression() {
            self.backtrack(checkpoint);
            return Ok(None);
        }
        let subject = match self.parse_sequence(Element::StarNamed) {
            Ok(subject) if self.at(T::Colon) => subject,
            _ => {
                self.backtrack(checkpoint);
                return Ok(None);
            }
        };
        if let ExprKind::Starred { .. } = subject.kind {
            return Err(self.error(SyntaxErrorKind::CannotUseStarredHere, subject.span));
        }
        self.bump();
        if !self.eat(T::Newline) {
            return Err(self.invalid_syntax());
        }
        if !self.eat(T::Indent) {
            let line = self.line_of(header.start);
            return Err(self.error(
                SyntaxErrorKind::ExpectedIndentedBlock {
                    after: "'match' statement",
                    line,
                },
                self.span(),
            ));
        }
        let mut cases = Vec::new();
        while !self.at(T::Dedent) && !self.at(T::EndOfFile) {
            if !self.at_soft_keyword("case") {
                return Err(self.invalid_syntax());
            }
            cases.push(self.parse_match_case()?);
        }
        self.eat(T::Dedent);
        let end = cases
            .last()
            .and_then(|c: &MatchCase| c.body.last())
            .map_or(header, |s| s.span);
        Ok(Some(Stmt::new(
            StmtKind::Match {
                subject: Box::new(subject),
                cases,
            },
            header.to(end),
        )))
    }

    fn parse_match_case(&mut self) -> PResult<MatchCase> {
        let header = self.bump().span;
        let pattern = self.parse_patterns()?;
        let guard = if self.eat(T::If) {
            Some(self.parse_named_expression()?)
        } else {
            None
        };
        let body = self.parse_block("'case' statement", header)?;
        Ok(MatchCase {
            pattern,
            guard,
            body,
        })
    }

    // ---- simple statements ----

    /// `simple_stmt (';' simple_stmt)* [';'] NEWLINE`, onto the statement stack.
    fn parse_simple_statements(&mut self) -> PResult<()> {
        loop {
            let before = self.pos;
            let stmt = self.parse_simple_statement()?;
            self.push_stmt(stmt);
            self.assert_progress(before)?;
            if self.eat(T::Semi) {
                if self.eat(T::Newline) {
                    return Ok(());
                }
                continue;
            }
            if self.eat(T::Newline) {
                return Ok(());
            }
            return Err(self.invalid_syntax());
        }
    }

    fn parse_simple_statement(&mut self) -> PResult<Stmt> {
        let start = self.span();
        let kind = match self.peek() {
            T::Pass => {
                self.bump();
                StmtKind::Pass
            }
            T::Break => {
                self.bump();
                StmtKind::Break
            }
            T::Continue => {
                self.bump();
                StmtKind::Continue
            }
            T::Return => {
                self.bump();
                let value = if self.starts_expression() {
                    Some(self.parse_star_expressions()?)
                } else {
                    None
                };
                StmtKind::Return(value)
            }
            T::Raise => {
                self.bump();
                let mut exc = None;
                let mut cause = None;
                if self.starts_expression() {
                    exc = Some(self.parse_expression()?);
                    if self.eat(T::From) {
                        cause = Some(self.parse_expression()?);
                    }
                }
                StmtKind::Raise {
                    exc: exc.map(Box::new),
                    cause: cause.map(Box::new),
                }
            }
            T::Global | T::Nonlocal => {
                let global = self.bump().kind == T::Global;
                let mut names = vec![self.expect_ident()?];
                while self.eat(T::Comma) {
                    names.push(self.expect_ident()?);
                }
                if global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            T::Del => {
                self.bump();
                let mut targets = Vec::new();
                loop {
                    let mut target = self.parse_element(Element::Target)?;
                    self.set_del_target(&mut target)?;
                    targets.push(target);
                    if !self.eat(T::Comma) || !self.starts_expression() {
                        break;
                    }
                }
                StmtKind::Delete(targets)
            }
            T::Assert => {
                self.bump();
                let test = self.parse_expression()?;
                let msg = if self.eat(T::Comma) {
                    Some(self.parse_expression()?)
                } else {
                    None
                };
                StmtKind::Assert {
                    test: Box::new(test),
                    msg: msg.map(Box::new),
                }
            }
            T::Import => self.parse_import()?,
            T::From => self.parse_from_import()?,
            _ => return self.parse_expression_statement(),
        };
        Ok(Stmt::new(kind, start.to(self.prev_span())))
    }

    fn parse_import(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut names = Vec::new();
        loop {
            let (name, mut span) = self.parse_dotted_name()?;
            let asname = if self.eat(T::As) {
                Some(self.expect_ident()?)
            } else {
                None
            };
            if let Some(asname) = &asname {
                span = span.to(asname.span);
            }
            names.push(Alias { name, asname, span });
            if !self.eat(T::Comma) {
                break;
            }
        }
        Ok(StmtKind::Import(names))
    }

    fn parse_dotted_name(&mut self) -> PResult<(String, Span)> {
        let first = self.expect_ident()?;
        let mut span = first.span;
        let mut name = String::from(first.name);
        while self.eat(T::Dot) {
            let part = self.expect_ident()?;
            name.push('.');
            name.push_str(&part.name);
            span = span.to(part.span);
        }
        Ok((name, span))
    }

    fn parse_from_import(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut level = 0;
        loop {
            match self.peek() {
                T::Dot => level += 1,
                T::Ellipsis => level += 3,
                _ => break,
            }
            self.bump();
        }
        let module = if self.at(T::Name) {
            let (name, span) = self.parse_dotted_name()?;
            Some(Ident {
                name: name.into(),
                span,
            })
        } else if level == 0 {
            return Err(self.invalid_syntax());
        } else {
            None
        };
        if !self.eat(T::Import) {
            return Err(self.invalid_syntax());
        }
        if self.at(T::Star) {
            let span = self.bump().span;
            let names = vec![Alias {
                name: "*".to_owned(),
                asname: None,
                span,
            }];
            return Ok(StmtKind::ImportFrom {
                module,
                names,
                level,
            });
        }
        let parenthesized = self.eat(T::LPar);
        let mut names = Vec::new();
        loop {
            let name = self.expect_ident()?;
            let mut span = name.span;
            let asname = if self.eat(T::As) {
                Some(self.expect_ident()?)
            } else {
                None
            };
            if let Some(asname) = &asname {
                span = span.to(asname.span);
            }
            names.push(Alias {
                name: name.name.into(),
                asname,
                span,
            });
            if !self.eat(T::Comma) {
                break;
            }
            if parenthesized && self.at(T::RPar) {
                break;
            }
            if !parenthesized && !self.at(T::Name) {
                return Err(self.error(
                    SyntaxErrorKind::TrailingCommaNeedsParentheses,
                    self.prev_span(),
                ));
            }
        }
        if parenthesized {
            self.expect(T::RPar, ")")?;
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }

    /// Expression statements, assignments, annotated and augmented assignments.
    fn parse_expression_statement(&mut self) -> PResult<Stmt> {
        let start = self.span();
        let starts_with_paren = self.at(T::LPar);
        let first = self.parse_value()?;
        if let Some(op) = augmented_operator(self.peek()) {
            let mut target = first;
            self.set_aug_target(&mut target)?;
            self.bump();
            let value = self.parse_value()?;
            let span = start.to(value.span);
            return Ok(Stmt::new(
                StmtKind::AugAssign {
                    target: Box::new(target),
                    op,
                    value: Box::new(value),
                },
                span,
            ));
        }
        match self.peek() {
            T::Equal => self.parse_assignment(first, start),
            T::Colon => self.parse_annotated_assignment(first, start, starts_with_paren),
            _ => {
                if let ExprKind::Name { id, .. } = &first.kind {
                    let name = match id.as_str() {
                        "print" => Some("print"),
                        "exec" => Some("exec"),
                        _ => None,
                    };
                    if let Some(name) = name {
                        if self.starts_expression() && !self.at(T::Star) {
                            let checkpoint = self.checkpoint();
                            let end = self
                                .parse_expressions()
                                .map(|e| e.span)
                                .unwrap_or(self.span());
                            self.backtrack(checkpoint);
                            return Err(self.error(
                                SyntaxErrorKind::MissingParentheses { name },
                                first.span.to(end),
                            ));
                        }
                    }
                }
                let span = first.span;
                Ok(Stmt::new(StmtKind::Expr(first), start.to(span)))
            }
        }
    }

    /// The right-hand side of an assignment: a yield expression or
    /// star expressions.
    fn parse_value(&mut self) -> PResult<Expr> {
        if self.at(T::Yield) {
            self.parse_yield_expression()
        } else {
            self.parse_star_expressions()
        }
    }

    fn parse_assignment(&mut self, first: Expr, start: Span) -> PResult<Stmt> {
        let base = self.exprs_base();
        self.push_expr(first);
        while self.eat(T::Equal) {
            let value = self.parse_value()?;
            self.push_expr(value);
        }
        let value = self
            .scratch
            .exprs
            .pop()
            .ok_or_else(|| self.invalid_syntax())?;
        let mut exprs = self.take_exprs(base);
        let single = exprs.len() == 1;
        for (i, target) in exprs.iter_mut().enumerate() {
            let kind = TargetKind::Assign {
                first_of_single: single && i == 0,
            };
            self.set_store_target(target, kind)?;
        }
        let span = start.to(value.span);
        Ok(Stmt::new(
            StmtKind::Assign {
                targets: exprs,
                value: Box::new(value),
            },
            span,
        ))
    }

    fn parse_annotated_assignment(
        &mut self,
        mut target: Expr,
        start: Span,
        parenthesized: bool,
    ) -> PResult<Stmt> {
        let simple = matches!(target.kind, ExprKind::Name { .. }) && !parenthesized;
        match target.kind {
            ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                self.set_store_target(&mut target, TargetKind::For)?;
            }
            ExprKind::Tuple { .. } => {
                return Err(self.error(
                    SyntaxErrorKind::AnnotatedTarget { what: "tuple" },
                    target.span,
                ))
            }
            ExprKind::List { .. } => {
                return Err(self.error(
                    SyntaxErrorKind::AnnotatedTarget { what: "list" },
                    target.span,
                ))
            }
            _ => return Err(self.error(SyntaxErrorKind::IllegalAnnotationTarget, target.span)),
        }
        self.bump();
        let annotation = self.parse_expression()?;
        let value = if self.eat(T::Equal) {
            Some(self.parse_value()?)
        } else {
            None
        };
        let end = value.as_ref().map_or(annotation.span, |v| v.span);
        Ok(Stmt::new(
            StmtKind::AnnAssign {
                target: Box::new(target),
                annotation: Box::new(annotation),
                value: value.map(Box::new),
                simple,
            },
            start.to(end),
        ))
    }
}

fn augmented_operator(kind: T) -> Option<Operator> {
    Some(match kind {
        T::PlusEqual => Operator::Add,
        T::MinEqual => Operator::Sub,
        T::StarEqual => Operator::Mult,
        T::AtEqual => Operator::MatMult,
        T::SlashEqual => Operator::Div,
        T::PercentEqual => Operator::Mod,
        T::DoubleStarEqual => Operator::Pow,
        T::LeftShiftEqual => Operator::LShift,
        T::RightShiftEqual => Operator::RShift,
        T::VBarEqual => Operator::BitOr,
        T::CircumflexEqual => Operator::BitXor,
        T::AmperEqual => Operator::BitAnd,
        T::DoubleSlashEqual => Operator::FloorDiv,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use crate::syntax::error::SyntaxErrorKind;
    use crate::syntax::parser::{parse_module, MAX_DEPTH};

    /// Found by fuzzing: each `elif` nests an `If` in the previous one's
    /// `orelse` but did not count towards MAX_DEPTH, so 60,000 `elif`s made
    /// an AST 60,000 levels deep (and `--emit ast` ran out of memory).
    #[test]
    fn elif_chains_count_towards_the_depth_limit() {
        let chain = |n: usize| format!("if x: pass\n{}else: pass\n", "elif x: pass\n".repeat(n));
        assert!(parse_module(&chain(MAX_DEPTH as usize - 10)).is_ok());
        let error = parse_module(&chain(60_000)).unwrap_err();
        assert_eq!(error.kind, SyntaxErrorKind::ExpressionTooDeep);
    }
}

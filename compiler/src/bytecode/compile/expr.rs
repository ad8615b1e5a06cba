//! Expressions (`compiler_visit_expr` and friends): operators, boolean
//! jumps, comparisons, displays with `*`/`**` unpacking, calls, f-strings,
//! attributes and subscripts, `await` and `yield`.

use super::ir::{BlockId, JumpKind};
use super::stmt::binary_operator;
use super::{CResult, Compiler, UnitKind};
use crate::bytecode::code::Location;
use crate::bytecode::constant::Constant;
use crate::bytecode::instruction::*;
use crate::syntax::ast::{self, BoolOp, CmpOp, Expr, ExprContext, ExprKind, Operator, UnaryOp};
use crate::syntax::span::Span;

/// Above this many items, displays and calls are built item by item
/// instead of on the stack (`STACK_USE_GUIDELINE`).
pub(super) const STACK_USE_GUIDELINE: usize = 30;

/// Which collection `star_unpack` builds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Collection {
    List,
    Tuple,
    Set,
}

type Build = fn(Count) -> Instruction;
type AddTo = fn(StackPos) -> Instruction;

impl Collection {
    /// The instructions that build it, add an item, add all of an
    /// iterable's items (a tuple is built as a list, then converted).
    fn instructions(self) -> (Build, AddTo, AddTo) {
        match self {
            Collection::List | Collection::Tuple => (
                |count| Instruction::BuildList { count },
                |pos| Instruction::ListAppend { pos },
                |pos| Instruction::ListExtend { pos },
            ),
            Collection::Set => (
                |count| Instruction::BuildSet { count },
                |pos| Instruction::SetAdd { pos },
                |pos| Instruction::SetUpdate { pos },
            ),
        }
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn exprs(&mut self, exprs: &'a [Expr]) -> CResult {
        exprs.iter().try_for_each(|e| self.expr(e))
    }

    /// Compiles an expression; its instructions get its location, and the
    /// location is restored afterwards (`compiler_visit_expr`).
    pub(super) fn expr(&mut self, e: &'a Expr) -> CResult {
        let saved = self.unit.loc;
        self.set_loc(self.node_span(e));
        let result = self.expr_inner(e);
        self.unit.loc = saved;
        result
    }

    pub(super) fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        if let Some(constant) = self.fold(e) {
            self.load_const(constant);
            return Ok(());
        }
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit_copy(1);
                self.expr(target)
            }
            ExprKind::BoolOp { op, values } => self.bool_op(*op, values),
            ExprKind::BinOp { left, op, right } => {
                if *op == Operator::Mod {
                    if let Some(pieces) = self.percent_format(left, right) {
                        return self.compile_percent_format(&pieces);
                    }
                }
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Instruction::BinaryOp {
                    op: binary_operator(*op),
                });
                Ok(())
            }
            ExprKind::UnaryOp { .. } if super::fold::inverted_compare(e).is_some() => {
                // `not a in b` is `a not in b` (CPython's AST optimiser).
                let Some((left, op, comparator, span)) = super::fold::inverted_compare(e) else {
                    return Ok(());
                };
                self.set_loc(span);
                self.expr(left)?;
                self.comparator(op, comparator)?;
                self.compare_op(op);
                Ok(())
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(match op {
                    UnaryOp::Invert => Instruction::UnaryInvert,
                    UnaryOp::Not => Instruction::UnaryNot,
                    UnaryOp::UAdd => Instruction::UnaryPositive,
                    UnaryOp::USub => Instruction::UnaryNegative,
                });
                Ok(())
            }
            ExprKind::Lambda(lambda) => self.lambda(lambda, e.span),
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(test, next, false)?;
                self.expr(body)?;
                self.jump_noline(JumpKind::Jump, end);
                self.use_next_block(next);
                self.expr(orelse)?;
                self.use_next_block(end);
                Ok(())
            }
            ExprKind::Dict { keys, values } => self.dict(keys, values),
            ExprKind::Set(elts) => self.star_unpack(elts, 0, Collection::Set),
            ExprKind::ListComp(c) => self.comprehension(e, c, ComprehensionType::List),
            ExprKind::SetComp(c) => self.comprehension(e, c, ComprehensionType::Set),
            ExprKind::DictComp(c) => self.comprehension(e, c, ComprehensionType::Dict),
            ExprKind::GeneratorExp(c) => self.comprehension(e, c, ComprehensionType::Generator),
            ExprKind::Yield(value) => {
                self.require_function("'yield' outside function")?;
                match value {
                    Some(value) => self.expr(value)?,
                    None => self.load_none(),
                }
                self.yield_value();
                Ok(())
            }
            ExprKind::YieldFrom(value) => {
                self.require_function("'yield' outside function")?;
                if self.unit.kind == UnitKind::AsyncFunction {
                    return Err(self.unchecked("'yield from' inside async function"));
                }
                self.expr(value)?;
                self.emit(Instruction::GetYieldFromIter);
                self.load_none();
                self.yield_from(false);
                Ok(())
            }
            ExprKind::Await(value) => {
                if !matches!(
                    self.unit.kind,
                    UnitKind::AsyncFunction | UnitKind::Comprehension
                ) {
                    return Err(self.unchecked("'await' outside async function"));
                }
                self.expr(value)?;
                self.emit(Instruction::GetAwaitable {
                    context: AwaitContext::Await,
                });
                self.load_none();
                self.yield_from(true);
                Ok(())
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords),
            ExprKind::Constant(constant) => {
                let constant = super::fold::constant(constant);
                self.load_const(constant);
                Ok(())
            }
            ExprKind::JoinedStr(values) => self.joined_str(values, e.span),
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => self.formatted_value(value, *conversion, format_spec.as_deref(), e.span),
            ExprKind::Attribute {
                value,
                attr,
                attr_start,
                ctx,
            } => {
                self.expr(value)?;
                self.set_attribute_loc(e, *attr_start);
                let name = self.name_index(attr);
                self.emit(match ctx {
                    ExprContext::Load => Instruction::LoadAttr { name },
                    ExprContext::Store => Instruction::StoreAttr { name },
                    ExprContext::Del => Instruction::DeleteAttr { name },
                });
                Ok(())
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(match ctx {
                    ExprContext::Load => Instruction::BinarySubscr,
                    ExprContext::Store => Instruction::StoreSubscr,
                    ExprContext::Del => Instruction::DeleteSubscr,
                });
                Ok(())
            }
            ExprKind::Starred { .. } => Err(self.unchecked("can't use starred expression here")),
            ExprKind::Slice { lower, upper, step } => {
                for bound in [lower, upper] {
                    match bound {
                        Some(bound) => self.expr(bound)?,
                        None => self.load_none(),
                    }
                }
                if let Some(step) = step {
                    self.expr(step)?;
                }
                self.emit(Instruction::BuildSlice {
                    with_step: step.is_some(),
                });
                Ok(())
            }
            ExprKind::Name { id, ctx } => self.name_op(id, (*ctx).into()),
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
                let collection = if matches!(e.kind, ExprKind::List { .. }) {
                    Collection::List
                } else {
                    Collection::Tuple
                };
                match ctx {
                    ExprContext::Store => self.unpack_targets(elts),
                    ExprContext::Load => self.star_unpack(elts, 0, collection),
                    ExprContext::Del => self.exprs(elts),
                }
            }
        }
    }

    /// A multi-line attribute access takes the line of the attribute name
    /// (`update_start_location_to_match_attr`).
    pub(super) fn set_attribute_loc(&mut self, attribute: &Expr, attr_start: u32) {
        let line = self.lines.line(attr_start) as u32;
        if self.unit.loc.map(|l| l.line) != Some(line) {
            self.unit.loc = Some(Location {
                line,
                span: Span::new(attr_start, attribute.span.end),
            });
        }
    }

    /// `a and b`, `a or b`: the value of the last operand evaluated.
    fn bool_op(&mut self, op: BoolOp, values: &'a [Expr]) -> CResult {
        let kind = match op {
            BoolOp::And => JumpKind::JumpIfFalseOrPop,
            BoolOp::Or => JumpKind::JumpIfTrueOrPop,
        };
        let end = self.new_block();
        let Some((last, rest)) = values.split_last() else {
            return Err(self.unchecked("empty boolean operation"));
        };
        for value in rest {
            self.expr(value)?;
            self.jump(kind, end);
            let next = self.new_block();
            self.use_next_block(next);
        }
        self.expr(last)?;
        self.use_next_block(end);
        Ok(())
    }

    /// Jumps to `next` if `e` is true (`cond`) or false (`!cond`), without
    /// materialising `and`, `or`, `not` and chained comparisons
    /// (`compiler_jump_if`).
    pub(super) fn jump_if(&mut self, e: &'a Expr, next: BlockId, cond: bool) -> CResult {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } if self.fold(e).is_none() && super::fold::inverted_compare(e).is_none() => {
                return self.jump_if(operand, next, !cond)
            }
            ExprKind::BoolOp { op, values } => {
                let Some((last, rest)) = values.split_last() else {
                    return Err(self.unchecked("empty boolean operation"));
                };
                let cond2 = *op == BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_block()
                } else {
                    next
                };
                for value in rest {
                    self.jump_if(value, next2, cond2)?;
                }
                self.jump_if(last, next, cond)?;
                if next2 != next {
                    self.use_next_block(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, next, cond)?;
                self.jump_noline(JumpKind::Jump, end);
                self.use_next_block(next2);
                self.jump_if(orelse, next, cond)?;
                self.use_next_block(end);
                return Ok(());
            }
            // CPython sets the comparison's location here and keeps it for
            // the jump, even for a single comparison.
            ExprKind::Compare { ops, .. } if ops.len() == 1 => self.set_loc(e.span),
            ExprKind::UnaryOp { .. } => {
                if let Some((.., span)) = super::fold::inverted_compare(e) {
                    self.set_loc(span);
                }
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                if ops.is_empty() || ops.len() != comparators.len() {
                    return Err(self.unchecked("malformed comparison"));
                }
                self.set_loc(e.span);
                let cleanup = self.new_block();
                self.expr(left)?;
                let n = ops.len() - 1;
                for (op, comparator) in ops[..n].iter().zip(comparators) {
                    self.expr(comparator)?;
                    self.emit_swap(2);
                    self.emit_copy(2);
                    self.compare_op(*op);
                    self.jump(JumpKind::PopJumpIfFalse, cleanup);
                }
                self.comparator(ops[n], &comparators[n])?;
                self.compare_op(ops[n]);
                let kind = if cond {
                    JumpKind::PopJumpIfTrue
                } else {
                    JumpKind::PopJumpIfFalse
                };
                self.jump(kind, next);
                let end = self.new_block();
                self.jump_noline(JumpKind::Jump, end);
                self.use_next_block(cleanup);
                self.emit(Instruction::PopTop);
                if !cond {
                    self.jump_noline(JumpKind::Jump, next);
                }
                self.use_next_block(end);
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        let kind = if cond {
            JumpKind::PopJumpIfTrue
        } else {
            JumpKind::PopJumpIfFalse
        };
        self.jump(kind, next);
        Ok(())
    }

    pub(super) fn compare_op(&mut self, op: CmpOp) {
        use ComparisonOperator as C;
        let instr = match op {
            CmpOp::Eq => Instruction::CompareOp { op: C::Equal },
            CmpOp::NotEq => Instruction::CompareOp { op: C::NotEqual },
            CmpOp::Lt => Instruction::CompareOp { op: C::Less },
            CmpOp::LtE => Instruction::CompareOp { op: C::LessEqual },
            CmpOp::Gt => Instruction::CompareOp { op: C::Greater },
            CmpOp::GtE => Instruction::CompareOp {
                op: C::GreaterEqual,
            },
            CmpOp::Is => Instruction::IsOp { negate: false },
            CmpOp::IsNot => Instruction::IsOp { negate: true },
            CmpOp::In => Instruction::ContainsOp { negate: false },
            CmpOp::NotIn => Instruction::ContainsOp { negate: true },
        };
        self.emit(instr);
    }

    fn compare(&mut self, left: &'a Expr, ops: &'a [CmpOp], comparators: &'a [Expr]) -> CResult {
        if ops.is_empty() || ops.len() != comparators.len() {
            return Err(self.unchecked("malformed comparison"));
        }
        self.expr(left)?;
        if ops.len() == 1 {
            self.comparator(ops[0], &comparators[0])?;
            self.compare_op(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_block();
        let n = ops.len() - 1;
        for (op, comparator) in ops[..n].iter().zip(comparators) {
            self.expr(comparator)?;
            self.emit_swap(2);
            self.emit_copy(2);
            self.compare_op(*op);
            self.jump(JumpKind::JumpIfFalseOrPop, cleanup);
        }
        self.comparator(ops[n], &comparators[n])?;
        self.compare_op(ops[n]);
        let end = self.new_block();
        self.jump_noline(JumpKind::Jump, end);
        self.use_next_block(cleanup);
        self.emit_swap(2);
        self.emit(Instruction::PopTop);
        self.use_next_block(end);
        Ok(())
    }

    /// The right operand of `in`/`not in` folds a list display to a tuple
    /// and a set of constants to a frozenset (CPython's `fold_compare`).
    fn comparator(&mut self, op: CmpOp, comparator: &'a Expr) -> CResult {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            self.iterable(comparator)
        } else {
            self.expr(comparator)
        }
    }

    /// An iterable that is only iterated (a `for` loop's, a comprehension's,
    /// the right of `in`): a list display becomes a tuple, a set display of
    /// constants a frozenset (CPython's `fold_iter`).
    pub(super) fn iterable(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::List {
                elts,
                ctx: ast::ExprContext::Load,
            } if !elts
                .iter()
                .any(|e| matches!(e.kind, ExprKind::Starred { .. })) =>
            {
                let saved = self.unit.loc;
                self.set_loc(e.span);
                let result = match self.fold_tuple(elts) {
                    Some(tuple) => {
                        self.load_const(tuple);
                        Ok(())
                    }
                    None => self.star_unpack(elts, 0, Collection::Tuple),
                };
                self.unit.loc = saved;
                result
            }
            ExprKind::Set(elts) => match self.fold_tuple(elts) {
                Some(Constant::Tuple(items)) => {
                    let saved = self.unit.loc;
                    self.set_loc(e.span);
                    self.load_const(super::frozenset(items));
                    self.unit.loc = saved;
                    Ok(())
                }
                _ => self.expr(e),
            },
            _ => self.expr(e),
        }
    }

    /// `[a, *b]`, `(a, *b)`, `{a, *b}`, and the positional arguments of a
    /// call with `*` (`starunpack_helper`). `pushed` items are already on
    /// the stack and become the first ones.
    pub(super) fn star_unpack(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        collection: Collection,
    ) -> CResult {
        let (build, add, extend) = collection.instructions();
        let is_tuple = collection == Collection::Tuple;
        let n = elts.len();
        if n > 2 {
            if let Some(Constant::Tuple(items)) = self.fold_tuple(elts) {
                if is_tuple && pushed == 0 {
                    self.load_const(Constant::Tuple(items));
                } else {
                    let folded = if collection == Collection::Set {
                        super::frozenset(items)
                    } else {
                        Constant::Tuple(items)
                    };
                    self.emit(build(Count(pushed)));
                    self.load_const(folded);
                    self.emit(extend(StackPos(1)));
                    if is_tuple {
                        self.emit(Instruction::ListToTuple);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let has_star = elts
            .iter()
            .any(|e| matches!(e.kind, ExprKind::Starred { .. }));
        if !has_star && !big {
            self.exprs(elts)?;
            let count = Count(n as u32 + pushed);
            self.emit(if is_tuple {
                Instruction::BuildTuple { count }
            } else {
                build(count)
            });
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build(Count(pushed)));
            built = true;
        }
        for (i, elt) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &elt.kind {
                if !built {
                    self.emit(build(Count(i as u32 + pushed)));
                    built = true;
                }
                self.expr(value)?;
                self.emit(extend(StackPos(1)));
            } else {
                self.expr(elt)?;
                if built {
                    self.emit(add(StackPos(1)));
                }
            }
        }
        if is_tuple {
            self.emit(Instruction::ListToTuple);
        }
        Ok(())
    }

    /// Assignment to `a, *b, c` (`assignment_helper`).
    pub(super) fn unpack_targets(&mut self, elts: &'a [Expr]) -> CResult {
        let n = elts.len();
        let star = elts
            .iter()
            .position(|e| matches!(e.kind, ExprKind::Starred { .. }));
        match star {
            Some(i) => {
                let before = u8::try_from(i).map_err(|_| {
                    self.unchecked("too many expressions in star-unpacking assignment")
                })?;
                self.emit(Instruction::UnpackEx {
                    before,
                    after: (n - i - 1) as u32,
                });
            }
            None => self.emit(Instruction::UnpackSequence {
                count: Count(n as u32),
            }),
        }
        for elt in elts {
            match &elt.kind {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(elt)?,
            }
        }
        Ok(())
    }

    /// A dict display with `**` entries (`compiler_dict`).
    fn dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> CResult {
        if keys.len() != values.len() {
            return Err(self.unchecked("malformed dict display"));
        }
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.emit(Instruction::DictUpdate { pos: StackPos(1) });
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Instruction::BuildMap { count: Count(0) });
                    have_dict = true;
                }
                self.expr(&values[i])?;
                self.emit(Instruction::DictUpdate { pos: StackPos(1) });
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.emit(Instruction::DictUpdate { pos: StackPos(1) });
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.emit(Instruction::DictUpdate { pos: StackPos(1) });
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Instruction::BuildMap { count: Count(0) });
        }
        Ok(())
    }

    /// The `key: value` entries `begin..end` as one dict (`compiler_subdict`).
    fn subdict(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
        begin: usize,
        end: usize,
    ) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let constant_keys: Option<Vec<Constant>> = keys[begin..end]
                .iter()
                .map(|k| k.as_ref().and_then(|k| self.fold(k)))
                .collect();
            if let Some(constant_keys) = constant_keys {
                self.exprs(&values[begin..end])?;
                self.load_const(Constant::Tuple(constant_keys));
                self.emit(Instruction::BuildConstKeyMap {
                    count: Count(n as u32),
                });
                return Ok(());
            }
        }
        if big {
            self.emit(Instruction::BuildMap { count: Count(0) });
        }
        for i in begin..end {
            if let Some(key) = &keys[i] {
                self.expr(key)?;
            }
            self.expr(&values[i])?;
            if big {
                self.emit(Instruction::MapAdd { pos: StackPos(1) });
            }
        }
        if !big {
            self.emit(Instruction::BuildMap {
                count: Count(n as u32),
            });
        }
        Ok(())
    }

    // ---- generators and coroutines ----

    /// `YIELD_VALUE` and the `RESUME` after it (`addop_yield`).
    pub(super) fn yield_value(&mut self) {
        let scope = self.table.scope(self.unit.scope);
        if scope.is_generator && scope.is_coroutine {
            self.emit(Instruction::AsyncGenWrap);
        }
        self.emit(Instruction::YieldValue);
        self.emit(Instruction::Resume {
            kind: ResumeKind::AfterYield,
        });
    }

    /// The `SEND` loop of `yield from` and `await` (`compiler_add_yield_from`).
    pub(super) fn yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_next_block(start);
        self.jump(JumpKind::Send, exit);
        self.use_next_block(resume);
        self.emit(Instruction::YieldValue);
        self.emit(Instruction::Resume {
            kind: if is_await {
                ResumeKind::AfterAwait
            } else {
                ResumeKind::AfterYieldFrom
            },
        });
        self.jump(JumpKind::JumpNoInterrupt, start);
        self.use_next_block(exit);
    }
}

/// Which comprehension `comprehension.rs` compiles.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum ComprehensionType {
    Generator,
    List,
    Set,
    Dict,
}

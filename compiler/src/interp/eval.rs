//! The dispatch loop: one `match` arm per instruction, each a call into
//! krait-runtime (no Python semantics live here), plus exception handling
//! by the code object's exception table.
//!
//! [`run`] drives a frame until it returns, yields, becomes a generator or
//! raises. Errors propagate out of [`execute`] with `?`; [`run`] then
//! looks up the innermost exception-table entry covering the raising
//! instruction (CPython 3.11's `exception_unwind`): it pops the operand
//! stack to the entry's depth, pushes the index of the raising instruction
//! if the entry says so, pushes the exception and continues at the
//! handler. With no entry the exception leaves the frame and the frame's
//! handled exceptions are popped. As in CPython, the frame is added to the
//! exception's traceback (code name, file, line of `lasti`) where the
//! exception is raised in it, not where it leaves, and re-raises
//! (`RERAISE`, bare `raise`) add nothing.

use krait_runtime::error::{self, take_exception, PyResult, Raised};
use krait_runtime::exceptions::traceback::add_traceback_entry_to_current;
use krait_runtime::object::PyPayload;
use krait_runtime::ops::{self, CompareOp};
use krait_runtime::runtime;
use krait_runtime::types::cell::{as_cell, new_cell};
use krait_runtime::types::generator as gen;
use krait_runtime::types::int::int_from_i64;
use krait_runtime::types::registry::types;
use krait_runtime::types::tuple::tuple_items;
use krait_runtime::Value;

use crate::bytecode::code::CodeFlags;
use crate::bytecode::instruction::{
    AwaitContext, ComparisonOperator, Conversion, DerefIdx, Instruction, Label, LocalIdx,
    RaiseKind, ReraiseLasti,
};

use super::frame::Frame;
use super::function::make_function;

/// How a frame stopped running.
pub enum Exit {
    /// `RETURN_VALUE`.
    Return(Value),
    /// `YIELD_VALUE`: suspended; resume with the sent value pushed.
    Yield(Value),
    /// `RETURN_GENERATOR`: the caller turns the frame into a generator.
    Generator,
}

/// Runs `frame` from its `pc`. With `throwing`, the pending exception is
/// raised at the instruction before `pc` first (a generator's `throw()`).
pub fn run(frame: &mut Frame, throwing: bool) -> PyResult<Exit> {
    let _active = super::introspect::ActiveFrame::enter(frame);
    let mut result = if throwing {
        Err(Raised)
    } else {
        execute(frame)
    };
    loop {
        match result {
            Ok(exit) => return Ok(exit),
            Err(_) => {
                if !unwind(frame) {
                    return Err(Raised);
                }
                result = execute(frame);
            }
        }
    }
}

/// Finds the handler for the pending exception. True: the frame continues
/// at the handler; false: the exception leaves the frame.
fn unwind(frame: &mut Frame) -> bool {
    let at = frame.pc.saturating_sub(1);
    let code = frame.code;
    if error::current_exception().is_none() {
        // A runtime function failed without raising: CPython's SystemError.
        let _pending = error::system_error("error return without exception set");
    }
    // As CPython's `error:` label, every raise in this frame records the
    // frame in the traceback — except re-raises, which record nothing new.
    let reraise = matches!(
        code.code.instructions.get(at),
        Some(
            Instruction::Reraise { .. }
                | Instruction::RaiseVarargs {
                    kind: RaiseKind::Reraise
                }
                | Instruction::EndAsyncFor
        )
    );
    if !reraise {
        add_traceback_entry_to_current(code.name, code.filename, code.line(frame.lasti));
    }
    match code.code.handler(at) {
        Some(entry) => {
            let exc = take_exception().unwrap_or(Value::NONE);
            frame.stack.truncate(entry.depth as usize);
            if entry.push_lasti {
                frame.push(int_from_i64(frame.lasti as i64));
            }
            frame.push(exc);
            frame.pc = entry.handler.index();
            true
        }
        None => {
            while frame.handled > 0 {
                error::pop_handled_exception();
                frame.handled -= 1;
            }
            false
        }
    }
}

fn compare_op(op: ComparisonOperator) -> CompareOp {
    match op {
        ComparisonOperator::Less => CompareOp::Lt,
        ComparisonOperator::LessEqual => CompareOp::Le,
        ComparisonOperator::Equal => CompareOp::Eq,
        ComparisonOperator::NotEqual => CompareOp::Ne,
        ComparisonOperator::Greater => CompareOp::Gt,
        ComparisonOperator::GreaterEqual => CompareOp::Ge,
    }
}

fn unbound_local(frame: &Frame, local: LocalIdx) -> Raised {
    ops::frame::unbound_local(frame.code.code.local_name(local).unwrap_or("?"))
}

fn unbound_deref(frame: &Frame, cell: DerefIdx) -> Raised {
    let is_cellvar = cell.index() < frame.code.code.cellvars.len();
    ops::frame::unbound_deref(frame.code.deref_name(cell), is_cellvar)
}

fn cell_at(
    frame: &Frame,
    cell: DerefIdx,
) -> PyResult<&'static krait_runtime::types::cell::CellObject> {
    as_cell(frame.cells[cell.index()])
        .ok_or_else(|| error::internal_error("VM: deref of a variable with no cell"))
}

/// The namespace of `LOAD_NAME` and friends.
fn namespace(frame: &Frame) -> PyResult<Value> {
    if frame.locals.is_null() {
        return Err(error::system_error("no locals when loading names"));
    }
    Ok(frame.locals)
}

fn await_where(context: AwaitContext) -> gen::AwaitWhere {
    match context {
        AwaitContext::Await => gen::AwaitWhere::Await,
        AwaitContext::AsyncEnter => gen::AwaitWhere::AsyncEnter,
        AwaitContext::AsyncExit => gen::AwaitWhere::AsyncExit,
    }
}

/// Runs instructions until the frame exits or an instruction raises.
fn execute(frame: &mut Frame) -> PyResult<Exit> {
    let code = frame.code;
    let instructions = &code.code.instructions[..];
    loop {
        let index = frame.pc;
        let instruction = instructions[index];
        frame.pc = index + 1;
        frame.lasti = index;
        match instruction {
            // ---- stack manipulation ----
            Instruction::Nop | Instruction::Resume { .. } => {}
            Instruction::PopTop => {
                frame.pop();
            }
            Instruction::PushNull => frame.push(Value::NULL),
            Instruction::Copy { pos } => {
                let v = frame.peek(pos.index());
                frame.push(v);
            }
            Instruction::Swap { pos } => {
                let len = frame.stack.len();
                frame.stack.swap(len - 1, len - pos.index());
            }

            // ---- operators ----
            Instruction::UnaryPositive => {
                let v = ops::arith::pos(frame.top())?;
                frame.set_top(v);
            }
            Instruction::UnaryNegative => {
                let v = ops::arith::neg(frame.top())?;
                frame.set_top(v);
            }
            Instruction::UnaryNot => {
                let v = ops::object::not(frame.top())?;
                frame.set_top(v);
            }
            Instruction::UnaryInvert => {
                let v = ops::arith::invert(frame.top())?;
                frame.set_top(v);
            }
            Instruction::BinaryOp { op } => {
                let b = frame.pop();
                let a = frame.top();
                let r = match op.runtime_op() {
                    (op, false) => ops::arith::binary_op(op, a, b)?,
                    (op, true) => ops::arith::inplace_op(op, a, b)?,
                };
                frame.set_top(r);
            }
            Instruction::BinarySubscr => {
                let key = frame.pop();
                let v = ops::subscript::getitem(frame.top(), key)?;
                frame.set_top(v);
            }
            Instruction::StoreSubscr => {
                let key = frame.pop();
                let container = frame.pop();
                let value = frame.pop();
                ops::subscript::setitem(container, key, value)?;
            }
            Instruction::DeleteSubscr => {
                let key = frame.pop();
                let container = frame.pop();
                ops::subscript::delitem(container, key)?;
            }
            Instruction::CompareOp { op } => {
                let b = frame.pop();
                let r = ops::compare::rich_compare(frame.top(), b, compare_op(op))?;
                frame.set_top(r);
            }
            Instruction::IsOp { negate } => {
                let b = frame.pop();
                let a = frame.top();
                frame.set_top(Value::from_bool((a == b) != negate));
            }
            Instruction::ContainsOp { negate } => {
                let container = frame.pop();
                let found = ops::compare::contains(container, frame.top())?;
                frame.set_top(Value::from_bool(found != negate));
            }

            // ---- building and unpacking ----
            Instruction::BuildTuple { count } => {
                let at = frame.stack.len() - count.index();
                let t = ops::build::build_tuple(&frame.stack[at..]);
                frame.stack.truncate(at);
                frame.push(t);
            }
            Instruction::BuildList { count } => {
                let at = frame.stack.len() - count.index();
                let l = ops::build::build_list(&frame.stack[at..]);
                frame.stack.truncate(at);
                frame.push(l);
            }
            Instruction::BuildSet { count } => {
                let at = frame.stack.len() - count.index();
                let s = ops::build::build_set(&frame.stack[at..])?;
                frame.stack.truncate(at);
                frame.push(s);
            }
            Instruction::BuildMap { count } => {
                let at = frame.stack.len() - 2 * count.index();
                let d = ops::build::build_map(&frame.stack[at..])?;
                frame.stack.truncate(at);
                frame.push(d);
            }
            Instruction::BuildConstKeyMap { count } => {
                let keys = frame.pop();
                let at = frame.stack.len() - count.index();
                let d = ops::build::build_const_key_map(keys, &frame.stack[at..])?;
                frame.stack.truncate(at);
                frame.push(d);
            }
            Instruction::BuildString { count } => {
                let at = frame.stack.len() - count.index();
                let s = ops::build::build_string(&frame.stack[at..])?;
                frame.stack.truncate(at);
                frame.push(s);
            }
            Instruction::BuildSlice { with_step } => {
                let step = if with_step { frame.pop() } else { Value::NONE };
                let stop = frame.pop();
                let start = frame.top();
                frame.set_top(ops::subscript::build_slice(start, stop, step));
            }
            Instruction::ListAppend { pos } => {
                let v = frame.pop();
                ops::build::list_append(frame.peek(pos.index()), v)?;
            }
            Instruction::SetAdd { pos } => {
                let v = frame.pop();
                ops::build::set_add(frame.peek(pos.index()), v)?;
            }
            Instruction::MapAdd { pos } => {
                let value = frame.pop();
                let key = frame.pop();
                ops::build::map_add(frame.peek(pos.index()), key, value)?;
            }
            Instruction::ListExtend { pos } => {
                let v = frame.pop();
                ops::build::list_extend(frame.peek(pos.index()), v)?;
            }
            Instruction::SetUpdate { pos } => {
                let v = frame.pop();
                ops::build::set_update(frame.peek(pos.index()), v)?;
            }
            Instruction::DictUpdate { pos } => {
                let v = frame.pop();
                ops::build::dict_update(frame.peek(pos.index()), v)?;
            }
            Instruction::DictMerge { pos } => {
                let v = frame.pop();
                // The called function sits two under the dict being merged into.
                let callable = frame.peek(pos.index() + 2);
                ops::build::dict_merge(frame.peek(pos.index()), v, callable)?;
            }
            Instruction::ListToTuple => {
                let t = ops::build::list_to_tuple(frame.top())?;
                frame.set_top(t);
            }
            Instruction::UnpackSequence { count } => {
                let v = frame.pop();
                let items = ops::iter::unpack_sequence(v, count.index())?;
                frame.stack.extend(items.into_iter().rev());
            }
            Instruction::UnpackEx { before, after } => {
                let v = frame.pop();
                let items = ops::iter::unpack_ex(v, before as usize, after as usize)?;
                frame.stack.extend(items.into_iter().rev());
            }

            // ---- constants and names ----
            Instruction::LoadConst { index } => {
                let v = code.constant(index)?;
                frame.push(v);
            }
            Instruction::LoadFast { local } => {
                let v = frame.fast[local.index()];
                if v.is_null() {
                    return Err(unbound_local(frame, local));
                }
                frame.push(v);
            }
            Instruction::StoreFast { local } => {
                let v = frame.pop();
                frame.fast[local.index()] = v;
            }
            Instruction::DeleteFast { local } => {
                if frame.fast[local.index()].is_null() {
                    return Err(unbound_local(frame, local));
                }
                frame.fast[local.index()] = Value::NULL;
            }
            Instruction::MakeCell { cell } => {
                let initial = match code.cell_args.get(cell.index()).copied().flatten() {
                    Some(arg) => frame.fast[arg],
                    None => Value::NULL,
                };
                frame.cells[cell.index()] = new_cell(initial);
            }
            Instruction::CopyFreeVars { count } => {
                let closure = krait_runtime::types::function::FunctionObject::cast(frame.func)
                    .map_or(Value::NONE, |f| f.closure.get());
                let cells = tuple_items(closure).unwrap_or(&[]);
                let first = code.code.cellvars.len();
                for (i, &c) in cells.iter().take(count.index()).enumerate() {
                    frame.cells[first + i] = c;
                }
            }
            Instruction::LoadClosure { cell } => {
                let c = frame.cells[cell.index()];
                frame.push(c);
            }
            Instruction::LoadDeref { cell } => {
                let v = cell_at(frame, cell)?.contents.get();
                if v.is_null() {
                    return Err(unbound_deref(frame, cell));
                }
                frame.push(v);
            }
            Instruction::StoreDeref { cell } => {
                let v = frame.pop();
                cell_at(frame, cell)?.contents.set(v);
            }
            Instruction::DeleteDeref { cell } => {
                let c = cell_at(frame, cell)?;
                if c.contents.get().is_null() {
                    return Err(unbound_deref(frame, cell));
                }
                c.contents.set(Value::NULL);
            }
            Instruction::LoadClassderef { cell } => {
                let name = krait_runtime::types::string::intern(code.deref_name(cell));
                let ns = namespace(frame)?;
                let found = ops::frame::class_namespace_lookup(ns, name)?;
                let v = match found {
                    Some(v) => v,
                    None => {
                        let v = cell_at(frame, cell)?.contents.get();
                        if v.is_null() {
                            return Err(unbound_deref(frame, cell));
                        }
                        v
                    }
                };
                frame.push(v);
            }
            Instruction::LoadGlobal { name, push_null } => {
                let v = runtime::load_global(frame.globals, code.name(name))?;
                if push_null {
                    frame.push(Value::NULL);
                }
                frame.push(v);
            }
            Instruction::StoreGlobal { name } => {
                let v = frame.pop();
                ops::frame::store_name(frame.globals, code.name(name), v)?;
            }
            Instruction::DeleteGlobal { name } => {
                ops::frame::delete_name(frame.globals, code.name(name))?;
            }
            Instruction::LoadName { name } => {
                let v = runtime::load_name(namespace(frame)?, frame.globals, code.name(name))?;
                frame.push(v);
            }
            Instruction::StoreName { name } => {
                let v = frame.pop();
                ops::frame::store_name(namespace(frame)?, code.name(name), v)?;
            }
            Instruction::DeleteName { name } => {
                ops::frame::delete_name(namespace(frame)?, code.name(name))?;
            }
            Instruction::LoadAttr { name } => {
                let v = ops::attr::getattr(frame.top(), code.name(name))?;
                frame.set_top(v);
            }
            Instruction::StoreAttr { name } => {
                let obj = frame.pop();
                let v = frame.pop();
                ops::attr::setattr(obj, code.name(name), v)?;
            }
            Instruction::DeleteAttr { name } => {
                let obj = frame.pop();
                ops::attr::delattr(obj, code.name(name))?;
            }
            Instruction::LoadMethod { name } => {
                let obj = frame.top();
                let (f, self_) = ops::attr::load_method(obj, code.name(name))?;
                if self_.is_null() {
                    frame.set_top(Value::NULL);
                    frame.push(f);
                } else {
                    frame.set_top(f);
                    frame.push(self_);
                }
            }

            // ---- calls and functions ----
            Instruction::Call { argc } => {
                let base = frame.stack.len() - argc.index() - 2;
                let kwnames = frame.kwnames.take();
                let first = frame.stack[base];
                let (callable, args_at) = if first.is_null() {
                    (frame.stack[base + 1], base + 2)
                } else {
                    (first, base + 1)
                };
                let result = if args_at == frame.stack.len() && kwnames.is_none() {
                    let (class_cell, first_arg) = super_context(frame);
                    ops::frame::call_no_args(callable, class_cell, first_arg)
                } else {
                    ops::call::call(callable, &frame.stack[args_at..], kwnames)
                };
                frame.stack.truncate(base);
                frame.push(result?);
            }
            Instruction::KwNames { names } => {
                frame.kwnames = Some(code.constant(names)?);
            }
            Instruction::CallFunctionEx { has_kwargs } => {
                // The operands stay on the stack (rooted) during the call.
                let kwargs = if has_kwargs { frame.top() } else { Value::NULL };
                let base = frame.stack.len() - 3 - usize::from(has_kwargs);
                let (func, args) = (frame.stack[base + 1], frame.stack[base + 2]);
                let r = ops::call::call_ex(func, args, kwargs);
                frame.stack.truncate(base);
                frame.push(r?);
            }
            Instruction::MakeFunction { flags } => {
                let f = make_function(frame, flags)?;
                frame.push(f);
            }
            Instruction::LoadBuildClass => {
                let f =
                    runtime::load_builtin(krait_runtime::types::string::intern("__build_class__"))?;
                frame.push(f);
            }
            Instruction::ReturnValue => {
                let v = frame.pop();
                return Ok(Exit::Return(v));
            }

            // ---- f-strings ----
            Instruction::FormatValue {
                conversion,
                with_spec,
            } => {
                let spec = if with_spec { frame.pop() } else { Value::NULL };
                let mut v = frame.top();
                let conversion = match conversion {
                    Conversion::None => None,
                    Conversion::Str => Some(ops::format::Conversion::Str),
                    Conversion::Repr => Some(ops::format::Conversion::Repr),
                    Conversion::Ascii => Some(ops::format::Conversion::Ascii),
                };
                if let Some(c) = conversion {
                    v = ops::format::convert(v, c)?;
                }
                let s = ops::format::format(v, spec)?;
                frame.set_top(s);
            }

            // ---- iteration, generators, coroutines ----
            Instruction::GetIter => {
                let it = ops::iter::iter(frame.top())?;
                frame.set_top(it);
            }
            Instruction::ForIter { target } => match ops::iter::next(frame.top())? {
                Some(v) => frame.push(v),
                None => {
                    frame.pop();
                    frame.pc = target.index();
                }
            },
            Instruction::GetYieldFromIter => {
                let in_coroutine = code.code.flags.contains(CodeFlags::COROUTINE);
                let it = gen::get_yield_from_iter(frame.top(), in_coroutine)?;
                frame.set_top(it);
            }
            Instruction::GetAiter => {
                let it = ops::context::get_aiter(frame.top())?;
                frame.set_top(it);
            }
            Instruction::GetAnext => {
                let awaitable = ops::context::get_anext(frame.top())?;
                frame.push(awaitable);
            }
            Instruction::EndAsyncFor => {
                let exc = frame.pop();
                if ops::context::ends_async_for(exc) {
                    frame.pop();
                } else {
                    return Err(error::restore(exc));
                }
            }
            Instruction::GetAwaitable { context } => {
                let a = gen::get_awaitable(frame.top(), await_where(context))?;
                frame.set_top(a);
            }
            Instruction::Send { target } => {
                let v = frame.pop();
                match gen::iter_send(frame.top(), v)? {
                    gen::SendResult::Yield(x) => frame.push(x),
                    gen::SendResult::Return(x) => {
                        frame.set_top(x);
                        frame.pc = target.index();
                    }
                }
            }
            Instruction::YieldValue => {
                let v = frame.pop();
                return Ok(Exit::Yield(v));
            }
            Instruction::AsyncGenWrap => {
                let w = krait_runtime::types::async_gen::wrap_value(frame.top());
                frame.set_top(w);
            }
            Instruction::ReturnGenerator => return Ok(Exit::Generator),

            // ---- jumps ----
            Instruction::JumpForward { target }
            | Instruction::JumpBackward { target }
            | Instruction::JumpBackwardNoInterrupt { target } => {
                jump(frame, target);
            }
            Instruction::PopJumpForwardIfFalse { target }
            | Instruction::PopJumpBackwardIfFalse { target } => {
                let v = frame.pop();
                if !truth(v)? {
                    jump(frame, target);
                }
            }
            Instruction::PopJumpForwardIfTrue { target }
            | Instruction::PopJumpBackwardIfTrue { target } => {
                let v = frame.pop();
                if truth(v)? {
                    jump(frame, target);
                }
            }
            Instruction::PopJumpForwardIfNone { target }
            | Instruction::PopJumpBackwardIfNone { target } => {
                if frame.pop().is_none() {
                    jump(frame, target);
                }
            }
            Instruction::PopJumpForwardIfNotNone { target }
            | Instruction::PopJumpBackwardIfNotNone { target } => {
                if !frame.pop().is_none() {
                    jump(frame, target);
                }
            }
            Instruction::JumpIfFalseOrPop { target } => {
                if truth(frame.top())? {
                    frame.pop();
                } else {
                    jump(frame, target);
                }
            }
            Instruction::JumpIfTrueOrPop { target } => {
                if truth(frame.top())? {
                    jump(frame, target);
                } else {
                    frame.pop();
                }
            }

            // ---- exceptions ----
            Instruction::RaiseVarargs { kind } => {
                return Err(match kind {
                    RaiseKind::Reraise => krait_runtime::exceptions::reraise(),
                    RaiseKind::Raise => {
                        let exc = frame.pop();
                        krait_runtime::exceptions::raise_value(exc, Value::NULL)
                    }
                    RaiseKind::RaiseFrom => {
                        let cause = frame.pop();
                        let exc = frame.pop();
                        krait_runtime::exceptions::raise_value(exc, cause)
                    }
                }
                .err()
                .unwrap_or(Raised));
            }
            Instruction::Reraise { lasti } => {
                let exc = frame.pop();
                let under = match lasti {
                    ReraiseLasti::Keep => 0,
                    ReraiseLasti::Under1 => 1,
                    ReraiseLasti::Under2 => 2,
                };
                if under > 0 {
                    if let Some(i) = frame.peek(under).as_small_int() {
                        frame.lasti = i as usize;
                    }
                }
                return Err(error::restore(exc));
            }
            Instruction::PushExcInfo => {
                let exc = frame.top();
                frame.set_top(ops::frame::push_exc_info(exc));
                frame.push(exc);
                frame.handled += 1;
            }
            Instruction::PopExcept => {
                frame.pop();
                if frame.handled > 0 {
                    error::pop_handled_exception();
                    frame.handled -= 1;
                }
            }
            Instruction::CheckExcMatch => {
                let cls = frame.pop();
                let matched = ops::isinstance::exception_matches_class(frame.top(), cls)?;
                frame.push(Value::from_bool(matched));
            }
            Instruction::CheckEgMatch => {
                let match_type = frame.pop();
                let exc = frame.top();
                let (matched, rest) = krait_runtime::exceptions::group::eg_match(exc, match_type)?;
                if matched.is_none() {
                    frame.push(Value::NONE);
                } else {
                    frame.set_top(rest);
                    frame.push(matched);
                    // The matched part is now the exception being handled.
                    if frame.handled > 0 {
                        error::take_handled_exception();
                        error::push_handled_exception(matched);
                    }
                }
            }
            Instruction::PrepReraiseStar => {
                let excs = frame.pop();
                let orig = frame.top();
                let r = krait_runtime::exceptions::group::prep_reraise_star(orig, excs)?;
                frame.set_top(r);
            }
            Instruction::LoadAssertionError => {
                frame.push(types().exc.AssertionError.as_value());
            }
            Instruction::BeforeWith => {
                let (exit, result) = ops::context::before_with(frame.top())?;
                frame.set_top(exit);
                frame.push(result);
            }
            Instruction::WithExceptStart => {
                let exit = frame.peek(4);
                let r = ops::context::with_except_start(exit, frame.top())?;
                frame.push(r);
            }
            Instruction::BeforeAsyncWith => {
                let (exit, result) = ops::context::before_async_with(frame.top())?;
                frame.set_top(exit);
                frame.push(result);
            }

            // ---- imports and annotations ----
            Instruction::ImportName { name } => {
                let fromlist = frame.pop();
                let level = frame.top();
                let m =
                    runtime::import::import_name(frame.globals, code.name(name), fromlist, level)?;
                frame.set_top(m);
            }
            Instruction::ImportFrom { name } => {
                let v = runtime::import::import_from(frame.top(), code.name(name))?;
                frame.push(v);
            }
            Instruction::ImportStar => {
                let module = frame.pop();
                runtime::import::import_star(module, namespace(frame)?)?;
            }
            Instruction::SetupAnnotations => {
                ops::frame::setup_annotations(namespace(frame)?)?;
            }

            // ---- pattern matching ----
            Instruction::MatchClass { count } => {
                let names = frame.pop();
                let cls = frame.pop();
                let subject = frame.top();
                let r = ops::pattern::match_class(subject, cls, count.index(), names)?;
                frame.set_top(r);
            }
            Instruction::MatchMapping => {
                let b = ops::pattern::is_mapping(frame.top());
                frame.push(Value::from_bool(b));
            }
            Instruction::MatchSequence => {
                let b = ops::pattern::is_sequence(frame.top());
                frame.push(Value::from_bool(b));
            }
            Instruction::MatchKeys => {
                let r = ops::pattern::match_keys(frame.peek(2), frame.top())?;
                frame.push(r);
            }
            Instruction::GetLen => {
                let n = ops::pattern::get_len(frame.top())?;
                frame.push(n);
            }
        }
    }
}

/// What a zero-argument `super()` would see in this frame: the method's
/// `__class__` cell and its first argument (from its cell if a closure
/// captured it); NULL where absent.
fn super_context(frame: &Frame) -> (Value, Value) {
    let c = &frame.code.code;
    let class_cell = c
        .freevars
        .iter()
        .position(|n| n == "__class__")
        .map_or(Value::NULL, |i| frame.cells[c.cellvars.len() + i]);
    let first_arg = if c.argcount == 0 {
        Value::NULL
    } else {
        match frame.code.cell_args.iter().position(|a| *a == Some(0)) {
            Some(cell) => as_cell(frame.cells[cell]).map_or(Value::NULL, |c| c.contents.get()),
            None => frame.fast[0],
        }
    };
    (class_cell, first_arg)
}

/// Continues at `target`. A backward jump (a loop's back-edge) is a
/// collector safe point, so loops that call nothing still collect; the
/// frame's state is all in the frame then, which the collector sees.
#[inline]
fn jump(frame: &mut Frame, target: Label) {
    let to = target.index();
    if to < frame.pc {
        krait_runtime::gc::safepoint();
    }
    frame.pc = to;
}

/// `bool(v)`, with the common cases inline.
#[inline]
fn truth(v: Value) -> PyResult<bool> {
    match v {
        Value::TRUE => Ok(true),
        Value::FALSE | Value::NONE => Ok(false),
        _ => ops::object::is_true(v),
    }
}

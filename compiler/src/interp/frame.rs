//! Frames: the state of one running code object.
//!
//! A [`Frame`] holds the fast locals (`Value::NULL` = unbound), the cell
//! and free variables (runtime `cell` objects, `cellvars` then
//! `freevars`), the operand stack (sized by the code's maximum depth), the
//! globals dict, the namespace of `LOAD_NAME`/`STORE_NAME` (module level
//! and class bodies; NULL in functions), the function being run (for its
//! closure), the next instruction, and the exception bookkeeping: how many
//! handled exceptions this frame pushed on the runtime's stack (so a
//! generator can take them off while it is suspended).
//!
//! Function frames live on the Rust stack of the call; a generator's frame
//! is moved to the heap when `RETURN_GENERATOR` runs (see `generator`).

use krait_runtime::Value;

use super::loader::LoadedCode;

pub struct Frame {
    pub code: &'static LoadedCode,
    pub globals: Value,
    /// The `LOAD_NAME` namespace (a dict or mapping), or NULL.
    pub locals: Value,
    /// The function object being run (NULL for module code).
    pub func: Value,
    pub fast: Vec<Value>,
    pub cells: Vec<Value>,
    pub stack: Vec<Value>,
    /// The next instruction to run.
    pub pc: usize,
    /// The instruction being run, or the one a traceback should name (set
    /// back by `RERAISE`).
    pub lasti: usize,
    /// The keyword names of the next `CALL` (from `KW_NAMES`).
    pub kwnames: Option<Value>,
    /// Handled exceptions this frame pushed (`PUSH_EXC_INFO` minus
    /// `POP_EXCEPT`).
    pub handled: usize,
    /// A suspended generator's handled exceptions, innermost last.
    pub saved_handled: Vec<Value>,
}

impl Frame {
    pub fn new(code: &'static LoadedCode, globals: Value, locals: Value, func: Value) -> Frame {
        let c = &code.code;
        let fast = vec![Value::NULL; c.varnames.len()];
        let stack = Vec::with_capacity(c.max_stack_depth as usize);
        Frame {
            code,
            globals,
            locals,
            func,
            fast,
            cells: vec![Value::NULL; c.deref_count()],
            stack,
            pc: 0,
            lasti: 0,
            kwnames: None,
            handled: 0,
            saved_handled: Vec::new(),
        }
    }

    #[inline]
    pub fn push(&mut self, v: Value) {
        self.stack.push(v);
    }

    #[inline]
    pub fn pop(&mut self) -> Value {
        match self.stack.pop() {
            Some(v) => v,
            None => stack_bug(),
        }
    }

    #[inline]
    pub fn top(&self) -> Value {
        match self.stack.last() {
            Some(&v) => v,
            None => stack_bug(),
        }
    }

    /// The item `n` places from the top (1 is the top).
    #[inline]
    pub fn peek(&self, n: usize) -> Value {
        match self.stack.len().checked_sub(n) {
            Some(i) => self.stack[i],
            None => stack_bug(),
        }
    }

    #[inline]
    pub fn set_top(&mut self, v: Value) {
        match self.stack.last_mut() {
            Some(slot) => *slot = v,
            None => stack_bug(),
        }
    }

    /// Calls the visitor on every value the frame holds (for the
    /// collector: a running frame is traced through the running-frames
    /// registry, a suspended generator's through its generator object).
    pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
        let kwnames = self.kwnames.unwrap_or(Value::NULL);
        for &v in [self.globals, self.locals, self.func, kwnames]
            .iter()
            .chain(&self.fast)
            .chain(&self.cells)
            .chain(&self.stack)
            .chain(&self.saved_handled)
        {
            visit(v);
        }
    }
}

/// The verifier checks every code object's stack depths before it runs,
/// so an underflow is a compiler bug.
#[cold]
fn stack_bug() -> ! {
    panic!("krait VM bug: operand stack underflow in verified bytecode")
}

//! The runtime side of native code: what a compiled program needs besides
//! the ABI functions.
//!
//! - [`abort`]: what replaces std's panic and allocation-error handlers in
//!   executables;
//! - [`blob`]: the serialised code objects and sources the compiler embeds;
//! - [`program`]: start-up (`krait_native_main`): decoding the blob into
//!   [`NativeCode`]s, filling the generated constant tables, running the
//!   module body on a thread with a large stack, reporting an uncaught
//!   exception;
//! - [`entry`]: the function entry every native function has
//!   (argument binding into a [`NativeFrame`]), the class-body runner,
//!   generator frames and their `FrameOps`, and frame introspection.
//!
//! A compiled code object is a *body*, `Value body(NativeFrame*, Value
//! sent)`, returning `Value::ERROR` with the exception pending when it
//! raises. The frame gives it the function, globals, namespace (module
//! and class bodies) and `slots`: the bound arguments, and for frames that
//! keep their variables in memory (generators and code that introspects
//! its locals) every fast local, then the cells, then (generators) room to
//! spill the operand stack at a `yield` and the state of inline range
//! loops (words the collector can trace as values). The field offsets are the
//! `FRAME_*` constants, which the code generator reads.

pub mod abort;
pub mod blob;
pub mod entry;
pub mod program;

use std::mem::offset_of;

use crate::types::function::CodeInfo;
use crate::Value;

/// A compiled code object's body.
pub type BodyFn = unsafe extern "C" fn(*mut NativeFrame, Value) -> Value;

/// The frame of a running (or suspended) native code object.
#[repr(C)]
pub struct NativeFrame {
    /// The function being run (NULL for module code).
    pub func: Value,
    pub globals: Value,
    /// The `LOAD_NAME` namespace, or NULL in functions.
    pub ns: Value,
    /// See the module doc.
    pub slots: *mut Value,
    /// Generators: where to resume (0: at the start).
    pub state: u32,
    /// Set by a body that returns because it yielded.
    pub yielded: u32,
    /// Generators: resumed by `throw()` (the exception is pending).
    pub throwing: u32,
    /// What `krait_send`/`krait_delegate_throw` did (see there).
    pub delegate_kind: u32,
    /// Handled exceptions the frame pushed (generators keep it here).
    pub handled: i64,
    pub code: *const NativeCode,
}

pub const FRAME_FUNC: usize = offset_of!(NativeFrame, func);
pub const FRAME_GLOBALS: usize = offset_of!(NativeFrame, globals);
pub const FRAME_NS: usize = offset_of!(NativeFrame, ns);
pub const FRAME_SLOTS: usize = offset_of!(NativeFrame, slots);
pub const FRAME_STATE: usize = offset_of!(NativeFrame, state);
pub const FRAME_YIELDED: usize = offset_of!(NativeFrame, yielded);
pub const FRAME_THROWING: usize = offset_of!(NativeFrame, throwing);
pub const FRAME_DELEGATE_KIND: usize = offset_of!(NativeFrame, delegate_kind);
pub const FRAME_HANDLED: usize = offset_of!(NativeFrame, handled);

impl NativeFrame {
    pub fn new(code: &'static NativeCode, func: Value, globals: Value, ns: Value) -> NativeFrame {
        NativeFrame {
            func,
            globals,
            ns,
            slots: std::ptr::null_mut(),
            state: 0,
            yielded: 0,
            throwing: 0,
            delegate_kind: 0,
            handled: 0,
            code,
        }
    }
}

/// A compiled code object, as the runtime knows it.
pub struct NativeCode {
    /// Its index in the program's code list.
    pub index: u32,
    pub info: &'static CodeInfo,
    pub body: BodyFn,
    /// The positional fast entry, or null (see `program::CodeDesc`).
    pub fast: *const (),
    /// This code as a runtime `code` value.
    pub value: Value,
    pub flags: u32,
    /// Fast locals (`co_varnames`).
    pub nlocals: usize,
    pub cellvars: Vec<Value>,
    pub freevars: Vec<Value>,
    /// For each cell variable, the argument it starts from.
    pub cell_args: Vec<Option<usize>>,
    /// Frame words after the variables (see `blob`'s `max_stack`).
    pub max_stack: usize,
    /// Keeps its variables in the frame's slots (see the module doc).
    pub locals_in_frame: bool,
    /// The first constant (a docstring candidate), if any.
    pub first_constant: Option<Value>,
    /// The generated constant and name tables (roots of the collector).
    pub consts: &'static [Value],
    pub names: &'static [Value],
    /// The generated cache of the function made from this code (see
    /// `program::CodeDesc`), or null.
    pub made: *const Value,
}

impl NativeCode {
    /// Visits the values it holds (for the collector).
    pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
        self.info.trace(visit);
        visit(self.value);
        self.cellvars.iter().for_each(|&v| visit(v));
        self.freevars.iter().for_each(|&v| visit(v));
        if let Some(v) = self.first_constant {
            visit(v);
        }
        self.consts.iter().for_each(|&v| visit(v));
        self.names.iter().for_each(|&v| visit(v));
        if !self.made.is_null() {
            // SAFETY: a static global of the executable.
            visit(unsafe { std::ptr::read_volatile(self.made) });
        }
    }

    /// The positional fast entry, when a call with `nargs` positional
    /// arguments and no keywords may take it (generators never do).
    pub fn fast_entry_for(&self, nargs: usize) -> Option<*const ()> {
        (!self.fast.is_null() && !self.is_generator_like() && self.info.argcount as usize == nargs)
            .then_some(self.fast)
    }

    pub fn is_generator_like(&self) -> bool {
        use crate::types::function::code_flags;
        self.flags & (code_flags::GENERATOR | code_flags::COROUTINE | ASYNC_GENERATOR) != 0
    }

    /// Slots the frame needs: locals, cells and frees, and the spill area.
    pub fn slot_count(&self) -> usize {
        if self.locals_in_frame {
            self.nlocals + self.cellvars.len() + self.freevars.len() + self.max_stack
        } else {
            self.nlocals
        }
    }

    /// The name of cell or free variable `i`.
    pub fn deref_name(&self, i: usize) -> &'static str {
        let v = self
            .cellvars
            .get(i)
            .or_else(|| self.freevars.get(i.checked_sub(self.cellvars.len())?));
        v.and_then(|v| crate::types::string::as_str(*v))
            .unwrap_or("?")
    }
}

/// Builtin types generated code tests objects against inline (its exact
/// type in the header), in the order of the program's type table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KnownType {
    List,
    Tuple,
    Function,
    Str,
}

impl KnownType {
    pub const ALL: [KnownType; 4] = [
        KnownType::List,
        KnownType::Tuple,
        KnownType::Function,
        KnownType::Str,
    ];

    /// The type object.
    pub fn value(self) -> Value {
        let t = crate::types::registry::types();
        match self {
            KnownType::List => t.list.as_value(),
            KnownType::Tuple => t.tuple.as_value(),
            KnownType::Function => t.function.as_value(),
            KnownType::Str => t.str.as_value(),
        }
    }
}

/// `co_flags` bit of `async def` generators.
pub const ASYNC_GENERATOR: u32 = 0x200;

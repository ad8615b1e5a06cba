//! The builtin exception types of CPython 3.11, one line each:
//! `Name: [bases]`, bases before subclasses. Types with their own
//! `__init__`/`__str__`/`__new__` take them from `special::slots_for`.

use std::any::TypeId;

use crate::exceptions::{
    special, ExceptionObject, BASE_GETSETS, BASE_METHODS, EXCEPTION_ATTRS_OFFSET, EXC_FLAGS,
};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::TypeObject;

macro_rules! exception_hierarchy {
    ($($name:ident: [$($base:literal),*],)*) => {
        /// The builtin exception types.
        #[allow(non_snake_case)]
        pub struct ExcTypes {
            $(pub $name: &'static TypeObject,)*
        }

        impl ExcTypes {
            /// Every exception type in declaration order.
            pub fn all(&self) -> Vec<&'static TypeObject> {
                vec![$(self.$name,)*]
            }
        }

        /// The names of the builtin exception types, in declaration order.
        pub const NAMES: &[&str] = &[$(stringify!($name),)*];

        /// The specs of every builtin exception type.
        pub fn specs() -> Vec<TypeSpec> {
            // A table and one call of `spec`, which would otherwise be
            // inlined once per exception type.
            const TABLE: &[(&str, &[&str])] = &[$((stringify!($name), &[$($base),*]),)*];
            TABLE.iter().map(|&(name, bases)| spec(name, bases)).collect()
        }

        /// Builds the registry from the created types (in `specs` order).
        pub fn assemble(created: &[&'static TypeObject]) -> ExcTypes {
            let mut it = created.iter().copied();
            ExcTypes {
                $($name: it.next().unwrap_or_else(|| crate::types::registry::bug("exception registry out of step")),)*
            }
        }
    };
}

exception_hierarchy! {
    BaseException: ["object"],
    BaseExceptionGroup: ["BaseException"],
    GeneratorExit: ["BaseException"],
    KeyboardInterrupt: ["BaseException"],
    SystemExit: ["BaseException"],
    Exception: ["BaseException"],
    ArithmeticError: ["Exception"],
    FloatingPointError: ["ArithmeticError"],
    OverflowError: ["ArithmeticError"],
    ZeroDivisionError: ["ArithmeticError"],
    AssertionError: ["Exception"],
    AttributeError: ["Exception"],
    BufferError: ["Exception"],
    EOFError: ["Exception"],
    ExceptionGroup: ["BaseExceptionGroup", "Exception"],
    ImportError: ["Exception"],
    ModuleNotFoundError: ["ImportError"],
    LookupError: ["Exception"],
    IndexError: ["LookupError"],
    KeyError: ["LookupError"],
    MemoryError: ["Exception"],
    NameError: ["Exception"],
    UnboundLocalError: ["NameError"],
    OSError: ["Exception"],
    BlockingIOError: ["OSError"],
    ChildProcessError: ["OSError"],
    ConnectionError: ["OSError"],
    BrokenPipeError: ["ConnectionError"],
    ConnectionAbortedError: ["ConnectionError"],
    ConnectionRefusedError: ["ConnectionError"],
    ConnectionResetError: ["ConnectionError"],
    FileExistsError: ["OSError"],
    FileNotFoundError: ["OSError"],
    InterruptedError: ["OSError"],
    IsADirectoryError: ["OSError"],
    NotADirectoryError: ["OSError"],
    PermissionError: ["OSError"],
    ProcessLookupError: ["OSError"],
    TimeoutError: ["OSError"],
    ReferenceError: ["Exception"],
    RuntimeError: ["Exception"],
    NotImplementedError: ["RuntimeError"],
    RecursionError: ["RuntimeError"],
    StopAsyncIteration: ["Exception"],
    StopIteration: ["Exception"],
    SyntaxError: ["Exception"],
    IndentationError: ["SyntaxError"],
    TabError: ["IndentationError"],
    SystemError: ["Exception"],
    TypeError: ["Exception"],
    ValueError: ["Exception"],
    UnicodeError: ["ValueError"],
    UnicodeDecodeError: ["UnicodeError"],
    UnicodeEncodeError: ["UnicodeError"],
    UnicodeTranslateError: ["UnicodeError"],
    Warning: ["Exception"],
    BytesWarning: ["Warning"],
    DeprecationWarning: ["Warning"],
    EncodingWarning: ["Warning"],
    FutureWarning: ["Warning"],
    ImportWarning: ["Warning"],
    PendingDeprecationWarning: ["Warning"],
    ResourceWarning: ["Warning"],
    RuntimeWarning: ["Warning"],
    SyntaxWarning: ["Warning"],
    UnicodeWarning: ["Warning"],
    UnsupportedOperation: ["OSError", "ValueError"],
    UserWarning: ["Warning"],
}

/// Aliases the builtins module also exposes.
pub const ALIASES: &[(&str, &str)] = &[("EnvironmentError", "OSError"), ("IOError", "OSError")];

fn spec(name: &'static str, bases: &'static [&'static str]) -> TypeSpec {
    let is_base = name == "BaseException";
    let mut s = TypeSpec {
        bases,
        attrs_offset: EXCEPTION_ATTRS_OFFSET,
        flags: EXC_FLAGS,
        trace: super::trace_exception,
        ..TypeSpec::new(name, TypeId::of::<ExceptionObject>())
    };
    if is_base {
        s.slots.new = Some(super::base_new);
        s.slots.init = Some(super::base_init);
        s.slots.str = Some(super::base_str);
        s.slots.repr = Some(super::base_repr);
        s.getsets = BASE_GETSETS;
        s.methods = BASE_METHODS;
    }
    if name == "UnsupportedOperation" {
        s.module = "io";
    }
    special::apply(name, &mut s);
    s
}

//! Code objects: what the bytecode compiler produces and both executors
//! consume.
//!
//! A [`CodeObject`] is CPython 3.11's `PyCodeObject` in plain data: names,
//! argument counts, [`CodeFlags`], the variable tables, the constants (with
//! nested code objects among them), the instructions, the exception table,
//! the line table and the maximum stack depth. Operands of instructions
//! index its tables through typed indices ([`LocalIdx`], [`DerefIdx`],
//! [`NameIdx`], [`ConstIdx`], [`Label`]); the accessors below resolve them.
//!
//! Reading a code object, an executor needs:
//! - locals: `varnames` (arguments first: `argcount` positional including
//!   `posonlyargcount`, then `kwonlyargcount`, then `*args` if
//!   [`CodeFlags::VARARGS`], then `**kwargs` if [`CodeFlags::VARKEYWORDS`]);
//! - cells and frees: one [`DerefIdx`] space, `cellvars` then `freevars`;
//!   `MAKE_CELL` creates each cell at entry, from the argument named by
//!   [`CodeObject::cell_argument`] if any; `COPY_FREE_VARS` fills the free
//!   variables from the function's closure tuple (in `freevars` order);
//! - [`CodeObject::handler`]: the exception-table entry covering an
//!   instruction, if any: unwind the stack to `depth` items, push the index
//!   of the raising instruction if `push_lasti`, push the exception, and
//!   continue at `handler`;
//! - [`CodeObject::line`]: the source line of an instruction, for
//!   tracebacks (spans give the columns).

use super::constant::Constant;
use super::instruction::{ConstIdx, DerefIdx, Instruction, Label, LocalIdx, NameIdx};
use crate::syntax::span::Span;
use std::ops::BitOr;

/// CPython's `co_flags` bits (same values).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CodeFlags(pub u32);

impl CodeFlags {
    pub const NONE: Self = Self(0);
    /// Locals are fast locals (functions, lambdas, comprehensions).
    pub const OPTIMIZED: Self = Self(0x0001);
    /// A new locals dict is not created from the caller's.
    pub const NEWLOCALS: Self = Self(0x0002);
    /// Has a `*args` parameter.
    pub const VARARGS: Self = Self(0x0004);
    /// Has a `**kwargs` parameter.
    pub const VARKEYWORDS: Self = Self(0x0008);
    /// Defined inside another function.
    pub const NESTED: Self = Self(0x0010);
    pub const GENERATOR: Self = Self(0x0020);
    pub const COROUTINE: Self = Self(0x0080);
    pub const ASYNC_GENERATOR: Self = Self(0x0200);

    pub fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    /// `dis`'s names for the set flags, e.g. `OPTIMIZED, NEWLOCALS`.
    pub fn names(self) -> String {
        let all = [
            (Self::OPTIMIZED, "OPTIMIZED"),
            (Self::NEWLOCALS, "NEWLOCALS"),
            (Self::VARARGS, "VARARGS"),
            (Self::VARKEYWORDS, "VARKEYWORDS"),
            (Self::NESTED, "NESTED"),
            (Self::GENERATOR, "GENERATOR"),
            (Self::COROUTINE, "COROUTINE"),
            (Self::ASYNC_GENERATOR, "ASYNC_GENERATOR"),
        ];
        let names: Vec<&str> = all
            .iter()
            .filter(|(flag, _)| self.contains(*flag))
            .map(|(_, name)| *name)
            .collect();
        if names.is_empty() {
            "0".to_owned()
        } else {
            names.join(", ")
        }
    }
}

impl BitOr for CodeFlags {
    type Output = Self;
    fn bitor(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }
}

/// Where an instruction comes from: the source node's span and its first
/// line (1-based; the module's entry `RESUME` is on line 0, as in CPython).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    pub line: u32,
    pub span: Span,
}

/// One row of the exception table (3.11's `co_exceptiontable`): an
/// exception raised by an instruction in `start..end` is handled at
/// `handler`, after popping the stack down to `depth` items and, if
/// `push_lasti`, pushing the index of the raising instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ExceptionTableEntry {
    pub start: Label,
    /// Exclusive.
    pub end: Label,
    pub handler: Label,
    pub depth: u32,
    pub push_lasti: bool,
}

#[derive(Clone, Debug)]
pub struct CodeObject {
    /// `f`, `C`, `<module>`, `<lambda>`, `<listcomp>`, …
    pub name: String,
    /// `C.f`, `f.<locals>.g`, …
    pub qualname: String,
    pub filename: String,
    /// The line of the `def`/`class` (of its first decorator), lambda or
    /// comprehension; 1 for a module.
    pub first_line: u32,
    /// Positional parameters, including positional-only ones.
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: CodeFlags,
    /// Fast locals: parameters first, then locals in order of first use.
    pub varnames: Vec<String>,
    /// Variables of this code captured by nested code, sorted (the implicit
    /// `__class__` of a class body first).
    pub cellvars: Vec<String>,
    /// Variables of enclosing code this code uses, sorted.
    pub freevars: Vec<String>,
    /// Global, attribute and namespace names.
    pub names: Vec<String>,
    pub constants: Vec<Constant>,
    pub instructions: Vec<Instruction>,
    /// One entry per instruction; `None` for artificial instructions with no
    /// source position.
    pub locations: Vec<Option<Location>>,
    pub exception_table: Vec<ExceptionTableEntry>,
    pub max_stack_depth: u32,
}

impl CodeObject {
    pub fn constant(&self, index: ConstIdx) -> Option<&Constant> {
        self.constants.get(index.index())
    }

    pub fn name(&self, index: NameIdx) -> Option<&str> {
        self.names.get(index.index()).map(String::as_str)
    }

    pub fn local_name(&self, index: LocalIdx) -> Option<&str> {
        self.varnames.get(index.index()).map(String::as_str)
    }

    /// The name of a cell (`cellvars`) or free variable (`freevars`).
    pub fn deref_name(&self, index: DerefIdx) -> Option<&str> {
        let i = index.index();
        self.cellvars
            .get(i)
            .or_else(|| self.freevars.get(i.checked_sub(self.cellvars.len())?))
            .map(String::as_str)
    }

    /// How many cell and free variables the frame holds.
    pub fn deref_count(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }

    /// The argument a cell variable starts from (`def f(x): return lambda:
    /// x` makes `x` a cell that `MAKE_CELL` fills from argument `x`).
    pub fn cell_argument(&self, cell: DerefIdx) -> Option<LocalIdx> {
        let name = self.cellvars.get(cell.index())?;
        let nargs = self.argcount
            + self.kwonlyargcount
            + u32::from(self.flags.contains(CodeFlags::VARARGS))
            + u32::from(self.flags.contains(CodeFlags::VARKEYWORDS));
        self.varnames
            .iter()
            .take(nargs as usize)
            .position(|arg| arg == name)
            .map(|i| LocalIdx(i as u32))
    }

    /// The exception-table entry covering the instruction at `index`.
    pub fn handler(&self, index: usize) -> Option<&ExceptionTableEntry> {
        self.exception_table
            .iter()
            .find(|e| e.start.index() <= index && index < e.end.index())
    }

    /// The source line of the instruction at `index`; for an artificial
    /// instruction, the line of the closest earlier one that has a line.
    pub fn line(&self, index: usize) -> Option<u32> {
        self.locations
            .get(..=index)?
            .iter()
            .rev()
            .find_map(|l| l.map(|l| l.line))
    }

    /// The nested code objects, in constant order.
    pub fn nested(&self) -> impl Iterator<Item = &CodeObject> {
        self.constants
            .iter()
            .filter_map(|c| c.as_code().map(|code| code.as_ref()))
    }
}

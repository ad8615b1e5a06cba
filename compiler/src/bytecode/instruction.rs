//! The instruction set, declared once as data.
//!
//! One macro invocation (`instructions!` below) lists every instruction
//! with its typed operands, its disassembler name, its stack effect (on the
//! fall-through path and, for jumps, on the branch) and its flags. Everything
//! else derives from that table: the [`Instruction`] enum, [`Instruction::name`],
//! [`Instruction::stack_effect`], [`Instruction::flags`], the jump-target
//! accessors, the operand listing the disassembler prints, and the generated
//! documentation on [`Instruction`], which lists every instruction with its
//! stack effect. A `const` assertion pins the encoding at 8 bytes.
//!
//! The set models CPython 3.11's opcodes (see `Lib/opcode.py` and `dis`)
//! with these deliberate differences:
//! - jump targets are instruction indices ([`Label`]), not byte offsets, so
//!   there is no `EXTENDED_ARG` and there are no inline `CACHE` entries;
//! - `PRECALL` is folded into `CALL`; specialised (quickened) forms and the
//!   interactive-only `PRINT_EXPR` do not exist;
//! - operands are typed: `LoadFast { local: LocalIdx }` instead of an oparg,
//!   and instructions whose 3.11 oparg packs two facts have two fields
//!   (`LoadGlobal { name, push_null }`, `UnpackEx { before, after }`,
//!   `FormatValue { conversion, with_spec }`);
//! - cell and free variables are numbered in their own space ([`DerefIdx`]:
//!   the code object's `cellvars` then `freevars`), not in 3.11's combined
//!   "fast locals plus" space; a cell for an argument is created by
//!   `MAKE_CELL` from the argument of the same name
//!   ([`super::code::CodeObject::cell_argument`]);
//! - `RETURN_GENERATOR` pushes one value (what the generator receives when
//!   first resumed, popped by the `POP_TOP` after it), so every code object
//!   starts with an empty stack.
//!
//! The compiler's pseudo-instructions (3.11's `SETUP_FINALLY`, `POP_BLOCK`,
//! direction-free `JUMP`, …) are not instructions: they live in the
//! compiler's own intermediate form and are gone once a code object is
//! assembled.

use std::fmt;

macro_rules! operand_newtype {
    ($(#[doc = $doc:literal])* $name:ident) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);

        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl Operand for $name {
            fn raw(&self) -> u32 {
                self.0
            }
        }
    };
}

operand_newtype! {
    /// An index into the code object's `varnames` (fast locals).
    LocalIdx
}
operand_newtype! {
    /// An index into the code object's cell and free variables: `cellvars`
    /// first, then `freevars`.
    DerefIdx
}
operand_newtype! {
    /// An index into the code object's `names` (globals, attributes,
    /// imported names, names looked up in a namespace).
    NameIdx
}
operand_newtype! {
    /// An index into the code object's `constants`.
    ConstIdx
}
operand_newtype! {
    /// A number of items: elements built or unpacked, call arguments.
    Count
}
operand_newtype! {
    /// A 1-based position on the stack, counted from the top (`COPY 1`
    /// duplicates the top; `LIST_APPEND 2` appends to the item under it).
    StackPos
}

/// A jump target: the index of an instruction in the same code object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u32);

impl Label {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl Operand for Label {
    fn raw(&self) -> u32 {
        self.0
    }

    fn label(&self) -> Option<Label> {
        Some(*self)
    }

    fn label_mut(&mut self) -> Option<&mut Label> {
        Some(self)
    }
}

/// What every operand type offers the generated code: its number as the
/// disassembler prints it, and whether it is a jump target.
pub trait Operand {
    fn raw(&self) -> u32;

    fn label(&self) -> Option<Label> {
        None
    }

    fn label_mut(&mut self) -> Option<&mut Label> {
        None
    }
}

impl Operand for bool {
    fn raw(&self) -> u32 {
        u32::from(*self)
    }
}

impl Operand for u8 {
    fn raw(&self) -> u32 {
        u32::from(*self)
    }
}

impl Operand for u32 {
    fn raw(&self) -> u32 {
        *self
    }
}

/// Declares an operand enum with explicit discriminants (3.11's numbering)
/// and the disassembler's spelling of each value.
macro_rules! operand_enum {
    (
        $(#[doc = $doc:literal])*
        $name:ident { $($(#[doc = $vdoc:literal])* $variant:ident = $value:literal => $text:literal,)* }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum $name {
            $($(#[doc = $vdoc])* $variant = $value,)*
        }

        impl $name {
            /// Every value, in numbering order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// How `dis` shows the value.
            pub fn text(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }

        impl Operand for $name {
            fn raw(&self) -> u32 {
                *self as u32
            }
        }
    };
}

operand_enum! {
    /// `BINARY_OP`'s operator, numbered as 3.11's `NB_*` constants.
    BinaryOperator {
        Add = 0 => "+",
        And = 1 => "&",
        FloorDivide = 2 => "//",
        Lshift = 3 => "<<",
        MatrixMultiply = 4 => "@",
        Multiply = 5 => "*",
        Remainder = 6 => "%",
        Or = 7 => "|",
        Power = 8 => "**",
        Rshift = 9 => ">>",
        Subtract = 10 => "-",
        TrueDivide = 11 => "/",
        Xor = 12 => "^",
        InplaceAdd = 13 => "+=",
        InplaceAnd = 14 => "&=",
        InplaceFloorDivide = 15 => "//=",
        InplaceLshift = 16 => "<<=",
        InplaceMatrixMultiply = 17 => "@=",
        InplaceMultiply = 18 => "*=",
        InplaceRemainder = 19 => "%=",
        InplaceOr = 20 => "|=",
        InplacePower = 21 => "**=",
        InplaceRshift = 22 => ">>=",
        InplaceSubtract = 23 => "-=",
        InplaceTrueDivide = 24 => "/=",
        InplaceXor = 25 => "^=",
    }
}

impl BinaryOperator {
    /// Whether this is an augmented assignment's operator (`+=`), which
    /// tries the in-place method (`__iadd__`) first.
    pub fn is_inplace(self) -> bool {
        self as u8 >= BinaryOperator::InplaceAdd as u8
    }

    /// The runtime's operator, and whether it is the in-place form.
    pub fn runtime_op(self) -> (krait_runtime::ops::BinOp, bool) {
        use krait_runtime::ops::BinOp;
        use BinaryOperator as B;
        let op = match self {
            B::Add | B::InplaceAdd => BinOp::Add,
            B::And | B::InplaceAnd => BinOp::And,
            B::FloorDivide | B::InplaceFloorDivide => BinOp::FloorDiv,
            B::Lshift | B::InplaceLshift => BinOp::LShift,
            B::MatrixMultiply | B::InplaceMatrixMultiply => BinOp::MatMul,
            B::Multiply | B::InplaceMultiply => BinOp::Mul,
            B::Remainder | B::InplaceRemainder => BinOp::Mod,
            B::Or | B::InplaceOr => BinOp::Or,
            B::Power | B::InplacePower => BinOp::Pow,
            B::Rshift | B::InplaceRshift => BinOp::RShift,
            B::Subtract | B::InplaceSubtract => BinOp::Sub,
            B::TrueDivide | B::InplaceTrueDivide => BinOp::TrueDiv,
            B::Xor | B::InplaceXor => BinOp::Xor,
        };
        (op, self.is_inplace())
    }
}

operand_enum! {
    /// `COMPARE_OP`'s operator, numbered as CPython's `Py_LT`…`Py_GE`.
    ComparisonOperator {
        Less = 0 => "<",
        LessEqual = 1 => "<=",
        Equal = 2 => "==",
        NotEqual = 3 => "!=",
        Greater = 4 => ">",
        GreaterEqual = 5 => ">=",
    }
}

operand_enum! {
    /// What `RAISE_VARARGS` raises.
    RaiseKind {
        /// Bare `raise`: re-raise the exception being handled.
        Reraise = 0 => "",
        /// `raise exc`.
        Raise = 1 => "",
        /// `raise exc from cause`.
        RaiseFrom = 2 => "",
    }
}

operand_enum! {
    /// Where a `RESUME` sits: entry, or after a yield, a `yield from`, an
    /// `await` (the interpreter's tracing distinguishes them).
    ResumeKind {
        Start = 0 => "",
        AfterYield = 1 => "",
        AfterYieldFrom = 2 => "",
        AfterAwait = 3 => "",
    }
}

operand_enum! {
    /// What a `GET_AWAITABLE` awaits, for the error message when the value
    /// is not awaitable.
    AwaitContext {
        /// An `await` expression (or an async comprehension's result).
        Await = 0 => "",
        /// The result of `__aenter__` in `async with`.
        AsyncEnter = 1 => "",
        /// The result of `__aexit__` in `async with`.
        AsyncExit = 2 => "",
    }
}

operand_enum! {
    /// Where `RERAISE` finds the index of the instruction to report as the
    /// raising one (for the traceback's line): nowhere (the frame's last
    /// instruction stays), or that many items under the exception.
    ReraiseLasti {
        Keep = 0 => "",
        Under1 = 1 => "",
        Under2 = 2 => "",
    }
}

operand_enum! {
    /// `FORMAT_VALUE`'s conversion (`!s`, `!r`, `!a`).
    Conversion {
        None = 0 => "",
        Str = 1 => "str",
        Repr = 2 => "repr",
        Ascii = 3 => "ascii",
    }
}

/// `MAKE_FUNCTION`'s flags: which extra values sit on the stack under the
/// code object, in this order from the bottom: defaults tuple, keyword-only
/// defaults dict, annotations tuple, closure tuple.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct MakeFunctionFlags(pub u8);

impl MakeFunctionFlags {
    pub const DEFAULTS: Self = Self(0x01);
    pub const KW_DEFAULTS: Self = Self(0x02);
    pub const ANNOTATIONS: Self = Self(0x04);
    pub const CLOSURE: Self = Self(0x08);

    pub fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    pub fn insert(&mut self, other: Self) {
        self.0 |= other.0;
    }

    /// How many values besides the code object the instruction pops.
    pub fn count(self) -> i32 {
        (self.0 & 0x0f).count_ones() as i32
    }

    /// `dis`'s spelling: `defaults, kwdefaults, annotations, closure`.
    pub fn text(self) -> String {
        let names = [
            (Self::DEFAULTS, "defaults"),
            (Self::KW_DEFAULTS, "kwdefaults"),
            (Self::ANNOTATIONS, "annotations"),
            (Self::CLOSURE, "closure"),
        ];
        names
            .iter()
            .filter(|(flag, _)| self.contains(*flag))
            .map(|(_, name)| *name)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Operand for MakeFunctionFlags {
    fn raw(&self) -> u32 {
        u32::from(self.0)
    }
}

/// An instruction's effect on the depth of the operand stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StackEffect {
    /// When execution continues with the next instruction.
    pub fallthrough: i32,
    /// When a jump instruction jumps; `None` for other instructions.
    pub branch: Option<i32>,
}

/// Properties of an instruction, as a small bit set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InstrFlags(u8);

impl InstrFlags {
    pub const NONE: Self = Self(0);
    /// Has a [`Label`] operand it may transfer control to.
    pub const JUMP: Self = Self(1);
    /// Never continues with the next instruction (returns, raises or
    /// jumps unconditionally).
    pub const TERMINATOR: Self = Self(1 << 1);
    /// Cannot raise an exception: an executor needs no error check after it.
    pub const NO_RAISE: Self = Self(1 << 2);

    pub fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for InstrFlags {
    type Output = Self;
    fn bitor(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }
}

/// `+1` for a `bool` operand that adds a value.
fn one_if(flag: bool) -> i32 {
    i32::from(flag)
}

fn items(n: Count) -> i32 {
    n.0 as i32
}

macro_rules! instructions {
    (
        $(
            $(#[doc = $doc:literal])*
            $variant:ident $({ $($field:ident : $ty:ty),+ $(,)? })? = $name:literal,
            effect $effect:expr
            $(, branch $branch:expr)?
            $(, flags $($flag:ident)|+)?
            ;
        )*
    ) => {
        /// One instruction of a code object. Each variant's documentation
        /// gives its disassembler name and stack effect; the full table:
        ///
        /// | instruction | stack effect (fall-through) | on branch | flags |
        /// |---|---|---|---|
        $(
            #[doc = concat!(
                "| `", $name, "` | `", stringify!($effect), "` | ",
                $("`", stringify!($branch), "`",)?
                " | ", $($(stringify!($flag), " ",)+)? "|"
            )]
        )*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Instruction {
            $(
                $(#[doc = $doc])*
                #[doc = ""]
                #[doc = concat!(
                    "`", $name, "`: stack effect `", stringify!($effect), "`",
                    $(", on branch `", stringify!($branch), "`",)?
                    "."
                )]
                $variant $({ $($field: $ty),+ })?,
            )*
        }

        impl Instruction {
            /// The disassembler's name, as in `dis` (`LOAD_FAST`).
            pub fn name(&self) -> &'static str {
                match self {
                    $(Instruction::$variant { .. } => $name,)*
                }
            }

            /// Every instruction name, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($name),*];

            /// The change in stack depth this instruction makes.
            #[allow(unused_variables)]
            pub fn stack_effect(&self) -> StackEffect {
                match *self {
                    $(
                        Instruction::$variant $({ $($field),+ })? => StackEffect {
                            fallthrough: $effect,
                            branch: instructions!(@branch $($branch)?),
                        },
                    )*
                }
            }

            /// The instruction's properties.
            pub fn flags(&self) -> InstrFlags {
                match self {
                    $(
                        Instruction::$variant { .. } =>
                            InstrFlags::NONE $($(| InstrFlags::$flag)+)?,
                    )*
                }
            }

            /// The jump target, for jump instructions.
            #[allow(unused_variables)]
            pub fn target(&self) -> Option<Label> {
                match self {
                    $(
                        Instruction::$variant $({ $($field),+ })? =>
                            None $($(.or(Operand::label($field)))+)?,
                    )*
                }
            }

            /// The jump target, to rewrite it.
            #[allow(unused_variables)]
            pub fn target_mut(&mut self) -> Option<&mut Label> {
                match self {
                    $(
                        Instruction::$variant $({ $($field),+ })? => {
                            let label = None;
                            $($(let label = label.or(Operand::label_mut($field));)+)?
                            label
                        }
                    )*
                }
            }

            /// The operands' numbers, in declaration order (empty for
            /// instructions without operands).
            #[allow(unused_variables)]
            pub fn raw_operands(&self) -> Vec<u32> {
                match self {
                    $(
                        Instruction::$variant $({ $($field),+ })? =>
                            vec![$($(Operand::raw($field)),+)?],
                    )*
                }
            }
        }
    };
    (@branch) => { None };
    (@branch $branch:expr) => { Some($branch) };
}

instructions! {
    // ---- stack manipulation ----
    /// Does nothing; kept where it carries a line number.
    Nop = "NOP", effect 0, flags NO_RAISE;
    /// Pops the top of the stack.
    PopTop = "POP_TOP", effect -1, flags NO_RAISE;
    /// Pushes NULL: the "no self" marker under a called function.
    PushNull = "PUSH_NULL", effect 1, flags NO_RAISE;
    /// Pushes a copy of the item at `pos` (1 is the top).
    Copy { pos: StackPos } = "COPY", effect 1, flags NO_RAISE;
    /// Swaps the top with the item at `pos`.
    Swap { pos: StackPos } = "SWAP", effect 0, flags NO_RAISE;
    /// Marks the start of the code and each point where a generator or
    /// coroutine resumes.
    Resume { kind: ResumeKind } = "RESUME", effect 0, flags NO_RAISE;

    // ---- operators ----
    UnaryPositive = "UNARY_POSITIVE", effect 0;
    UnaryNegative = "UNARY_NEGATIVE", effect 0;
    UnaryNot = "UNARY_NOT", effect 0;
    UnaryInvert = "UNARY_INVERT", effect 0;
    /// `a op b` (or `a op= b`): pops b and a, pushes the result.
    BinaryOp { op: BinaryOperator } = "BINARY_OP", effect -1;
    /// `container[key]`: pops key and container.
    BinarySubscr = "BINARY_SUBSCR", effect -1;
    /// `container[key] = value`: pops key, container, value (top first).
    StoreSubscr = "STORE_SUBSCR", effect -3;
    /// `del container[key]`.
    DeleteSubscr = "DELETE_SUBSCR", effect -2;
    CompareOp { op: ComparisonOperator } = "COMPARE_OP", effect -1;
    /// `is` / `is not`.
    IsOp { negate: bool } = "IS_OP", effect -1, flags NO_RAISE;
    /// `in` / `not in`.
    ContainsOp { negate: bool } = "CONTAINS_OP", effect -1;

    // ---- building and unpacking ----
    BuildTuple { count: Count } = "BUILD_TUPLE", effect 1 - items(count);
    BuildList { count: Count } = "BUILD_LIST", effect 1 - items(count);
    BuildSet { count: Count } = "BUILD_SET", effect 1 - items(count);
    /// Pops `count` key/value pairs (key below value).
    BuildMap { count: Count } = "BUILD_MAP", effect 1 - 2 * items(count);
    /// Pops a tuple of keys (top) and `count` values.
    BuildConstKeyMap { count: Count } = "BUILD_CONST_KEY_MAP", effect -items(count);
    /// Concatenates `count` strings.
    BuildString { count: Count } = "BUILD_STRING", effect 1 - items(count);
    /// `slice(start, stop[, step])`.
    BuildSlice { with_step: bool } = "BUILD_SLICE", effect -1 - one_if(with_step);
    /// Pops a value and appends it to the list at `pos` (after the pop).
    ListAppend { pos: StackPos } = "LIST_APPEND", effect -1;
    SetAdd { pos: StackPos } = "SET_ADD", effect -1;
    /// Pops a value and a key and stores them in the dict at `pos`.
    MapAdd { pos: StackPos } = "MAP_ADD", effect -2;
    /// Pops an iterable and extends the list at `pos` with it.
    ListExtend { pos: StackPos } = "LIST_EXTEND", effect -1;
    SetUpdate { pos: StackPos } = "SET_UPDATE", effect -1;
    DictUpdate { pos: StackPos } = "DICT_UPDATE", effect -1;
    /// As `DICT_UPDATE`, but duplicate keys raise (`f(**a, **b)`).
    DictMerge { pos: StackPos } = "DICT_MERGE", effect -1;
    ListToTuple = "LIST_TO_TUPLE", effect 0;
    /// Pops an iterable of exactly `count` items and pushes them, the
    /// first on top.
    UnpackSequence { count: Count } = "UNPACK_SEQUENCE", effect items(count) - 1;
    /// `a, *b, c = x`: `before` items, a list of the rest, `after` items.
    UnpackEx { before: u8, after: u32 } = "UNPACK_EX", effect i32::from(before) + after as i32;

    // ---- constants and names ----
    LoadConst { index: ConstIdx } = "LOAD_CONST", effect 1, flags NO_RAISE;
    /// Raises `UnboundLocalError` if the local is unbound.
    LoadFast { local: LocalIdx } = "LOAD_FAST", effect 1;
    StoreFast { local: LocalIdx } = "STORE_FAST", effect -1, flags NO_RAISE;
    DeleteFast { local: LocalIdx } = "DELETE_FAST", effect 0;
    /// Creates the cell of a cell variable (from the argument of the same
    /// name, if there is one). Only at the start of a code object.
    MakeCell { cell: DerefIdx } = "MAKE_CELL", effect 0, flags NO_RAISE;
    /// Copies the closure's `count` cells into the frame's free variables.
    /// Only at the start of a code object.
    CopyFreeVars { count: Count } = "COPY_FREE_VARS", effect 0, flags NO_RAISE;
    /// Pushes the cell itself, to build a closure.
    LoadClosure { cell: DerefIdx } = "LOAD_CLOSURE", effect 1, flags NO_RAISE;
    /// Pushes the cell's contents.
    LoadDeref { cell: DerefIdx } = "LOAD_DEREF", effect 1;
    StoreDeref { cell: DerefIdx } = "STORE_DEREF", effect -1, flags NO_RAISE;
    DeleteDeref { cell: DerefIdx } = "DELETE_DEREF", effect 0;
    /// In a class body: the class namespace first, then the cell.
    LoadClassderef { cell: DerefIdx } = "LOAD_CLASSDEREF", effect 1;
    /// Globals, then builtins; pushes NULL first if `push_null`.
    LoadGlobal { name: NameIdx, push_null: bool } = "LOAD_GLOBAL", effect 1 + one_if(push_null);
    StoreGlobal { name: NameIdx } = "STORE_GLOBAL", effect -1;
    DeleteGlobal { name: NameIdx } = "DELETE_GLOBAL", effect 0;
    /// Locals namespace, globals, builtins.
    LoadName { name: NameIdx } = "LOAD_NAME", effect 1;
    StoreName { name: NameIdx } = "STORE_NAME", effect -1;
    DeleteName { name: NameIdx } = "DELETE_NAME", effect 0;
    LoadAttr { name: NameIdx } = "LOAD_ATTR", effect 0;
    /// `obj.name = value`: pops obj, then value.
    StoreAttr { name: NameIdx } = "STORE_ATTR", effect -2;
    DeleteAttr { name: NameIdx } = "DELETE_ATTR", effect -1;
    /// Pops obj; pushes the unbound method and obj, or NULL and the
    /// attribute's value.
    LoadMethod { name: NameIdx } = "LOAD_METHOD", effect 1;

    // ---- calls and functions ----
    /// Calls with `argc` arguments: the stack holds NULL-or-callable,
    /// callable-or-self, then the arguments. The last `len(names)`
    /// arguments are keywords if a `KW_NAMES` precedes it.
    Call { argc: Count } = "CALL", effect -items(argc) - 1;
    /// Names the keyword arguments of the next `CALL` (a tuple constant).
    KwNames { names: ConstIdx } = "KW_NAMES", effect 0, flags NO_RAISE;
    /// Calls with a tuple of positional arguments and, if `has_kwargs`, a
    /// dict of keywords on top; a NULL sits under the callable.
    CallFunctionEx { has_kwargs: bool } = "CALL_FUNCTION_EX", effect -2 - one_if(has_kwargs);
    /// Pops the code object and the extras its flags name; pushes a
    /// function.
    MakeFunction { flags: MakeFunctionFlags } = "MAKE_FUNCTION", effect -flags.count();
    LoadBuildClass = "LOAD_BUILD_CLASS", effect 1;
    ReturnValue = "RETURN_VALUE", effect -1, flags TERMINATOR | NO_RAISE;

    // ---- f-strings ----
    /// Formats the value (with the format spec on top if `with_spec`).
    FormatValue { conversion: Conversion, with_spec: bool } = "FORMAT_VALUE", effect -one_if(with_spec);

    // ---- iteration, generators, coroutines ----
    GetIter = "GET_ITER", effect 0;
    /// Pushes the iterator's next item, or pops the iterator and jumps
    /// when it is exhausted.
    ForIter { target: Label } = "FOR_ITER", effect 1, branch -1, flags JUMP;
    GetYieldFromIter = "GET_YIELD_FROM_ITER", effect 0;
    GetAiter = "GET_AITER", effect 0;
    /// Pushes the awaitable of the async iterator's `__anext__`.
    GetAnext = "GET_ANEXT", effect 1;
    /// Ends an `async for` when `StopAsyncIteration` was raised: pops the
    /// exception and the iterator (re-raises anything else).
    EndAsyncFor = "END_ASYNC_FOR", effect -2;
    GetAwaitable { context: AwaitContext } = "GET_AWAITABLE", effect 0;
    /// Sends the top into the receiver under it; pushes what it yields, or
    /// on return pops both, pushes the result and jumps.
    Send { target: Label } = "SEND", effect 0, branch -1, flags JUMP;
    /// Yields the top; on resumption the sent value replaces it.
    YieldValue = "YIELD_VALUE", effect 0, flags NO_RAISE;
    /// Wraps a value yielded by an async generator.
    AsyncGenWrap = "ASYNC_GEN_WRAP", effect 0;
    /// Creates the generator (or coroutine) and returns it; when first
    /// resumed, the frame continues with the sent value (None) pushed.
    ReturnGenerator = "RETURN_GENERATOR", effect 1, flags NO_RAISE;

    // ---- jumps ----
    JumpForward { target: Label } = "JUMP_FORWARD", effect 0, branch 0, flags JUMP | TERMINATOR | NO_RAISE;
    JumpBackward { target: Label } = "JUMP_BACKWARD", effect 0, branch 0, flags JUMP | TERMINATOR | NO_RAISE;
    /// A backward jump that is not a loop (the `SEND` loop of `yield from`).
    JumpBackwardNoInterrupt { target: Label } = "JUMP_BACKWARD_NO_INTERRUPT", effect 0, branch 0, flags JUMP | TERMINATOR | NO_RAISE;
    PopJumpForwardIfFalse { target: Label } = "POP_JUMP_FORWARD_IF_FALSE", effect -1, branch -1, flags JUMP;
    PopJumpForwardIfTrue { target: Label } = "POP_JUMP_FORWARD_IF_TRUE", effect -1, branch -1, flags JUMP;
    PopJumpForwardIfNone { target: Label } = "POP_JUMP_FORWARD_IF_NONE", effect -1, branch -1, flags JUMP | NO_RAISE;
    PopJumpForwardIfNotNone { target: Label } = "POP_JUMP_FORWARD_IF_NOT_NONE", effect -1, branch -1, flags JUMP | NO_RAISE;
    PopJumpBackwardIfFalse { target: Label } = "POP_JUMP_BACKWARD_IF_FALSE", effect -1, branch -1, flags JUMP;
    PopJumpBackwardIfTrue { target: Label } = "POP_JUMP_BACKWARD_IF_TRUE", effect -1, branch -1, flags JUMP;
    PopJumpBackwardIfNone { target: Label } = "POP_JUMP_BACKWARD_IF_NONE", effect -1, branch -1, flags JUMP | NO_RAISE;
    PopJumpBackwardIfNotNone { target: Label } = "POP_JUMP_BACKWARD_IF_NOT_NONE", effect -1, branch -1, flags JUMP | NO_RAISE;
    /// Jumps keeping the top if it is false, else pops it.
    JumpIfFalseOrPop { target: Label } = "JUMP_IF_FALSE_OR_POP", effect -1, branch 0, flags JUMP;
    JumpIfTrueOrPop { target: Label } = "JUMP_IF_TRUE_OR_POP", effect -1, branch 0, flags JUMP;

    // ---- exceptions ----
    RaiseVarargs { kind: RaiseKind } = "RAISE_VARARGS", effect -(kind as i32), flags TERMINATOR;
    /// Re-raises the exception on top, first restoring the frame's last
    /// instruction from the stack as `lasti` says.
    Reraise { lasti: ReraiseLasti } = "RERAISE", effect -1, flags TERMINATOR;
    /// In a handler: pushes the previously handled exception under the new
    /// one and makes the new one the handled exception.
    PushExcInfo = "PUSH_EXC_INFO", effect 1, flags NO_RAISE;
    /// Pops the saved exception and makes it the handled one again.
    PopExcept = "POP_EXCEPT", effect -1, flags NO_RAISE;
    /// Pops the type; pushes whether the exception under it matches.
    CheckExcMatch = "CHECK_EXC_MATCH", effect 0;
    /// `except*`: pops the type and the group; pushes the rest and the
    /// matching subgroup (or the group and None).
    CheckEgMatch = "CHECK_EG_MATCH", effect 0;
    /// Combines the original group and the list of raised/re-raised ones
    /// into the exception to re-raise (or None).
    PrepReraiseStar = "PREP_RERAISE_STAR", effect -1;
    LoadAssertionError = "LOAD_ASSERTION_ERROR", effect 1, flags NO_RAISE;
    /// Pops a context manager; pushes its bound `__exit__` and the result
    /// of `__enter__()`.
    BeforeWith = "BEFORE_WITH", effect 1;
    /// Calls `__exit__` (four below the top) with the exception on top;
    /// pushes the result.
    WithExceptStart = "WITH_EXCEPT_START", effect 1;
    /// As `BEFORE_WITH` with `__aexit__` and the awaitable of
    /// `__aenter__()`.
    BeforeAsyncWith = "BEFORE_ASYNC_WITH", effect 1;

    // ---- imports and annotations ----
    /// Pops the `fromlist` and the level; pushes the module.
    ImportName { name: NameIdx } = "IMPORT_NAME", effect -1;
    /// Pushes the attribute (or submodule) of the module on top.
    ImportFrom { name: NameIdx } = "IMPORT_FROM", effect 1;
    /// `from m import *` into the module namespace; pops the module.
    ImportStar = "IMPORT_STAR", effect -1;
    /// Creates `__annotations__` in the namespace if missing.
    SetupAnnotations = "SETUP_ANNOTATIONS", effect 0;

    // ---- pattern matching ----
    /// Pops the tuple of keyword names, the class and the subject; pushes a
    /// tuple of `count` positional then the keyword attributes, or None.
    MatchClass { count: Count } = "MATCH_CLASS", effect -2;
    /// Pushes whether the subject on top is a mapping.
    MatchMapping = "MATCH_MAPPING", effect 1, flags NO_RAISE;
    /// Pushes whether the subject on top is a sequence.
    MatchSequence = "MATCH_SEQUENCE", effect 1, flags NO_RAISE;
    /// Pushes a tuple of the subject's values for the tuple of keys on top,
    /// or None.
    MatchKeys = "MATCH_KEYS", effect 1;
    /// Pushes `len()` of the top.
    GetLen = "GET_LEN", effect 1;
}

// Two words at most: a one-byte tag and 4-byte operands.
const _: () = assert!(std::mem::size_of::<Instruction>() == 8);

impl Instruction {
    /// Whether execution can continue with the next instruction.
    pub fn falls_through(&self) -> bool {
        !self.flags().contains(InstrFlags::TERMINATOR)
    }

    /// Whether this is an unconditional jump.
    pub fn is_unconditional_jump(&self) -> bool {
        matches!(
            self,
            Instruction::JumpForward { .. }
                | Instruction::JumpBackward { .. }
                | Instruction::JumpBackwardNoInterrupt { .. }
        )
    }
}

impl fmt::Display for Instruction {
    /// The name and raw operands, e.g. `LOAD_FAST 0`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())?;
        let operands = self.raw_operands();
        if !operands.is_empty() {
            let text: Vec<String> = operands.iter().map(u32::to_string).collect();
            write!(f, " {}", text.join(", "))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_uppercase() {
        let mut names = Instruction::NAMES.to_vec();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "duplicate instruction names");
        for name in names {
            assert!(
                name.chars().all(|c| c.is_ascii_uppercase() || c == '_'),
                "{name}"
            );
        }
    }

    #[test]
    fn stack_effects_follow_the_operands() {
        let build = Instruction::BuildMap { count: Count(3) };
        assert_eq!(build.stack_effect().fallthrough, -5);
        let call = Instruction::Call { argc: Count(2) };
        assert_eq!(call.stack_effect().fallthrough, -3);
        let flags = MakeFunctionFlags(0x0b);
        let make = Instruction::MakeFunction { flags };
        assert_eq!(make.stack_effect().fallthrough, -3);
        let unpack = Instruction::UnpackEx {
            before: 1,
            after: 2,
        };
        assert_eq!(unpack.stack_effect().fallthrough, 3);
        let for_iter = Instruction::ForIter { target: Label(7) };
        assert_eq!(
            for_iter.stack_effect(),
            StackEffect {
                fallthrough: 1,
                branch: Some(-1)
            }
        );
    }

    #[test]
    fn jumps_expose_their_targets() {
        let mut jump = Instruction::PopJumpForwardIfFalse { target: Label(3) };
        assert_eq!(jump.target(), Some(Label(3)));
        if let Some(target) = jump.target_mut() {
            *target = Label(9);
        }
        assert_eq!(jump.target(), Some(Label(9)));
        assert!(jump.flags().contains(InstrFlags::JUMP));
        assert!(jump.falls_through());
        let back = Instruction::JumpBackward { target: Label(0) };
        assert!(!back.falls_through());
        assert_eq!(Instruction::LoadFast { local: LocalIdx(0) }.target(), None);
    }

    #[test]
    fn operand_numbering_is_cpythons() {
        assert_eq!(BinaryOperator::InplaceXor as u8, 25);
        assert!(BinaryOperator::InplaceAdd.is_inplace());
        assert!(!BinaryOperator::Xor.is_inplace());
        assert_eq!(ComparisonOperator::GreaterEqual as u8, 5);
        assert_eq!(
            (MakeFunctionFlags::DEFAULTS.0 | MakeFunctionFlags::CLOSURE.0),
            9
        );
        assert_eq!(MakeFunctionFlags(3).text(), "defaults, kwdefaults");
    }
}

//! The compiler's intermediate form: a control-flow graph of basic blocks
//! (CPython 3.11's `basicblock` and `struct instr`).
//!
//! Code generation appends [`Instr`]s to the current block. Besides real
//! instructions, an instruction can be one of 3.11's pseudo-instructions:
//! direction-free jumps ([`JumpKind`]; whether a jump goes forward or
//! backward is only known once blocks are laid out), the `SETUP_*`
//! instructions that open an exception handler ([`SetupKind`]) and
//! `POP_BLOCK` that closes it. The assembler (`assemble.rs`) turns handlers
//! into the exception table and jumps into real instructions with
//! instruction-index targets.

use crate::bytecode::code::Location;
use crate::bytecode::instruction::{Instruction, Label};

/// A basic block, by allocation order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct BlockId(pub u32);

impl BlockId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A jump before layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum JumpKind {
    /// `JUMP`: becomes `JUMP_FORWARD` or `JUMP_BACKWARD`.
    Jump,
    /// `JUMP_NO_INTERRUPT`: `JUMP_FORWARD` or `JUMP_BACKWARD_NO_INTERRUPT`.
    JumpNoInterrupt,
    PopJumpIfFalse,
    PopJumpIfTrue,
    PopJumpIfNone,
    PopJumpIfNotNone,
    JumpIfFalseOrPop,
    JumpIfTrueOrPop,
    ForIter,
    Send,
}

impl JumpKind {
    /// Whether the jump is unconditional.
    pub fn is_unconditional(self) -> bool {
        matches!(self, JumpKind::Jump | JumpKind::JumpNoInterrupt)
    }

    /// The real instruction, once the direction is known.
    pub fn instruction(self, forward: bool, target: Label) -> Instruction {
        use Instruction as I;
        match (self, forward) {
            (JumpKind::Jump | JumpKind::JumpNoInterrupt, true) => I::JumpForward { target },
            (JumpKind::Jump, false) => I::JumpBackward { target },
            (JumpKind::JumpNoInterrupt, false) => I::JumpBackwardNoInterrupt { target },
            (JumpKind::PopJumpIfFalse, true) => I::PopJumpForwardIfFalse { target },
            (JumpKind::PopJumpIfFalse, false) => I::PopJumpBackwardIfFalse { target },
            (JumpKind::PopJumpIfTrue, true) => I::PopJumpForwardIfTrue { target },
            (JumpKind::PopJumpIfTrue, false) => I::PopJumpBackwardIfTrue { target },
            (JumpKind::PopJumpIfNone, true) => I::PopJumpForwardIfNone { target },
            (JumpKind::PopJumpIfNone, false) => I::PopJumpBackwardIfNone { target },
            (JumpKind::PopJumpIfNotNone, true) => I::PopJumpForwardIfNotNone { target },
            (JumpKind::PopJumpIfNotNone, false) => I::PopJumpBackwardIfNotNone { target },
            (JumpKind::JumpIfFalseOrPop, _) => I::JumpIfFalseOrPop { target },
            (JumpKind::JumpIfTrueOrPop, _) => I::JumpIfTrueOrPop { target },
            (JumpKind::ForIter, _) => I::ForIter { target },
            (JumpKind::Send, _) => I::Send { target },
        }
    }

    /// Stack effects (fall-through, branch), taken from the instruction
    /// table.
    pub fn effects(self) -> (i32, i32) {
        let effect = self.instruction(true, Label(0)).stack_effect();
        (
            effect.fallthrough,
            effect.branch.unwrap_or(effect.fallthrough),
        )
    }
}

/// A pseudo-instruction opening an exception handler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SetupKind {
    /// `SETUP_FINALLY`: the handler receives the exception.
    Finally,
    /// `SETUP_CLEANUP`: the handler receives the last instruction's index
    /// and the exception.
    Cleanup,
    /// `SETUP_WITH`: as `SETUP_CLEANUP`, with the stack cut below the
    /// result of `__enter__`.
    With,
}

impl SetupKind {
    /// The stack effect when an exception reaches the handler.
    pub fn handler_effect(self) -> i32 {
        match self {
            SetupKind::Finally | SetupKind::With => 1,
            SetupKind::Cleanup => 2,
        }
    }

    /// Whether the handler gets the raising instruction's index pushed.
    pub fn pushes_lasti(self) -> bool {
        matches!(self, SetupKind::Cleanup | SetupKind::With)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    /// A real instruction (never one with a [`Label`]: jumps are `Jump`).
    Real(Instruction),
    Jump(JumpKind, BlockId),
    Setup(SetupKind, BlockId),
    PopBlock,
}

impl Op {
    pub fn is_jump(&self) -> bool {
        matches!(self, Op::Jump(..))
    }

    /// The block a jump or setup transfers control to.
    pub fn target(&self) -> Option<BlockId> {
        match self {
            Op::Jump(_, target) | Op::Setup(_, target) => Some(*target),
            _ => None,
        }
    }

    pub fn set_target(&mut self, block: BlockId) {
        if let Op::Jump(_, target) | Op::Setup(_, target) = self {
            *target = block;
        }
    }

    /// Ends its basic block (CPython's `is_end_of_basic_block`).
    pub fn ends_block(&self) -> bool {
        self.is_jump() || self.is_exit()
    }

    /// Returns or raises: `RETURN_VALUE`, `RAISE_VARARGS`, `RERAISE`.
    pub fn is_exit(&self) -> bool {
        matches!(
            self,
            Op::Real(
                Instruction::ReturnValue
                    | Instruction::RaiseVarargs { .. }
                    | Instruction::Reraise { .. }
            )
        )
    }

    /// Nothing after it in its block runs.
    pub fn is_terminator(&self) -> bool {
        self.is_exit() || matches!(self, Op::Jump(kind, _) if kind.is_unconditional())
    }

    pub fn is_nop(&self) -> bool {
        matches!(self, Op::Real(Instruction::Nop))
    }

    /// Stack effect on the fall-through path, and when jumping (to a jump
    /// target or, for a setup, to the handler).
    pub fn effects(&self) -> (i32, i32) {
        match self {
            Op::Real(instr) => {
                let effect = instr.stack_effect();
                (
                    effect.fallthrough,
                    effect.branch.unwrap_or(effect.fallthrough),
                )
            }
            Op::Jump(kind, _) => kind.effects(),
            Op::Setup(kind, _) => (0, kind.handler_effect()),
            Op::PopBlock => (0, 0),
        }
    }
}

/// One instruction of the graph.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Instr {
    pub op: Op,
    /// `None`: an artificial instruction (CPython's line -1).
    pub loc: Option<Location>,
    /// The handler covering the instruction, set by the assembler.
    pub except: Option<BlockId>,
}

impl Instr {
    pub fn new(op: Op, loc: Option<Location>) -> Self {
        Instr {
            op,
            loc,
            except: None,
        }
    }

    /// The line, CPython's `i_lineno` (`None` for -1).
    pub fn line(&self) -> Option<u32> {
        self.loc.map(|l| l.line)
    }
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Block {
    pub instrs: Vec<Instr>,
    /// The block laid out after this one (`b_next`).
    pub next: Option<BlockId>,
    /// Ends with a return or raise (`b_exit`).
    pub exit: bool,
    /// Cannot fall through to `next` (`b_nofallthrough`).
    pub no_fallthrough: bool,
    /// A `RETURN_VALUE` was added to it (`b_return`).
    pub has_return: bool,
    /// An exception handler that receives the last instruction's index.
    pub preserve_lasti: bool,
    pub predecessors: u32,
    /// Stack depth on entry, once computed.
    pub start_depth: Option<i32>,
    pub visited: bool,
    /// The index of its first instruction in the assembled code.
    pub offset: u32,
}

impl Block {
    pub fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }

    pub fn last_mut(&mut self) -> Option<&mut Instr> {
        self.instrs.last_mut()
    }
}

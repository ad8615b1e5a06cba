//! The bytecode verifier: checks a finished code object (and the code
//! objects nested in it) before any executor sees it.
//!
//! It checks that every operand indexes its table, every jump and handler
//! targets an instruction, and computes the stack depth before each
//! instruction by abstract interpretation over the stack effects of the
//! instruction table: along the fall-through path, the branch of each jump,
//! and into each exception handler (which starts at its table entry's depth
//! plus the exception and, if it asks for it, the raising instruction's
//! index). Two paths that reach an instruction with different depths, an
//! instruction that pops an empty stack, or code that can fall off its end
//! are internal errors, as is a recorded maximum depth below the computed
//! one. Instructions no path reaches are not checked for depth.

use super::code::CodeObject;
use super::constant::Constant;
use super::error::{InternalError, InternalErrorKind, Stage};
use super::instruction::Instruction;

/// Verifies `code` and every code object nested in it.
pub fn verify(code: &CodeObject) -> Result<(), InternalError> {
    verify_one(code)?;
    code.nested().try_for_each(verify)
}

/// Verifies one code object and returns the maximum stack depth it needs.
pub fn verify_one(code: &CodeObject) -> Result<u32, InternalError> {
    let error = |kind| InternalError::new(Stage::Verifier, &code.qualname, kind);
    let n = code.instructions.len();
    if n == 0 {
        return Err(error(InternalErrorKind::Empty));
    }
    if code.locations.len() != n {
        return Err(error(InternalErrorKind::LineTableLength));
    }
    for (index, instr) in code.instructions.iter().enumerate() {
        if !operands_in_range(code, instr) {
            return Err(error(InternalErrorKind::OperandOutOfRange { index }));
        }
        if let Some(target) = instr.target() {
            if target.index() >= n {
                return Err(error(InternalErrorKind::BadTarget {
                    index,
                    target: target.index(),
                }));
            }
        }
    }
    for (entry_index, entry) in code.exception_table.iter().enumerate() {
        if entry.start >= entry.end || entry.end.index() > n || entry.handler.index() >= n {
            return Err(error(InternalErrorKind::BadExceptionEntry {
                entry: entry_index,
            }));
        }
    }
    let (_, max) = stack_depths(code).map_err(error)?;
    if max > code.max_stack_depth {
        return Err(error(InternalErrorKind::WrongMaxDepth {
            recorded: code.max_stack_depth,
            computed: max,
        }));
    }
    Ok(max)
}

/// The stack depth before each instruction of a verified code object
/// (None for instructions no path reaches).
pub fn depths(code: &CodeObject) -> Result<Vec<Option<u32>>, InternalError> {
    let (depths, _) = stack_depths(code)
        .map_err(|kind| InternalError::new(Stage::Verifier, &code.qualname, kind))?;
    Ok(depths
        .into_iter()
        .map(|d| d.and_then(|d| u32::try_from(d).ok()))
        .collect())
}

/// The stack depth before each reachable instruction, by abstract
/// interpretation, and the maximum depth.
#[allow(clippy::type_complexity)]
fn stack_depths(code: &CodeObject) -> Result<(Vec<Option<i64>>, u32), InternalErrorKind> {
    let n = code.instructions.len();
    let mut depths: Vec<Option<i64>> = vec![None; n];
    let mut worklist = Vec::new();
    let mut max: i64 = 0;
    let reach = |depths: &mut Vec<Option<i64>>,
                 worklist: &mut Vec<usize>,
                 index: usize,
                 depth: i64|
     -> Result<(), InternalErrorKind> {
        if depth < 0 {
            return Err(InternalErrorKind::StackUnderflow { index, depth });
        }
        match depths[index] {
            None => {
                depths[index] = Some(depth);
                worklist.push(index);
                Ok(())
            }
            Some(known) if known == depth => Ok(()),
            Some(known) => Err(InternalErrorKind::InconsistentStackDepth {
                index,
                expected: known,
                found: depth,
            }),
        }
    };
    reach(&mut depths, &mut worklist, 0, 0)?;
    while let Some(index) = worklist.pop() {
        let depth = depths[index].unwrap_or(0);
        max = max.max(depth);
        let instr = &code.instructions[index];
        if let Some(entry) = code.handler(index) {
            if depth < i64::from(entry.depth) {
                return Err(InternalErrorKind::StackUnderflow {
                    index,
                    depth: depth - i64::from(entry.depth),
                });
            }
            let handler_depth = i64::from(entry.depth) + 1 + i64::from(entry.push_lasti);
            max = max.max(handler_depth);
            reach(
                &mut depths,
                &mut worklist,
                entry.handler.index(),
                handler_depth,
            )?;
        }
        let effect = instr.stack_effect();
        let after = depth + i64::from(effect.fallthrough);
        if after < 0 {
            return Err(InternalErrorKind::StackUnderflow {
                index,
                depth: after,
            });
        }
        max = max.max(after);
        if let (Some(target), Some(branch)) = (instr.target(), effect.branch) {
            let at_target = depth + i64::from(branch);
            max = max.max(at_target);
            reach(&mut depths, &mut worklist, target.index(), at_target)?;
        }
        if instr.falls_through() {
            if index + 1 >= n {
                return Err(InternalErrorKind::FallsOffEnd);
            }
            reach(&mut depths, &mut worklist, index + 1, after)?;
        }
    }
    Ok((depths, max as u32))
}

/// Whether the instruction's indices fit the code object's tables.
fn operands_in_range(code: &CodeObject, instr: &Instruction) -> bool {
    use Instruction as I;
    let consts = code.constants.len() as u32;
    let names = code.names.len() as u32;
    let locals = code.varnames.len() as u32;
    let derefs = code.deref_count() as u32;
    match *instr {
        I::LoadConst { index } => index.0 < consts,
        I::KwNames { names: index } => {
            matches!(code.constant(index), Some(Constant::Tuple(_)))
        }
        I::LoadFast { local } | I::StoreFast { local } | I::DeleteFast { local } => {
            local.0 < locals
        }
        I::MakeCell { cell } => cell.index() < code.cellvars.len(),
        I::LoadClosure { cell }
        | I::LoadDeref { cell }
        | I::StoreDeref { cell }
        | I::DeleteDeref { cell }
        | I::LoadClassderef { cell } => cell.0 < derefs,
        I::CopyFreeVars { count } => count.index() == code.freevars.len(),
        I::LoadGlobal { name, .. }
        | I::StoreGlobal { name }
        | I::DeleteGlobal { name }
        | I::LoadName { name }
        | I::StoreName { name }
        | I::DeleteName { name }
        | I::LoadAttr { name }
        | I::StoreAttr { name }
        | I::DeleteAttr { name }
        | I::LoadMethod { name }
        | I::ImportName { name }
        | I::ImportFrom { name } => name.0 < names,
        I::Copy { pos } | I::Swap { pos } => pos.0 >= 1,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::code::{CodeFlags, ExceptionTableEntry};
    use crate::bytecode::instruction::*;

    fn code(instructions: Vec<Instruction>, max_stack_depth: u32) -> CodeObject {
        let n = instructions.len();
        CodeObject {
            name: "t".into(),
            qualname: "t".into(),
            filename: "t.py".into(),
            first_line: 1,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: CodeFlags::NONE,
            varnames: vec!["x".into()],
            cellvars: vec![],
            freevars: vec![],
            names: vec![],
            constants: vec![Constant::None],
            instructions,
            locations: vec![None; n],
            exception_table: vec![],
            max_stack_depth,
        }
    }

    const NONE: Instruction = Instruction::LoadConst { index: ConstIdx(0) };

    #[test]
    fn accepts_balanced_code() {
        let ok = code(vec![NONE, Instruction::ReturnValue], 1);
        assert_eq!(verify_one(&ok), Ok(1));
    }

    #[test]
    fn catches_underflow() {
        let bad = code(vec![Instruction::PopTop, NONE, Instruction::ReturnValue], 1);
        let err = verify_one(&bad).unwrap_err();
        assert_eq!(err.stage, Stage::Verifier);
        assert!(matches!(
            err.kind,
            InternalErrorKind::StackUnderflow { index: 0, .. }
        ));
    }

    #[test]
    fn catches_inconsistent_depths_at_a_join() {
        // One path pushes an extra value before reaching instruction 4.
        let bad = code(
            vec![
                NONE,
                Instruction::PopJumpForwardIfFalse { target: Label(3) },
                NONE,
                NONE,
                Instruction::ReturnValue,
            ],
            2,
        );
        let err = verify_one(&bad).unwrap_err();
        assert!(
            matches!(
                err.kind,
                InternalErrorKind::InconsistentStackDepth { index: 3, .. }
            ),
            "{err}"
        );
    }

    #[test]
    fn catches_falling_off_the_end_and_bad_operands() {
        let bad = code(vec![NONE], 1);
        assert_eq!(
            verify_one(&bad).unwrap_err().kind,
            InternalErrorKind::FallsOffEnd
        );
        let bad = code(
            vec![
                Instruction::LoadConst { index: ConstIdx(5) },
                Instruction::ReturnValue,
            ],
            1,
        );
        assert!(matches!(
            verify_one(&bad).unwrap_err().kind,
            InternalErrorKind::OperandOutOfRange { index: 0 }
        ));
        let bad = code(vec![Instruction::JumpForward { target: Label(9) }], 0);
        assert!(matches!(
            verify_one(&bad).unwrap_err().kind,
            InternalErrorKind::BadTarget {
                index: 0,
                target: 9
            }
        ));
    }

    #[test]
    fn follows_exception_handlers_and_checks_max_depth() {
        // 0 NOP (covered, handler at 3 with depth 0 and lasti)
        // 1 LOAD_CONST None; 2 RETURN_VALUE
        // 3 POP_TOP (exc); 4 POP_TOP (lasti); 5 LOAD_CONST; 6 RETURN_VALUE
        let mut handled = code(
            vec![
                Instruction::Nop,
                NONE,
                Instruction::ReturnValue,
                Instruction::PopTop,
                Instruction::PopTop,
                NONE,
                Instruction::ReturnValue,
            ],
            2,
        );
        handled.exception_table.push(ExceptionTableEntry {
            start: Label(0),
            end: Label(1),
            handler: Label(3),
            depth: 0,
            push_lasti: true,
        });
        assert_eq!(verify_one(&handled), Ok(2));
        handled.max_stack_depth = 1;
        assert!(matches!(
            verify_one(&handled).unwrap_err().kind,
            InternalErrorKind::WrongMaxDepth {
                recorded: 1,
                computed: 2
            }
        ));
        // The handler pops three values where two arrive.
        handled.max_stack_depth = 2;
        handled.instructions[5] = Instruction::PopTop;
        assert!(matches!(
            verify_one(&handled).unwrap_err().kind,
            InternalErrorKind::StackUnderflow { index: 5, .. }
        ));
    }
}

//! Definite assignment of fast locals: for each instruction, the locals
//! bound on every path to it (arguments at entry, `STORE_FAST` binds,
//! `DELETE_FAST` unbinds; an exception handler sees what holds before
//! every instruction it covers). A `LOAD_FAST` of a definitely bound local
//! needs no unbound check. Only the first 128 locals are tracked; the
//! others are always checked.

use crate::bytecode::code::CodeFlags;
use crate::bytecode::instruction::Instruction;
use crate::bytecode::CodeObject;

/// A set of local indices (bit i: local i).
type Set = u128;

/// The definitely bound locals before each instruction (`!0` for
/// instructions no path reaches).
pub fn definitely_bound(code: &CodeObject) -> Vec<Set> {
    let n = code.instructions.len();
    let nargs = code.argcount
        + code.kwonlyargcount
        + u32::from(code.flags.contains(CodeFlags::VARARGS))
        + u32::from(code.flags.contains(CodeFlags::VARKEYWORDS));
    let entry: Set = if nargs >= 128 {
        !0
    } else {
        (1u128 << nargs) - 1
    };
    // `!0` is the top of the lattice: "not reached yet".
    let mut state = vec![!0 as Set; n];
    if n == 0 {
        return state;
    }
    state[0] = entry;
    let mut reached = vec![false; n];
    reached[0] = true;
    let mut work = vec![0usize];
    while let Some(i) = work.pop() {
        let before = state[i];
        let instr = &code.instructions[i];
        let after = match instr {
            Instruction::StoreFast { local } if local.index() < 128 => {
                before | (1 << local.index())
            }
            Instruction::DeleteFast { local } if local.index() < 128 => {
                before & !(1 << local.index())
            }
            _ => before,
        };
        let mut flow = |to: usize, s: Set, state: &mut Vec<Set>, work: &mut Vec<usize>| {
            let merged = if reached[to] { state[to] & s } else { s };
            if !reached[to] || merged != state[to] {
                reached[to] = true;
                state[to] = merged;
                work.push(to);
            }
        };
        if let Some(t) = instr.target() {
            flow(t.index(), after, &mut state, &mut work);
        }
        if instr.falls_through() && i + 1 < n {
            flow(i + 1, after, &mut state, &mut work);
        }
        if let Some(h) = code.handler(i) {
            flow(h.handler.index(), before, &mut state, &mut work);
        }
    }
    state
}

/// Whether local `local` is bound before instruction `at`.
pub fn is_bound(bound: &[Set], at: usize, local: usize) -> bool {
    local < 128 && bound.get(at).is_some_and(|s| s & (1 << local) != 0)
}

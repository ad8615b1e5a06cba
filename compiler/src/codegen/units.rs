//! Codegen units: a large program's code objects cut into a few runs of
//! consecutive code numbers with about as much work each, so that
//! LLVM's optimisation and machine code generation, which take most of a
//! build, run on several cores. Each unit is lowered into its own LLVM
//! module in its own thread (with its own `Context`: LLVM contexts are not
//! shared between threads) and emitted as its own object file; the linker
//! joins the objects.
//!
//! Across units, functions and data refer to each other by name: the
//! symbols another unit may use (code bodies and fast entries, the
//! constant and name tables, the `made.N` cells, `known_types`) are
//! external with hidden visibility instead of internal, so references stay
//! direct (PC-relative, no GOT) and nothing leaves the executable. Unit 0
//! defines all of that data, the program descriptor and `main`; every unit
//! defines the functions of its own codes. A program of one unit (every
//! `--emit` other than an executable, and programs too small to gain from
//! splitting) is the single module with everything internal.
//!
//! Consecutive code numbers keep a function's nested code (closures,
//! methods of a class) and usually its neighbours in the source in the
//! same unit, where LLVM can still inline across them.

use std::ops::Range;

use crate::bytecode::instruction::Instruction;

/// The least [`cost`] per unit: below this, the time a second thread
/// saves is not worth calls that can no longer be inlined. (A program of
/// 1,100 lines with 100 loops costs about 9,100; the largest benchmark,
/// raytrace, about 1,800.)
pub const MIN_UNIT_COST: usize = 3000;

/// Most units, whatever the number of cores.
const MAX_UNITS: usize = 8;

/// How many units to use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UnitCount {
    /// As many as the cores, at most one per [`MIN_UNIT_COST`].
    #[default]
    Auto,
    /// Exactly this many (at most one per code object), for testing.
    Exactly(usize),
}

/// One unit of a program: which codes it lowers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub index: usize,
    pub count: usize,
    pub codes: Range<usize>,
}

impl Unit {
    /// The whole program as one module.
    pub fn whole() -> Unit {
        Unit {
            index: 0,
            count: 1,
            codes: 0..usize::MAX,
        }
    }

    /// One of several units: shared symbols are hidden externals.
    pub fn is_split(&self) -> bool {
        self.count > 1
    }

    /// Whether this unit defines the program's data, descriptor and `main`.
    pub fn owns_data(&self) -> bool {
        self.index == 0
    }

    /// Whether this unit lowers code `index`.
    pub fn lowers(&self, index: usize) -> bool {
        self.codes.contains(&index)
    }
}

/// Roughly how much LLVM work `instruction` makes, counting a plain
/// runtime call with its error check as 1: arithmetic, comparisons, global
/// loads, calls, `for` steps and subscripts have inline fast paths (type
/// tests, caches, direct-call guards) and make several times the IR. (Of
/// the objects of a 1,100-line program, `main`'s 500 instructions of
/// which 300 have fast paths took as long as 21 loop functions of 36
/// instructions of which 11 have fast paths.)
pub fn cost(instruction: &Instruction) -> usize {
    match instruction {
        Instruction::BinaryOp { .. }
        | Instruction::CompareOp { .. }
        | Instruction::LoadGlobal { .. }
        | Instruction::Call { .. }
        | Instruction::ForIter { .. }
        | Instruction::BinarySubscr => 4,
        _ => 1,
    }
}

/// The units for codes of the given [`cost`]s, with `cores` cores.
pub fn plan(costs: &[usize], count: UnitCount, cores: usize) -> Vec<Unit> {
    let total: usize = costs.iter().sum();
    let wanted = match count {
        UnitCount::Auto => (total / MIN_UNIT_COST).min(cores).min(MAX_UNITS),
        UnitCount::Exactly(n) => n,
    };
    let n = wanted.clamp(1, costs.len().max(1));
    let mut starts = vec![0];
    let mut before = 0;
    for (i, &c) in costs.iter().enumerate() {
        let k = starts.len();
        if k < n && i > starts[k - 1] {
            // Unit k starts at the code boundary nearest to its share of
            // the cost, or here if each unit still to come needs a code.
            let share = total * k / n;
            if before + c / 2 >= share || costs.len() - i == n - k {
                starts.push(i);
            }
        }
        before += c;
    }
    let ends: Vec<usize> = starts
        .iter()
        .skip(1)
        .copied()
        .chain(std::iter::once(costs.len()))
        .collect();
    let count = starts.len();
    starts
        .into_iter()
        .zip(ends)
        .enumerate()
        .map(|(index, (start, end))| Unit {
            index,
            count,
            codes: start..end,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges(sizes: &[usize], count: UnitCount, cores: usize) -> Vec<Range<usize>> {
        plan(sizes, count, cores)
            .into_iter()
            .map(|u| u.codes)
            .collect()
    }

    #[test]
    fn small_programs_are_one_unit() {
        assert_eq!(ranges(&[100, 200, 300], UnitCount::Auto, 4), vec![0..3]);
        assert_eq!(ranges(&[], UnitCount::Auto, 4), vec![0..0]);
    }

    #[test]
    fn large_programs_split_by_instructions_up_to_the_cores() {
        let sizes = vec![1000; 10];
        assert_eq!(ranges(&sizes, UnitCount::Auto, 2), vec![0..5, 5..10]);
        assert_eq!(ranges(&sizes, UnitCount::Auto, 1), vec![0..10]);
        assert_eq!(ranges(&sizes, UnitCount::Auto, 16), vec![0..3, 3..7, 7..10]);
    }

    #[test]
    fn a_big_code_gets_a_unit_of_its_own() {
        assert_eq!(
            ranges(&[3000, 100, 100, 100], UnitCount::Exactly(2), 2),
            vec![0..1, 1..4]
        );
    }

    #[test]
    fn exactly_gives_non_empty_units() {
        let units = plan(&[1, 1, 1000], UnitCount::Exactly(3), 1);
        assert_eq!(
            units.iter().map(|u| u.codes.clone()).collect::<Vec<_>>(),
            vec![0..1, 1..2, 2..3]
        );
        assert!(units.iter().all(|u| u.count == 3));
        assert_eq!(ranges(&[5, 5], UnitCount::Exactly(4), 1), vec![0..1, 1..2]);
    }
}

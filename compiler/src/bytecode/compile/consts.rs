//! Constant pools: each unit's constants, de-duplicated the way CPython's
//! `compiler_add_const` does (`_PyCode_ConstantKey`), and the identities
//! of finished code objects that make that de-duplication cheap.
//!
//! Two constants merge when their [`ConstKey`]s are equal: `1`, `1.0` and
//! `True` stay apart, as do `0.0` and `-0.0`. Code objects merge when they
//! are equal field by field (CPython's `code_richcompare`): a `while`
//! condition is compiled twice, and a generator expression in it makes two
//! equal code objects that share one constant, while two `lambda: 1` on one
//! line differ by their columns and stay two constants.
//!
//! Comparing code objects whole would cost the size of everything nested
//! in them, at every level of nesting (cubic in the depth of nested
//! lambdas, whose qualified names grow with the depth). Instead, when a
//! unit is finished, [`CodeIds`] numbers its code object by its
//! [`CodeShape`]: its own fields, with each constant replaced by its key,
//! so a nested code object counts as its number. Children are numbered
//! before their parents, so equal numbers mean equal objects, and each
//! object is looked at once.

use super::super::code::{CodeFlags, CodeObject, ExceptionTableEntry, Location};
use super::super::constant::Constant;
use super::super::instruction::{ConstIdx, Instruction};
use num_bigint::BigInt;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A constant's identity for de-duplication: equal keys are the same
/// constant (CPython's `_PyCode_ConstantKey`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum ConstKey {
    None,
    Bool(bool),
    Ellipsis,
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    /// A code object, by its number from [`CodeIds`].
    Code(CodeId),
}

/// The number [`CodeIds`] gives a finished code object: equal code
/// objects have equal numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct CodeId(u32);

/// The key of a constant that is a value, `None` for a code object (whose
/// key is its [`CodeId`], which only [`CodeIds`] knows).
pub(super) fn const_key(constant: &Constant) -> Option<ConstKey> {
    Some(match constant {
        Constant::None => ConstKey::None,
        Constant::Bool(value) => ConstKey::Bool(*value),
        Constant::Ellipsis => ConstKey::Ellipsis,
        Constant::Int(value) => ConstKey::Int(BigInt::from(*value)),
        Constant::BigInt(value) => ConstKey::Int((**value).clone()),
        Constant::Float(value) => ConstKey::Float(value.to_bits()),
        Constant::Complex { real, imag } => ConstKey::Complex(real.to_bits(), imag.to_bits()),
        Constant::Str(text) => ConstKey::Str(text.clone()),
        Constant::Bytes(bytes) => ConstKey::Bytes(bytes.clone()),
        Constant::Tuple(items) => {
            ConstKey::Tuple(items.iter().map(const_key).collect::<Option<_>>()?)
        }
        Constant::FrozenSet(items) => {
            // A set's identity does not depend on its items' order.
            let mut keys: Vec<ConstKey> = items.iter().map(const_key).collect::<Option<_>>()?;
            keys.sort();
            keys.dedup();
            ConstKey::FrozenSet(keys)
        }
        Constant::Code(_) => return None,
    })
}

/// A `frozenset` constant of `items`, without duplicates (first ones kept;
/// numbers are equal by value, as `1`, `1.0` and `True` are in Python).
pub(super) fn frozenset(items: Vec<Constant>) -> Constant {
    let mut seen = HashSet::new();
    let items = items
        .into_iter()
        .filter(|item| set_key(item).is_none_or(|key| seen.insert(key)))
        .collect();
    Constant::FrozenSet(items)
}

/// The key under which a set holds a constant: numbers by value.
fn set_key(constant: &Constant) -> Option<ConstKey> {
    let float = |value: f64| {
        if value.fract() == 0.0 && value.abs() < 1e300 {
            num_traits::FromPrimitive::from_f64(value)
                .map_or(ConstKey::Float(value.to_bits()), ConstKey::Int)
        } else {
            ConstKey::Float(value.to_bits())
        }
    };
    match constant {
        Constant::Bool(value) => Some(ConstKey::Int(BigInt::from(u8::from(*value)))),
        Constant::Float(value) => Some(float(*value)),
        Constant::Complex { real, imag } if *imag == 0.0 => Some(float(*real)),
        other => const_key(other),
    }
}

/// A unit's constants, de-duplicated, each with its key (`None`: a
/// constant that merges with no other).
#[derive(Clone, Debug, Default)]
pub(crate) struct ConstPool {
    pub(super) items: Vec<Constant>,
    keys: Vec<Option<ConstKey>>,
    index: HashMap<ConstKey, u32>,
}

impl ConstPool {
    /// Adds a value constant (a code object goes through [`Self::add_code`]).
    pub(super) fn add(&mut self, constant: Constant) -> ConstIdx {
        let key = const_key(&constant);
        self.add_keyed(constant, key)
    }

    /// Adds a finished code object, under the number [`CodeIds`] gave it.
    pub(super) fn add_code(&mut self, code: FinishedCode) -> ConstIdx {
        let key = Some(ConstKey::Code(code.id));
        self.add_keyed(Constant::Code(Arc::new(code.code)), key)
    }

    fn add_keyed(&mut self, constant: Constant, key: Option<ConstKey>) -> ConstIdx {
        if let Some(&i) = key.as_ref().and_then(|key| self.index.get(key)) {
            return ConstIdx(i);
        }
        let i = self.items.len() as u32;
        self.items.push(constant);
        if let Some(key) = &key {
            self.index.insert(key.clone(), i);
        }
        self.keys.push(key);
        ConstIdx(i)
    }

    pub(super) fn get(&self, index: ConstIdx) -> Option<&Constant> {
        self.items.get(index.index())
    }

    /// Drops the constants from `len` on (CPython's `trim_unused_consts`).
    pub(super) fn truncate(&mut self, len: usize) {
        self.items.truncate(len);
        for key in self.keys.drain(len.min(self.keys.len())..).flatten() {
            self.index.remove(&key);
        }
    }

    /// The keys of the constants, which the assembler took; leaves the
    /// pool empty.
    pub(super) fn take_keys(&mut self) -> Vec<Option<ConstKey>> {
        self.index.clear();
        std::mem::take(&mut self.keys)
    }
}

/// A code object just assembled, with its number.
pub(crate) struct FinishedCode {
    pub(super) code: CodeObject,
    pub(super) id: CodeId,
}

/// What makes two code objects equal: every field of the object itself,
/// with nested code objects standing as their numbers.
#[derive(PartialEq, Eq, Hash)]
struct CodeShape {
    name: String,
    qualname: String,
    filename: String,
    first_line: u32,
    argcounts: [u32; 3],
    flags: CodeFlags,
    varnames: Vec<String>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    names: Vec<String>,
    constants: Vec<ConstKey>,
    instructions: Vec<Instruction>,
    locations: Vec<Option<Location>>,
    exception_table: Vec<ExceptionTableEntry>,
    max_stack_depth: u32,
}

/// Numbers the finished code objects of one compilation, equal objects
/// alike.
#[derive(Default)]
pub(crate) struct CodeIds {
    ids: HashMap<CodeShape, CodeId>,
    /// How many numbers were given out.
    count: u32,
}

impl CodeIds {
    /// Numbers `code`, whose constants have the keys `keys` (from its
    /// unit's pool, in the same order). A code object holding a constant
    /// without a key gets a number of its own.
    pub(super) fn finish(&mut self, code: CodeObject, keys: Vec<Option<ConstKey>>) -> FinishedCode {
        let id = match keys.into_iter().collect::<Option<Vec<_>>>() {
            Some(constants) if constants.len() == code.constants.len() => {
                let shape = CodeShape::new(&code, constants);
                let fresh = CodeId(self.count);
                let id = *self.ids.entry(shape).or_insert(fresh);
                if id == fresh {
                    self.count += 1;
                }
                id
            }
            _ => self.fresh(),
        };
        FinishedCode { code, id }
    }

    fn fresh(&mut self) -> CodeId {
        self.count += 1;
        CodeId(self.count - 1)
    }
}

impl CodeShape {
    fn new(code: &CodeObject, constants: Vec<ConstKey>) -> Self {
        // Spelled out, so that a new field cannot be forgotten here.
        let CodeObject {
            name,
            qualname,
            filename,
            first_line,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            varnames,
            cellvars,
            freevars,
            names,
            constants: _,
            instructions,
            locations,
            exception_table,
            max_stack_depth,
        } = code;
        CodeShape {
            name: name.clone(),
            qualname: qualname.clone(),
            filename: filename.clone(),
            first_line: *first_line,
            argcounts: [*argcount, *posonlyargcount, *kwonlyargcount],
            flags: *flags,
            varnames: varnames.clone(),
            cellvars: cellvars.clone(),
            freevars: freevars.clone(),
            names: names.clone(),
            constants,
            instructions: instructions.clone(),
            locations: locations.clone(),
            exception_table: exception_table.clone(),
            max_stack_depth: *max_stack_depth,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::compile_module;
    use crate::scopes::analyze_module;
    use crate::syntax::parse_module;

    fn compile(source: &str) -> CodeObject {
        let module = parse_module(source).unwrap();
        let table = analyze_module(&module).unwrap();
        compile_module(&module, &table, source, "t.py").unwrap()
    }

    /// The module's code constants, by the index `LOAD_CONST` names them.
    fn code_indices(code: &CodeObject) -> Vec<usize> {
        code.instructions
            .iter()
            .filter_map(|instr| match instr {
                Instruction::LoadConst { index }
                    if matches!(code.constant(*index), Some(Constant::Code(_))) =>
                {
                    Some(index.index())
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn equal_code_objects_merge_and_distinct_ones_do_not() {
        // As in CPython 3.11: two lambdas on one line differ by their
        // columns; the generator expression of a `while` condition, which
        // is compiled twice, is one constant.
        let code = compile("f = (lambda: 1, lambda: 1)\nwhile any(x for x in f):\n    pass\n");
        assert_eq!(code_indices(&code), [0, 1, 2, 2]);
        // Equal code objects with equal nested code objects merge too.
        let code = compile("while (lambda: lambda: 1)():\n    pass\n");
        assert_eq!(code_indices(&code), [0, 0]);
    }

    #[test]
    fn deeply_nested_lambdas_compile_each_level_once() {
        // A code object is numbered from its own fields and its children's
        // numbers. Keyed by its whole debug form instead, 600 levels took
        // seconds and 2,450 (near the parser's limit) more than a minute.
        let depth = 600;
        let source = format!("f = {}1\n", "lambda: ".repeat(depth));
        let code = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || compile(&source))
            .unwrap()
            .join()
            .unwrap();
        let mut levels = 0;
        let mut level = code.nested().next();
        while let Some(lambda) = level {
            levels += 1;
            let inner = lambda
                .constants
                .iter()
                .filter_map(Constant::as_code)
                .count();
            assert_eq!(inner, usize::from(levels < depth));
            level = lambda.nested().next();
        }
        assert_eq!(levels, depth);
    }

    #[test]
    fn code_objects_are_numbered_by_structure_and_keyed_by_number() {
        let lambda = compile("f = lambda: 1\n").nested().next().unwrap().clone();
        let other = compile("f = lambda: 2\n").nested().next().unwrap().clone();
        let keys = |code: &CodeObject| code.constants.iter().map(const_key).collect();
        let mut ids = CodeIds::default();
        let (k1, k2, k3) = (keys(&lambda), keys(&lambda), keys(&other));
        let a = ids.finish(lambda.clone(), k1).id;
        let b = ids.finish(lambda, k2).id;
        let c = ids.finish(other, k3).id;
        assert_eq!(a, b);
        assert_ne!(a, c);
        // A constant without a key (a code object added as a value) makes
        // its holder unique.
        let mut holder = compile("f = lambda: 1\n");
        let holder_keys: Vec<_> = holder.constants.iter().map(const_key).collect();
        assert!(holder_keys.iter().any(Option::is_none));
        holder.constants.truncate(holder_keys.len());
        let d = ids.finish(holder.clone(), holder_keys.clone()).id;
        let e = ids.finish(holder, holder_keys).id;
        assert_ne!(d, e);
        // In a pool, a code object's key is its number alone.
        let mut pool = ConstPool::default();
        let code = compile("f = lambda: 1\n").nested().next().unwrap().clone();
        let finished = ids.finish(code.clone(), keys(&code));
        let id = finished.id;
        assert_eq!(id, a);
        pool.add_code(finished);
        assert_eq!(pool.take_keys(), [Some(ConstKey::Code(id))]);
    }

    #[test]
    fn truncating_forgets_the_dropped_keys() {
        let mut pool = ConstPool::default();
        pool.add(Constant::None);
        let one = pool.add(Constant::Int(1));
        pool.truncate(1);
        assert_eq!(pool.items.len(), 1);
        // Added again, `1` gets a new slot instead of the dropped one.
        assert_eq!(pool.add(Constant::Int(1)), one);
        assert_eq!(pool.items.len(), 2);
        assert_eq!(pool.add(Constant::Float(1.0)).index(), 2);
        assert_eq!(pool.add(Constant::Int(1)), one);
    }
}

//! Loading code objects: each bytecode [`CodeObject`] becomes a
//! [`LoadedCode`], once, before the program runs. Loading converts the
//! constants to runtime values (nested code objects first, so a parent's
//! constant table holds its children's runtime `code` values), interns the
//! names, and builds the [`CodeInfo`] the runtime reads when it binds
//! arguments. Loaded code lives for the rest of the program (it is leaked:
//! functions point at it from the heap).
//!
//! A constant the runtime cannot represent yet (complex numbers)
//! loads as a placeholder that raises `NotImplementedError` naming the
//! feature when `LOAD_CONST` reaches it, so a program fails only if it
//! actually uses the feature.

use std::sync::Arc;

use krait_runtime::error::{not_implemented_error, PyResult};
use krait_runtime::types::function::CodeInfo;
use krait_runtime::types::int::{int_from_bigint, int_from_i64};
use krait_runtime::types::set::frozenset_from_values;
use krait_runtime::types::string::{intern, new_str};
use krait_runtime::types::tuple::new_tuple;
use krait_runtime::Value;

use crate::bytecode::constant::Constant;
use crate::bytecode::instruction::{ConstIdx, DerefIdx};
use crate::bytecode::CodeObject;

/// A code object ready to run: the bytecode plus its runtime values.
pub struct LoadedCode {
    pub code: Arc<CodeObject>,
    /// One value per constant; NULL for a constant the runtime cannot
    /// represent (see `unsupported`).
    pub constants: Vec<Value>,
    /// Why each NULL constant is unsupported (the feature's name).
    unsupported: Vec<Option<&'static str>>,
    /// The interned `names`.
    pub names: Vec<Value>,
    /// The runtime's view of the code (arguments, flags, varnames).
    pub info: &'static CodeInfo,
    /// This code as a runtime `code` value (its handle points back here).
    pub value: Value,
    /// For each cell variable, the argument it starts from.
    pub cell_args: Vec<Option<usize>>,
    /// `name` and `filename` as runtime strs, for tracebacks.
    pub name: Value,
    pub filename: Value,
}

impl LoadedCode {
    /// The value of constant `index` (`LOAD_CONST`), or the
    /// NotImplementedError of an unsupported one.
    #[inline]
    pub fn constant(&self, index: ConstIdx) -> PyResult {
        let v = self.constants[index.index()];
        if v.is_null() {
            let feature = self.unsupported[index.index()].unwrap_or("this constant");
            return Err(not_implemented_error(format!(
                "{feature} are not supported by krait yet"
            )));
        }
        Ok(v)
    }

    #[inline]
    pub fn name(&self, index: crate::bytecode::instruction::NameIdx) -> Value {
        self.names[index.index()]
    }

    /// The name of a cell or free variable.
    pub fn deref_name(&self, index: DerefIdx) -> &str {
        self.code.deref_name(index).unwrap_or("?")
    }

    /// The source line of instruction `index` (0 when unknown).
    pub fn line(&self, index: usize) -> u32 {
        self.code.line(index).unwrap_or(self.code.first_line)
    }

    /// Calls the visitor on every runtime value the code holds.
    fn trace(&self, visit: &mut dyn FnMut(Value)) {
        for &v in self.constants.iter().chain(&self.names) {
            visit(v);
        }
        self.info.trace(visit);
        visit(self.value);
        visit(self.name);
        visit(self.filename);
    }
}

/// Loads `code` and every code object nested in it.
pub fn load(code: Arc<CodeObject>) -> &'static LoadedCode {
    let mut constants = Vec::with_capacity(code.constants.len());
    let mut unsupported = Vec::with_capacity(code.constants.len());
    for c in &code.constants {
        match convert(c) {
            Ok(v) => {
                constants.push(v);
                unsupported.push(None);
            }
            Err(feature) => {
                constants.push(Value::NULL);
                unsupported.push(Some(feature));
            }
        }
    }
    let names = code.names.iter().map(|n| intern(n)).collect();
    let info: &'static CodeInfo = Box::leak(Box::new(CodeInfo::new(
        intern(&code.name),
        new_str(&code.qualname),
        intern(&code.filename),
        code.first_line,
        code.argcount,
        code.posonlyargcount,
        code.kwonlyargcount,
        code.flags.0,
        code.varnames.iter().map(|n| intern(n)).collect(),
    )));
    let cell_args = (0..code.cellvars.len())
        .map(|i| code.cell_argument(DerefIdx(i as u32)).map(|l| l.index()))
        .collect();
    let loaded: &'static mut LoadedCode = Box::leak(Box::new(LoadedCode {
        name: info.name,
        filename: info.filename,
        code,
        constants,
        unsupported,
        names,
        info,
        value: Value::NONE,
        cell_args,
    }));
    let handle = loaded as *const LoadedCode as *const ();
    loaded.value = krait_runtime::types::code::new_code(handle, info);
    LOADED.with(|l| l.borrow_mut().insert(handle as usize));
    loaded
}

thread_local! {
    /// The handles of every code value this thread's VM created.
    static LOADED: std::cell::RefCell<std::collections::HashSet<usize>> =
        std::cell::RefCell::new(std::collections::HashSet::new());
}

/// Calls the visitor on the values of every code object this thread
/// loaded (they live as long as the program: a GC root).
pub fn trace_loaded(visit: &mut dyn FnMut(Value)) {
    LOADED.with(|l| {
        for &handle in l.borrow().iter() {
            // SAFETY: every handle in LOADED is a LoadedCode `load` leaked.
            unsafe { &*(handle as *const LoadedCode) }.trace(visit);
        }
    });
}

/// The runtime value of a constant, or the name of the unsupported feature.
fn convert(c: &Constant) -> Result<Value, &'static str> {
    Ok(match c {
        Constant::None => Value::NONE,
        Constant::Bool(b) => Value::from_bool(*b),
        Constant::Ellipsis => Value::ELLIPSIS,
        Constant::Int(i) => int_from_i64(*i),
        Constant::BigInt(b) => int_from_bigint((**b).clone()),
        Constant::Float(f) => Value::from_f64(*f),
        Constant::Complex { real, imag } => {
            krait_runtime::types::complex::new_complex(*real, *imag)
        }
        Constant::Str(s) => new_str(s),
        Constant::Bytes(b) => krait_runtime::types::bytes::new_bytes(b.clone()),
        Constant::Tuple(items) => {
            let values = items.iter().map(convert).collect::<Result<Vec<_>, _>>()?;
            new_tuple(&values)
        }
        Constant::FrozenSet(items) => {
            let values = items.iter().map(convert).collect::<Result<Vec<_>, _>>()?;
            // Constant items are hashable (the compiler only folds those).
            frozenset_from_values(&values).map_err(|_| {
                krait_runtime::error::clear_exception();
                "unhashable frozenset constants"
            })?
        }
        Constant::Code(code) => load(code.clone()).value,
    })
}

/// The loaded code behind a runtime `code` value made by [`load`].
pub fn loaded_from_value(v: Value) -> Option<&'static LoadedCode> {
    let c = krait_runtime::types::code::as_code(v)?;
    if !LOADED.with(|l| l.borrow().contains(&(c.handle as usize))) {
        return None;
    }
    // SAFETY: the handle is one `load` leaked (checked just above).
    Some(unsafe { &*(c.handle as *const LoadedCode) })
}

//! `_sre`: the regular-expression engine behind the `re` module (which is
//! written in Python, in `pylib/re.py`, and builds Pattern and Match
//! objects over these functions).
//!
//! - `compile(pattern, flags)` → `(program, groups, groupindex, flags)`,
//!   or `(None, message, position)` for a bad pattern (re.py raises
//!   `re.error`);
//! - `match(program, subject, pos, endpos, mode)` with mode 0 = match,
//!   1 = fullmatch, 2 = search → a list `[start0, end0, start1, end1, …,
//!   lastindex]` (-1 for groups that did not take part, None for no
//!   lastindex), or None;
//! - `scan(program, subject, pos, endpos, limit)` → every non-overlapping
//!   match of a search from `pos`, in that list form, with Python 3.7's
//!   empty-match rule (an empty match may not start where the previous
//!   empty match ended); `limit` 0 means no limit.
//!
//! Subjects are str (positions in code points) or bytes (one position per
//! byte; bytes patterns use ASCII semantics). Missing against CPython:
//! LOCALE semantics, `\N{name}` escapes, full case folding (case
//! comparisons use simple lower/upper mapping), ignore-case of non-ASCII
//! bytes.

mod chars;
mod compile;
mod exec;
mod parse;

use std::any::TypeId;

use crate::error::{type_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, PyPayload};
use crate::typeobj::builder::{builtin_function, TypeSpec};
use crate::types::builtin_func::BuiltinFn;
use crate::types::bytes::bytes_data;
use crate::types::dict::DictObject;
use crate::types::int::to_i64;
use crate::types::list::new_list;
use crate::types::module::{new_module, ModuleObject};
use crate::types::registry::types;
use crate::types::string::{as_str, intern, new_str};
use crate::types::tuple::new_tuple;
use crate::Value;

use compile::Program;
use exec::{MatchResult, Mode};

/// A compiled pattern (opaque to Python code).
#[repr(C)]
pub struct SreProgram {
    pub header: Header,
    prog: Program,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for SreProgram {}

pub fn program_spec() -> TypeSpec {
    TypeSpec {
        module: "_sre",
        ..TypeSpec::new("SRE_Program", TypeId::of::<SreProgram>())
    }
}

/// Builds the `_sre` module.
pub fn make_module() -> Value {
    let m = new_module("_sre");
    if let Some(d) = ModuleObject::cast(m).map(|m| m.dict()) {
        for (name, f) in FUNCTIONS {
            d.set_str(intern(name), builtin_function(name, *f));
        }
    }
    m
}

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("compile", sre_compile),
    ("match", sre_match),
    ("scan", sre_scan),
];

fn sre_compile(args: &[Value], kw: Option<Value>) -> PyResult {
    let [pattern, flags] = crate::args::exact("compile", args, kw)?;
    let flags = to_i64(flags)? as u32;
    let (text, is_str) = match as_str(pattern) {
        Some(s) => (s.to_owned(), true),
        None => match bytes_data(pattern) {
            Some(b) => (b.iter().map(|&c| c as char).collect(), false),
            None => {
                return Err(type_error(
                    "first argument must be string or compiled pattern",
                ))
            }
        },
    };
    match parse::parse(&text, flags, is_str) {
        Err(e) => Ok(new_tuple(&[
            Value::NONE,
            new_str(&e.msg),
            e.pos.map_or(Value::NONE, |p| Value::small_int(p as i64)),
        ])),
        Ok(parsed) => {
            let prog = compile::compile(&parsed.node, parsed.groups);
            let index = DictObject::new_value();
            if let Some(d) = DictObject::cast(index) {
                for (name, g) in &parsed.names {
                    d.set_item(new_str(name), Value::small_int(*g as i64))?;
                }
            }
            let obj = alloc_value(SreProgram {
                header: Header::new(types().sre_program),
                prog,
            });
            Ok(new_tuple(&[
                obj,
                Value::small_int(parsed.groups as i64),
                index,
                Value::small_int(i64::from(parsed.flags)),
            ]))
        }
    }
}

/// The subject as characters.
fn subject(v: Value) -> PyResult<Vec<char>> {
    if let Some(s) = as_str(v) {
        return Ok(s.chars().collect());
    }
    match bytes_data(v) {
        Some(b) => Ok(b.iter().map(|&c| c as char).collect()),
        None => Err(type_error(format!(
            "expected string or bytes-like object, got '{}'",
            crate::object::type_of(v).name()
        ))),
    }
}

struct Call<'a> {
    prog: &'a Program,
    chars: Vec<char>,
    pos: usize,
}

fn prepare(prog: Value, string: Value, pos: Value, endpos: Value) -> PyResult<Call<'static>> {
    let prog =
        downcast::<SreProgram>(prog).ok_or_else(|| type_error("expected a compiled pattern"))?;
    let mut chars = subject(string)?;
    let len = chars.len() as i64;
    let clamp = |v: i64| v.clamp(0, len) as usize;
    let endpos = clamp(to_i64(endpos)?);
    chars.truncate(endpos);
    let pos = clamp(to_i64(pos)?).min(endpos);
    Ok(Call {
        prog: &prog.prog,
        chars,
        pos,
    })
}

fn result_list(m: &MatchResult) -> Value {
    let mut items: Vec<Value> = m
        .slots
        .iter()
        .map(|s| s.map_or(Value::small_int(-1), |p| Value::small_int(p as i64)))
        .collect();
    // A group counts only when both ends are set.
    for g in 0..m.slots.len() / 2 {
        if m.slots[2 * g].is_none() || m.slots[2 * g + 1].is_none() {
            items[2 * g] = Value::small_int(-1);
            items[2 * g + 1] = Value::small_int(-1);
        }
    }
    items.push(
        m.lastindex
            .map_or(Value::NONE, |g| Value::small_int(g as i64)),
    );
    new_list(items)
}

fn sre_match(args: &[Value], kw: Option<Value>) -> PyResult {
    let [prog, string, pos, endpos, mode] = crate::args::exact("match", args, kw)?;
    let call = prepare(prog, string, pos, endpos)?;
    let r = match to_i64(mode)? {
        0 => exec::match_at(call.prog, &call.chars, call.pos, Mode::Prefix, false),
        1 => exec::match_at(call.prog, &call.chars, call.pos, Mode::Full, false),
        _ => exec::search(call.prog, &call.chars, call.pos, Mode::Prefix, false),
    };
    Ok(r.as_ref().map_or(Value::NONE, result_list))
}

fn sre_scan(args: &[Value], kw: Option<Value>) -> PyResult {
    let [prog, string, pos, endpos, limit] = crate::args::exact("scan", args, kw)?;
    let call = prepare(prog, string, pos, endpos)?;
    let limit = to_i64(limit)?;
    let mut out = crate::gc::rooted::RootedVec::new();
    let mut at = call.pos;
    let mut must_advance = false;
    while at <= call.chars.len() && (limit <= 0 || (out.len() as i64) < limit) {
        let Some(m) = exec::search(call.prog, &call.chars, at, Mode::Prefix, must_advance) else {
            break;
        };
        let (s, e) = (m.slots[0].unwrap_or(at), m.slots[1].unwrap_or(at));
        out.push(result_list(&m));
        must_advance = s == e;
        at = e;
    }
    Ok(new_list(out.into_vec()))
}

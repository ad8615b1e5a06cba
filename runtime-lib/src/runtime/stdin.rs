//! Standard input: `sys.stdin` (a text reader with `read`, `readline`,
//! `readlines` and line iteration) and the `input()` builtin, which flushes
//! stdout after writing its prompt, as CPython does. Input is decoded as
//! UTF-8 (invalid bytes replaced); line endings are kept as read.

use std::any::TypeId;
use std::io::{BufRead, Read};

use crate::args;
use crate::error::PyResult;
use crate::heap::{alloc_value, Header, HeapObject};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::SlotDefs;
use crate::types::builtin_func::MethodDef;
use crate::types::int::to_i64;
use crate::types::list::new_list;
use crate::types::registry::types;
use crate::types::string::{new_str, new_string};
use crate::Value;

/// `sys.stdin`.
#[repr(C)]
pub struct TextReaderObject {
    pub header: Header,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for TextReaderObject {}

/// A new reader over the process's standard input.
pub fn new_stdin_reader() -> Value {
    alloc_value(TextReaderObject {
        header: Header::new(types().text_reader),
    })
}

/// One line including its `\n` ("" at end of input).
pub fn read_line() -> PyResult<String> {
    let mut buf = Vec::new();
    std::io::stdin()
        .lock()
        .read_until(b'\n', &mut buf)
        .map_err(|e| crate::error::raise_new(types().exc.OSError, &e.to_string()))?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

fn read_all() -> PyResult<String> {
    let mut buf = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut buf)
        .map_err(|e| crate::error::raise_new(types().exc.OSError, &e.to_string()))?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

/// `input([prompt])`.
pub fn input(a: &[Value], k: Option<Value>) -> PyResult {
    let [prompt] = args::between("input", a, k, 0)?;
    if !prompt.is_null() {
        let text = crate::ops::object::str_string(prompt)?;
        super::stdio::write_stdout(&text);
    }
    super::stdio::flush_stdout();
    let line = read_line()?;
    if line.is_empty() {
        return Err(crate::error::raise_new(
            types().exc.EOFError,
            "EOF when reading a line",
        ));
    }
    let line = line.strip_suffix('\n').unwrap_or(&line);
    Ok(new_str(line))
}

fn read(a: &[Value], k: Option<Value>) -> PyResult {
    let (_, [size]) = args::method::<1>("read", a, k, 0)?;
    let n = if size.is_null() || size.is_none() {
        -1
    } else {
        to_i64(size)?
    };
    if n < 0 {
        return Ok(new_string(read_all()?));
    }
    let mut out = String::new();
    while out.chars().count() < n as usize {
        let line = read_line()?;
        if line.is_empty() {
            break;
        }
        out.push_str(&line);
    }
    Ok(new_string(out))
}

fn readline(a: &[Value], k: Option<Value>) -> PyResult {
    let (_, [_size]) = args::method::<1>("readline", a, k, 0)?;
    Ok(new_string(read_line()?))
}

fn readlines(a: &[Value], k: Option<Value>) -> PyResult {
    let (_, [_hint]) = args::method::<1>("readlines", a, k, 0)?;
    let mut lines = Vec::new();
    loop {
        let line = read_line()?;
        if line.is_empty() {
            break;
        }
        lines.push(new_string(line));
    }
    Ok(new_list(lines))
}

fn reader_iter(v: Value) -> PyResult {
    Ok(v)
}

fn reader_next(_: Value) -> PyResult<Option<Value>> {
    let line = read_line()?;
    Ok((!line.is_empty()).then(|| new_string(line)))
}

fn isatty(a: &[Value], k: Option<Value>) -> PyResult {
    let (_, []) = args::method::<0>("isatty", a, k, 0)?;
    Ok(Value::FALSE)
}

fn fileno(a: &[Value], k: Option<Value>) -> PyResult {
    let (_, []) = args::method::<0>("fileno", a, k, 0)?;
    Ok(Value::small_int(0))
}

pub fn reader_spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            iter: Some(reader_iter),
            next: Some(reader_next),
            ..SlotDefs::default()
        },
        methods: const {
            &[
                MethodDef::new("read", read),
                MethodDef::new("readline", readline),
                MethodDef::new("readlines", readlines),
                MethodDef::new("isatty", isatty),
                MethodDef::new("fileno", fileno),
            ]
        },
        ..TypeSpec::new("TextIOWrapper", TypeId::of::<TextReaderObject>())
    }
}

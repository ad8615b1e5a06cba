//! The process's stdout and stderr.
//!
//! stdout is a runtime-owned buffer: line-buffered when it is a terminal,
//! block-buffered (8 KiB) otherwise, as CPython's. It is flushed before a
//! traceback is printed and at exit ([`flush_stdout`]). stderr is written
//! through at once. `sys.stdout`/`sys.stderr` are `TextIOWrapper` objects
//! whose `write`/`flush` reach these. Tests capture both streams per
//! thread with [`capture_output`].

use std::any::TypeId;
use std::cell::RefCell;
use std::io::{IsTerminal, Write};
use std::sync::Mutex;

use crate::args;
use crate::error::{type_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, type_of};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::SlotDefs;
use crate::types::builtin_func::{GetSetDef, MethodDef};
use crate::types::registry::types;
use crate::types::string::{as_str, new_str};
use crate::Value;

struct Stdout {
    buf: Vec<u8>,
    line_buffered: bool,
}

static STDOUT: Mutex<Option<Stdout>> = Mutex::new(None);
const BLOCK: usize = 8192;

thread_local! {
    static CAPTURE: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

fn captured(s: &str, err: bool) -> bool {
    CAPTURE.with(|c| match c.borrow_mut().as_mut() {
        Some((out, e)) => {
            if err { e } else { out }.push_str(s);
            true
        }
        None => false,
    })
}

fn with_stdout<R>(f: impl FnOnce(&mut Stdout) -> R) -> R {
    let mut guard = STDOUT.lock().unwrap_or_else(|p| p.into_inner());
    let st = guard.get_or_insert_with(|| Stdout {
        buf: Vec::with_capacity(BLOCK),
        line_buffered: std::io::stdout().is_terminal(),
    });
    f(st)
}

fn drain(st: &mut Stdout) {
    if st.buf.is_empty() {
        return;
    }
    let mut out = std::io::stdout().lock();
    // A closed pipe is not an error the program can act on.
    let _ = out.write_all(&st.buf);
    let _ = out.flush();
    st.buf.clear();
}

/// Writes to stdout (buffered).
pub fn write_stdout(s: &str) {
    if captured(s, false) {
        return;
    }
    with_stdout(|st| {
        st.buf.extend_from_slice(s.as_bytes());
        if st.buf.len() >= BLOCK || (st.line_buffered && s.contains('\n')) {
            drain(st);
        }
    });
}

/// Flushes stdout.
pub fn flush_stdout() {
    with_stdout(drain);
}

/// Writes to stderr (unbuffered).
pub fn write_stderr(s: &str) {
    if captured(s, true) {
        return;
    }
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(s.as_bytes());
    let _ = err.flush();
}

/// Runs `f` with this thread's stdout and stderr captured; returns what
/// was written to each.
pub fn capture_output<R>(f: impl FnOnce() -> R) -> (R, String, String) {
    CAPTURE.with(|c| *c.borrow_mut() = Some((String::new(), String::new())));
    let r = f();
    let (out, err) = CAPTURE.with(|c| c.borrow_mut().take()).unwrap_or_default();
    (r, out, err)
}

/// `sys.stdout` / `sys.stderr`.
#[repr(C)]
pub struct TextWriterObject {
    pub header: Header,
    /// 1 for stdout, 2 for stderr.
    pub fd: i64,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for TextWriterObject {}

pub fn new_writer(fd: i64) -> Value {
    alloc_value(TextWriterObject {
        header: Header::new(types().text_writer),
        fd,
    })
}

/// Writes `s` to the stream `file` (one of ours, or any object with `write`).
pub fn write_to(file: Value, s: &str) -> PyResult<()> {
    if let Some(w) = downcast::<TextWriterObject>(file) {
        if w.fd == 2 {
            write_stderr(s);
        } else {
            write_stdout(s);
        }
        return Ok(());
    }
    crate::ops::call::call_method(file, "write", &[new_str(s)])?;
    Ok(())
}

fn write(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [text]) = args::method::<1>("write", a, k, 1)?;
    let Some(t) = as_str(text) else {
        return Err(type_error(format!(
            "write() argument must be str, not {}",
            type_of(text).name()
        )));
    };
    write_to(s, t)?;
    Ok(crate::types::int::int_from_usize(t.chars().count()))
}

fn flush(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("flush", a, k, 0)?;
    if downcast::<TextWriterObject>(s).is_some_and(|w| w.fd == 1) {
        flush_stdout();
    }
    Ok(Value::NONE)
}

fn isatty(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("isatty", a, k, 0)?;
    let fd = downcast::<TextWriterObject>(s).map_or(1, |w| w.fd);
    Ok(Value::from_bool(if fd == 2 {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    }))
}

fn name(v: Value) -> PyResult {
    let fd = downcast::<TextWriterObject>(v).map_or(1, |w| w.fd);
    Ok(new_str(if fd == 2 { "<stderr>" } else { "<stdout>" }))
}

fn writer_repr(v: Value) -> PyResult {
    let fd = downcast::<TextWriterObject>(v).map_or(1, |w| w.fd);
    let n = if fd == 2 { "<stderr>" } else { "<stdout>" };
    Ok(new_str(&format!(
        "<_io.TextIOWrapper name='{n}' mode='w' encoding='utf-8'>"
    )))
}

pub fn writer_spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            repr: Some(writer_repr),
            ..SlotDefs::default()
        },
        methods: const {
            &[
                MethodDef::new("write", write),
                MethodDef::new("flush", flush),
                MethodDef::new("isatty", isatty),
            ]
        },
        getsets: const { &[GetSetDef::readonly("name", name)] },
        ..TypeSpec::new("TextIOWrapper", TypeId::of::<TextWriterObject>())
    }
}

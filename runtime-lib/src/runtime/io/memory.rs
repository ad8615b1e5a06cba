//! In-memory streams: `io.StringIO` (a text buffer indexed by code point)
//! and `io.BytesIO` (a byte buffer). One Rust struct serves both; the
//! buffer's kind decides what `read` returns and `write` accepts.
//!
//! `StringIO(initial_value='', newline='\n')`: `newline=None` translates
//! `\r\n` and `\r` to `\n` on write; `''` splits lines at any ending; the
//! default `'\n'` does neither.

use std::any::TypeId;
use std::cell::RefCell;

use super::file::{closed_error, size_arg, Newline};
use crate::args;
use crate::error::{raise_new, type_error, value_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{type_of, PyPayload};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{flags, SlotDefs, TypeObject};
use crate::types::builtin_func::{GetSetDef, MethodDef};
use crate::types::bytes::{expect_bytes_like, new_bytes};
use crate::types::int::{int_from_usize, to_i64};
use crate::types::list::new_list;
use crate::types::registry::types;
use crate::types::string::{as_str, new_string};
use crate::Value;

enum Buf {
    Text(Vec<char>),
    Bytes(Vec<u8>),
}

impl Buf {
    fn len(&self) -> usize {
        match self {
            Buf::Text(t) => t.len(),
            Buf::Bytes(b) => b.len(),
        }
    }
}

struct MemState {
    buf: Buf,
    pos: usize,
    closed: bool,
    newline: Newline,
}

#[repr(C)]
pub struct MemoryObject {
    pub header: Header,
    state: RefCell<MemState>,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for MemoryObject {}

fn this(v: Value) -> PyResult<&'static MemoryObject> {
    MemoryObject::cast(v).ok_or_else(|| {
        type_error(format!(
            "descriptor requires an in-memory stream but received a '{}'",
            type_of(v).name()
        ))
    })
}

/// Runs `op` on the open stream's state.
fn with_open<R>(v: Value, op: impl FnOnce(&mut MemState) -> PyResult<R>) -> PyResult<R> {
    let m = this(v)?;
    let mut st = m.state.borrow_mut();
    if st.closed {
        return Err(match st.buf {
            Buf::Text(_) => value_error("I/O operation on closed file"),
            Buf::Bytes(_) => closed_error(),
        });
    }
    op(&mut st)
}

fn new_memory(cls: &'static TypeObject, base: &'static TypeObject, st: MemState) -> PyResult {
    let inner = alloc_value(MemoryObject {
        header: Header::new(base),
        state: RefCell::new(st),
    });
    if std::ptr::eq(cls, base) {
        return Ok(inner);
    }
    crate::types::instance::new_wrapped_instance(cls, inner)
}

fn string_io_new(cls: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let [initial, newline] = args::parse("StringIO", a, k, ["initial_value", "newline"], 0)?;
    let newline = if newline.is_null() {
        Newline::Lf
    } else if newline.is_none() {
        Newline::Universal
    } else {
        match as_str(newline) {
            Some("") => Newline::Untranslated,
            Some("\n") => Newline::Lf,
            Some("\r") => Newline::Cr,
            Some("\r\n") => Newline::CrLf,
            _ => {
                return Err(value_error(format!(
                    "illegal newline value: {}",
                    crate::ops::object::repr_string(newline)?
                )))
            }
        }
    };
    let text = if initial.is_null() || initial.is_none() {
        Vec::new()
    } else {
        let Some(s) = as_str(initial) else {
            return Err(type_error(format!(
                "initial_value must be str or None, not {}",
                type_of(initial).name()
            )));
        };
        translate_in(s, newline).chars().collect()
    };
    new_memory(
        cls,
        types().string_io,
        MemState {
            buf: Buf::Text(text),
            pos: 0,
            closed: false,
            newline,
        },
    )
}

fn bytes_io_new(cls: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let [initial] = args::parse("BytesIO", a, k, ["initial_bytes"], 0)?;
    let data = if initial.is_null() || initial.is_none() {
        Vec::new()
    } else {
        expect_bytes_like(initial)?
    };
    new_memory(
        cls,
        types().bytes_io,
        MemState {
            buf: Buf::Bytes(data),
            pos: 0,
            closed: false,
            newline: Newline::Lf,
        },
    )
}

/// What a StringIO stores for written text.
fn translate_in(s: &str, nl: Newline) -> String {
    match nl {
        Newline::Universal if s.contains('\r') => s.replace("\r\n", "\n").replace('\r', "\n"),
        Newline::Cr if s.contains('\n') => s.replace('\n', "\r"),
        Newline::CrLf if s.contains('\n') => s.replace('\n', "\r\n"),
        _ => s.to_string(),
    }
}

fn slice_value(st: &MemState, from: usize, to: usize) -> Value {
    match &st.buf {
        Buf::Text(t) => new_string(t[from..to].iter().collect()),
        Buf::Bytes(b) => new_bytes(b[from..to].to_vec()),
    }
}

fn read(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [size]) = args::method::<1>("read", a, k, 0)?;
    let size = size_arg(size)?;
    with_open(s, |st| {
        let len = st.buf.len();
        let start = st.pos.min(len);
        let end = match size {
            Some(n) => start.saturating_add(n).min(len),
            None => len,
        };
        st.pos = end.max(st.pos);
        Ok(slice_value(st, start, end))
    })
}

/// The end of the line starting at `st.pos`.
fn line_end(st: &MemState, limit: Option<usize>) -> usize {
    let len = st.buf.len();
    let start = st.pos.min(len);
    let stop = limit.map_or(len, |n| start.saturating_add(n).min(len));
    let end = match &st.buf {
        Buf::Bytes(b) => b[start..stop].iter().position(|&c| c == b'\n'),
        Buf::Text(t) => match st.newline {
            Newline::Untranslated => t[start..stop]
                .iter()
                .position(|&c| c == '\n' || c == '\r')
                .map(|i| {
                    if t[start + i] == '\r'
                        && t.get(start + i + 1) == Some(&'\n')
                        && start + i + 1 < stop
                    {
                        i + 1
                    } else {
                        i
                    }
                }),
            Newline::Cr => t[start..stop].iter().position(|&c| c == '\r'),
            _ => t[start..stop].iter().position(|&c| c == '\n'),
        },
    };
    end.map_or(stop, |i| start + i + 1)
}

fn readline_value(s: Value, limit: Option<usize>) -> PyResult {
    with_open(s, |st| {
        let start = st.pos.min(st.buf.len());
        let end = line_end(st, limit);
        st.pos = end.max(st.pos);
        Ok(slice_value(st, start, end))
    })
}

fn readline(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [size]) = args::method::<1>("readline", a, k, 0)?;
    readline_value(s, size_arg(size)?)
}

fn readlines(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [hint]) = args::method::<1>("readlines", a, k, 0)?;
    let hint = size_arg(hint)?.filter(|&h| h > 0);
    with_open(s, |st| {
        let mut lines = Vec::new();
        let mut total = 0;
        while st.pos < st.buf.len() {
            let start = st.pos;
            let end = line_end(st, None);
            st.pos = end;
            lines.push(slice_value(st, start, end));
            total += end - start;
            if hint.is_some_and(|h| total >= h) {
                break;
            }
        }
        Ok(new_list(lines))
    })
}

fn write(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [data]) = args::method::<1>("write", a, k, 1)?;
    let is_text = matches!(this(s)?.state.borrow().buf, Buf::Text(_));
    if is_text {
        let Some(text) = as_str(data) else {
            return Err(type_error(format!(
                "string argument expected, got '{}'",
                type_of(data).name()
            )));
        };
        with_open(s, |st| {
            let chars: Vec<char> = translate_in(text, st.newline).chars().collect();
            let pos = st.pos;
            if let Buf::Text(t) = &mut st.buf {
                write_at(t, pos, &chars, '\0');
            }
            st.pos = pos + chars.len();
            Ok(int_from_usize(text.chars().count()))
        })
    } else {
        let bytes = expect_bytes_like(data)?;
        with_open(s, |st| {
            let pos = st.pos;
            if let Buf::Bytes(b) = &mut st.buf {
                write_at(b, pos, &bytes, 0);
            }
            st.pos = pos + bytes.len();
            Ok(int_from_usize(bytes.len()))
        })
    }
}

/// Overwrites `buf` at `pos` with `data`, padding a gap with `fill`.
fn write_at<T: Copy>(buf: &mut Vec<T>, pos: usize, data: &[T], fill: T) {
    if pos > buf.len() {
        buf.resize(pos, fill);
    }
    let overlap = (buf.len() - pos).min(data.len());
    buf[pos..pos + overlap].copy_from_slice(&data[..overlap]);
    buf.extend_from_slice(&data[overlap..]);
}

fn writelines(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [lines]) = args::method::<1>("writelines", a, k, 1)?;
    let it = crate::ops::iter::iter(lines)?;
    while let Some(line) = crate::ops::iter::next(it)? {
        write(&[s, line], None)?;
    }
    Ok(Value::NONE)
}

fn getvalue(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("getvalue", a, k, 0)?;
    with_open(s, |st| Ok(slice_value(st, 0, st.buf.len())))
}

fn seek(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [pos, whence]) = args::method::<2>("seek", a, k, 1)?;
    let pos = to_i64(pos)?;
    let whence = if whence.is_null() { 0 } else { to_i64(whence)? };
    with_open(s, |st| {
        let is_text = matches!(st.buf, Buf::Text(_));
        let new = match whence {
            0 => {
                if pos < 0 {
                    return Err(value_error(if is_text {
                        format!("Negative seek position {pos}")
                    } else {
                        format!("negative seek value {pos}")
                    }));
                }
                pos
            }
            1 | 2 if is_text && pos != 0 => {
                return Err(raise_new(
                    types().exc.OSError,
                    if whence == 1 {
                        "Can't do nonzero cur-relative seeks"
                    } else {
                        "Can't do nonzero end-relative seeks"
                    },
                ))
            }
            1 => (st.pos as i64 + pos).max(0),
            2 => (st.buf.len() as i64 + pos).max(0),
            _ => {
                return Err(value_error(if is_text {
                    format!("Invalid whence ({whence}, should be 0, 1 or 2)")
                } else {
                    format!("invalid whence ({whence}, should be 0, 1 or 2)")
                }))
            }
        };
        st.pos = new as usize;
        Ok(int_from_usize(st.pos))
    })
}

fn tell(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("tell", a, k, 0)?;
    with_open(s, |st| Ok(int_from_usize(st.pos)))
}

fn truncate(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [size]) = args::method::<1>("truncate", a, k, 0)?;
    with_open(s, |st| {
        let n = if size.is_null() || size.is_none() {
            st.pos
        } else {
            let n = to_i64(size)?;
            if n < 0 {
                return Err(value_error(format!("Negative size value {n}")));
            }
            n as usize
        };
        match &mut st.buf {
            Buf::Text(t) => t.truncate(n),
            Buf::Bytes(b) => b.truncate(n),
        }
        Ok(int_from_usize(n))
    })
}

fn close(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("close", a, k, 0)?;
    let m = this(s)?;
    let mut st = m.state.borrow_mut();
    st.closed = true;
    st.buf = match st.buf {
        Buf::Text(_) => Buf::Text(Vec::new()),
        Buf::Bytes(_) => Buf::Bytes(Vec::new()),
    };
    Ok(Value::NONE)
}

fn flush(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("flush", a, k, 0)?;
    with_open(s, |_| Ok(Value::NONE))
}

fn yes(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("readable", a, k, 0)?;
    with_open(s, |_| Ok(Value::TRUE))
}

fn isatty(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("isatty", a, k, 0)?;
    with_open(s, |_| Ok(Value::FALSE))
}

fn enter(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("__enter__", a, k, 0)?;
    with_open(s, |_| Ok(s))
}

fn exit(a: &[Value], _k: Option<Value>) -> PyResult {
    let s = a.first().copied().unwrap_or(Value::NONE);
    close(&[s], None)
}

fn mem_iter(v: Value) -> PyResult {
    with_open(v, |_| Ok(v))
}

fn mem_next(v: Value) -> PyResult<Option<Value>> {
    let line = readline_value(v, None)?;
    Ok((crate::ops::object::len(line)? > 0).then_some(line))
}

fn closed(v: Value) -> PyResult {
    Ok(Value::from_bool(this(v)?.state.borrow().closed))
}

fn none_attr(v: Value) -> PyResult {
    this(v)?;
    Ok(Value::NONE)
}

fn false_attr(v: Value) -> PyResult {
    this(v)?;
    Ok(Value::FALSE)
}

const METHODS: &[MethodDef] = &[
    MethodDef::new("read", read),
    MethodDef::new("read1", read),
    MethodDef::new("readline", readline),
    MethodDef::new("readlines", readlines),
    MethodDef::new("write", write),
    MethodDef::new("writelines", writelines),
    MethodDef::new("getvalue", getvalue),
    MethodDef::new("seek", seek),
    MethodDef::new("tell", tell),
    MethodDef::new("truncate", truncate),
    MethodDef::new("close", close),
    MethodDef::new("flush", flush),
    MethodDef::new("readable", yes),
    MethodDef::new("writable", yes),
    MethodDef::new("seekable", yes),
    MethodDef::new("isatty", isatty),
    MethodDef::new("__enter__", enter),
    MethodDef::new("__exit__", exit),
];

fn memory_spec(
    name: &'static str,
    new: crate::typeobj::NewFn,
    getsets: &'static [GetSetDef],
) -> TypeSpec {
    TypeSpec {
        module: "_io",
        flags: flags::BASETYPE,
        slots: SlotDefs {
            new: Some(new),
            iter: Some(mem_iter),
            next: Some(mem_next),
            ..SlotDefs::default()
        },
        methods: METHODS,
        getsets,
        ..TypeSpec::new(name, TypeId::of::<MemoryObject>())
    }
}

pub fn string_io_spec() -> TypeSpec {
    memory_spec(
        "StringIO",
        string_io_new,
        const {
            &[
                GetSetDef::readonly("closed", closed),
                GetSetDef::readonly("newlines", none_attr),
                GetSetDef::readonly("line_buffering", false_attr),
            ]
        },
    )
}

pub fn bytes_io_spec() -> TypeSpec {
    memory_spec(
        "BytesIO",
        bytes_io_new,
        const { &[GetSetDef::readonly("closed", closed)] },
    )
}

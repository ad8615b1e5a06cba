//! File objects returned by `open()`: `_io.TextIOWrapper` for text modes,
//! `_io.BufferedReader`/`BufferedWriter`/`BufferedRandom` for binary ones
//! (one Rust struct, four types). Reading, writing, seeking and closing go
//! through the buffered OS file of `raw.rs`; text files decode and encode
//! with the codecs of `types::bytes::codec` and handle newlines as
//! CPython's TextIOWrapper does on Linux (`newline=None` translates
//! `\r\n` and `\r` to `\n` when reading; writing `\n` stays `\n` unless
//! `newline` is `'\r'` or `'\r\n'`). A text file's `tell()` is its byte
//! position (CPython's cookie for a decoder without state).

use std::any::TypeId;
use std::cell::Cell;
use std::io::SeekFrom;

use super::raw::{RawFile, RawHandle};
use crate::args;
use crate::error::{raise_new, type_error, value_error, PyResult, Raised};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{type_of, PyPayload};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{SlotDefs, TypeObject};
use crate::types::builtin_func::{GetSetDef, MethodDef};
use crate::types::bytes::codec::{self, Codec};
use crate::types::bytes::{expect_bytes_like, new_bytes};
use crate::types::int::{int_from_i64, int_from_usize, to_i64};
use crate::types::list::new_list;
use crate::types::registry::types;
use crate::types::string::{as_str, new_str, new_string};
use crate::Value;

/// How a text file treats line endings (the `newline` argument).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Newline {
    /// `None`: any ending reads as `\n`; `\n` is written as is.
    Universal,
    /// `''`: any ending ends a line, untranslated.
    Untranslated,
    Lf,
    Cr,
    CrLf,
}

/// What a text file adds to the bytes.
pub struct TextInfo {
    pub codec: Codec,
    /// As given (`encoding='utf-8'`) or the default `UTF-8`.
    pub encoding: String,
    pub errors: String,
    pub newline: Newline,
    pub line_buffering: bool,
}

#[repr(C)]
pub struct FileObject {
    pub header: Header,
    pub raw: RawHandle,
    pub name: Cell<Value>,
    pub mode: String,
    pub text: Option<TextInfo>,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for FileObject {}

/// A new file object of type `ty` over `raw`.
pub fn new_file(
    ty: &'static TypeObject,
    raw: RawFile,
    name: Value,
    mode: String,
    text: Option<TextInfo>,
) -> Value {
    alloc_value(FileObject {
        header: Header::new(ty),
        raw: super::raw::register(raw),
        name: Cell::new(name),
        mode,
        text,
    })
}

fn this(v: Value) -> PyResult<&'static FileObject> {
    FileObject::cast(v).ok_or_else(|| {
        type_error(format!(
            "descriptor requires a file object but received a '{}'",
            type_of(v).name()
        ))
    })
}

/// `ValueError: I/O operation on closed file.`
pub fn closed_error() -> Raised {
    value_error("I/O operation on closed file.")
}

/// `io.UnsupportedOperation: what`.
pub fn unsupported(what: &str) -> Raised {
    raise_new(types().exc.UnsupportedOperation, what)
}

fn io_err(e: std::io::Error) -> Raised {
    super::super::oserror::raise_io(&e, None)
}

/// Runs `op` on the open file (ValueError once closed).
fn with_raw<R>(f: &FileObject, op: impl FnOnce(&mut RawFile) -> std::io::Result<R>) -> PyResult<R> {
    let mut guard = f.raw.borrow_mut();
    let raw = guard.as_mut().ok_or_else(closed_error)?;
    op(raw).map_err(io_err)
}

fn check_readable(f: &FileObject) -> PyResult<()> {
    match f.raw.borrow().as_ref() {
        None => Err(closed_error()),
        Some(r) if !r.readable => Err(unsupported(if f.text.is_some() {
            "not readable"
        } else {
            "read"
        })),
        Some(_) => Ok(()),
    }
}

fn check_writable(f: &FileObject) -> PyResult<()> {
    match f.raw.borrow().as_ref() {
        None => Err(closed_error()),
        Some(r) if !r.writable => Err(unsupported(if f.text.is_some() {
            "not writable"
        } else {
            "write"
        })),
        Some(_) => Ok(()),
    }
}

/// A size argument (of files and in-memory streams alike): None or
/// negative means "all".
pub(super) fn size_arg(v: Value) -> PyResult<Option<usize>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    let n = crate::types::int::index_value(v)?.ok_or_else(|| {
        type_error(format!(
            "argument should be integer or None, not '{}'",
            type_of(v).name()
        ))
    })?;
    Ok(usize::try_from(n).ok())
}

// ---- the text layer ----

/// Bytes per character of `c` in `codec` (for consuming decoded text).
fn encoded_len(codec: Codec, c: char) -> usize {
    match codec {
        Codec::Utf8 => c.len_utf8(),
        Codec::Ascii | Codec::Latin1 => 1,
    }
}

fn translate(s: String, nl: Newline) -> String {
    if nl == Newline::Universal && s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s
    }
}

fn decode(t: &TextInfo, data: &[u8]) -> PyResult<String> {
    codec::decode(data, t.codec, &t.errors)
}

/// The byte length of the next line in the read-ahead (filling as
/// needed), including its terminator.
fn line_end(raw: &mut RawFile, nl: Newline) -> std::io::Result<usize> {
    let mut scan = 0;
    loop {
        let avail = raw.available();
        let found = match nl {
            Newline::Lf => avail[scan..]
                .iter()
                .position(|&b| b == b'\n')
                .map(|i| (scan + i, 1)),
            Newline::Cr => avail[scan..]
                .iter()
                .position(|&b| b == b'\r')
                .map(|i| (scan + i, 1)),
            Newline::CrLf => avail[scan..]
                .windows(2)
                .position(|w| w == b"\r\n")
                .map(|i| (scan + i, 2)),
            Newline::Universal | Newline::Untranslated => avail[scan..]
                .iter()
                .position(|&b| b == b'\n' || b == b'\r')
                .map(|i| {
                    let at = scan + i;
                    let crlf = avail[at] == b'\r' && avail.get(at + 1) == Some(&b'\n');
                    (at, if crlf { 2 } else { 1 })
                }),
        };
        if let Some((at, len)) = found {
            // A `\r` at the end of the read-ahead may start a `\r\n`.
            let cr_last = raw.available()[at] == b'\r' && at + 1 == raw.available().len();
            if !(cr_last && matches!(nl, Newline::Universal | Newline::Untranslated)) {
                return Ok(at + len);
            }
            if raw.fill()? == 0 {
                return Ok(at + len);
            }
            continue;
        }
        scan = raw.available().len().saturating_sub(1);
        if raw.fill()? == 0 {
            return Ok(raw.available().len());
        }
    }
}

/// The first `n` characters of `text` and their length in the file
/// (a translated `\r\n` counts as one character of two bytes).
fn take_chars(t: &TextInfo, text: &str, n: usize) -> (String, usize) {
    let mut out = String::new();
    let mut bytes = 0;
    let mut chars = text.chars().peekable();
    let mut count = 0;
    while count < n {
        let Some(c) = chars.next() else { break };
        bytes += encoded_len(t.codec, c);
        if c == '\r' && t.newline == Newline::Universal {
            if chars.peek() == Some(&'\n') {
                chars.next();
                bytes += 1;
            }
            out.push('\n');
        } else {
            out.push(c);
        }
        count += 1;
    }
    (out, bytes)
}

fn text_readline(f: &FileObject, t: &TextInfo, limit: Option<usize>) -> PyResult<String> {
    check_readable(f)?;
    let mut guard = f.raw.borrow_mut();
    let raw = guard.as_mut().ok_or_else(closed_error)?;
    let end = line_end(raw, t.newline).map_err(io_err)?;
    let line = decode(t, &raw.available()[..end])?;
    match limit {
        Some(n) if line.chars().count() > n => {
            let (out, used) = take_chars(t, &line, n);
            raw.consume(used);
            Ok(out)
        }
        _ => {
            raw.consume(end);
            Ok(translate(line, t.newline))
        }
    }
}

fn text_read(f: &FileObject, t: &TextInfo, size: Option<usize>) -> PyResult<String> {
    check_readable(f)?;
    let mut guard = f.raw.borrow_mut();
    let raw = guard.as_mut().ok_or_else(closed_error)?;
    let Some(n) = size else {
        let data = raw.read_all().map_err(io_err)?;
        return Ok(translate(decode(t, &data)?, t.newline));
    };
    let want = n.saturating_mul(4).saturating_add(1);
    let eof = raw.fill_to(want).map_err(io_err)?;
    let avail = raw.available();
    let mut cut = avail.len().min(want);
    if !eof && t.codec == Codec::Utf8 {
        while cut > 0 && cut < avail.len() && avail[cut] & 0xC0 == 0x80 {
            cut -= 1;
        }
    }
    let text = decode(t, &avail[..cut])?;
    let (out, used) = take_chars(t, &text, n);
    raw.consume(used);
    Ok(out)
}

fn text_write(f: &FileObject, t: &TextInfo, s: &str) -> PyResult<()> {
    check_writable(f)?;
    let translated;
    let s = match t.newline {
        Newline::Cr if s.contains('\n') => {
            translated = s.replace('\n', "\r");
            &translated
        }
        Newline::CrLf if s.contains('\n') => {
            translated = s.replace('\n', "\r\n");
            &translated
        }
        _ => s,
    };
    let data = codec::encode(s, t.codec, &t.errors)?;
    let flush = t.line_buffering && (s.contains('\n') || s.contains('\r'));
    with_raw(f, |raw| {
        raw.skip_readahead();
        raw.write(&data)?;
        if flush {
            raw.flush()?;
        }
        Ok(())
    })
}

// ---- methods ----

fn read(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [size]) = args::method::<1>("read", a, k, 0)?;
    let f = this(s)?;
    let size = size_arg(size)?;
    match &f.text {
        Some(t) => Ok(new_string(text_read(f, t, size)?)),
        None => {
            check_readable(f)?;
            let data = with_raw(f, |raw| match size {
                None => raw.read_all(),
                Some(n) => raw.read_upto(n),
            })?;
            Ok(new_bytes(data))
        }
    }
}

/// One line (None: no limit) as a str or bytes value; empty at the end.
fn next_line(f: &FileObject, limit: Option<usize>) -> PyResult {
    match &f.text {
        Some(t) => Ok(new_string(text_readline(f, t, limit)?)),
        None => {
            check_readable(f)?;
            let data = with_raw(f, |raw| {
                let mut end = super::raw_line_end(raw)?;
                if let Some(n) = limit {
                    end = end.min(n);
                }
                let out = raw.available()[..end].to_vec();
                raw.consume(end);
                Ok(out)
            })?;
            Ok(new_bytes(data))
        }
    }
}

fn is_empty_line(v: Value) -> bool {
    match as_str(v) {
        Some(s) => s.is_empty(),
        None => crate::types::bytes::bytes_data(v).is_some_and(|d| d.is_empty()),
    }
}

fn readline(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [size]) = args::method::<1>("readline", a, k, 0)?;
    next_line(this(s)?, size_arg(size)?)
}

fn readlines(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [hint]) = args::method::<1>("readlines", a, k, 0)?;
    let f = this(s)?;
    let hint = size_arg(hint)?.filter(|&h| h > 0);
    let mut lines = crate::gc::RootedVec::new();
    let mut total = 0;
    loop {
        let line = next_line(f, None)?;
        if is_empty_line(line) {
            break;
        }
        total += crate::ops::object::len(line)?;
        lines.push(line);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(new_list(lines.to_vec()))
}

fn write(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [data]) = args::method::<1>("write", a, k, 1)?;
    let f = this(s)?;
    match &f.text {
        Some(t) => {
            let Some(text) = as_str(data) else {
                return Err(type_error(format!(
                    "write() argument must be str, not {}",
                    type_of(data).name()
                )));
            };
            text_write(f, t, text)?;
            Ok(int_from_usize(text.chars().count()))
        }
        None => {
            check_writable(f)?;
            let bytes = expect_bytes_like(data)?;
            with_raw(f, |raw| raw.write(&bytes))?;
            Ok(int_from_usize(bytes.len()))
        }
    }
}

fn writelines(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [lines]) = args::method::<1>("writelines", a, k, 1)?;
    let it = crate::ops::iter::iter(lines)?;
    while let Some(line) = crate::ops::iter::next(it)? {
        write(&[s, line], None)?;
    }
    Ok(Value::NONE)
}

fn seek(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [offset, whence]) = args::method::<2>("seek", a, k, 1)?;
    let f = this(s)?;
    let off = crate::types::int::index_value(offset)?.ok_or_else(|| {
        type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_of(offset).name()
        ))
    })?;
    let whence = if whence.is_null() { 0 } else { to_i64(whence)? };
    if f.raw.borrow().is_none() {
        return Err(closed_error());
    }
    let to = match whence {
        0 => {
            if off < 0 {
                return Err(if f.text.is_some() {
                    value_error(format!("negative seek position {off}"))
                } else {
                    value_error(format!("negative seek value {off}"))
                });
            }
            SeekFrom::Start(off as u64)
        }
        1 | 2 if f.text.is_some() && off != 0 => {
            return Err(unsupported(if whence == 1 {
                "can't do nonzero cur-relative seeks"
            } else {
                "can't do nonzero end-relative seeks"
            }))
        }
        1 => SeekFrom::Current(off),
        2 => SeekFrom::End(off),
        _ => {
            return Err(value_error(if f.text.is_some() {
                format!("invalid whence ({whence}, should be 0, 1 or 2)")
            } else {
                format!("whence value {whence} unsupported")
            }))
        }
    };
    let pos = with_raw(f, |raw| raw.seek(to))?;
    Ok(int_from_i64(pos as i64))
}

fn tell(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("tell", a, k, 0)?;
    let pos = with_raw(this(s)?, |raw| raw.tell())?;
    Ok(int_from_i64(pos as i64))
}

fn truncate(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [size]) = args::method::<1>("truncate", a, k, 0)?;
    let f = this(s)?;
    check_writable(f)?;
    let size = if size.is_null() || size.is_none() {
        None
    } else {
        let n = to_i64(size)?;
        if n < 0 {
            return Err(value_error(format!("negative size value {n}")));
        }
        Some(n as u64)
    };
    let n = with_raw(f, |raw| raw.truncate(size))?;
    Ok(int_from_i64(n as i64))
}

fn flush(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("flush", a, k, 0)?;
    with_raw(this(s)?, |raw| raw.flush())?;
    Ok(Value::NONE)
}

/// Closes `f` (a no-op when already closed).
pub fn close_file(f: &FileObject) -> PyResult<()> {
    let raw = f.raw.borrow_mut().take();
    if let Some(mut raw) = raw {
        raw.close().map_err(io_err)?;
    }
    Ok(())
}

fn close(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("close", a, k, 0)?;
    close_file(this(s)?)?;
    Ok(Value::NONE)
}

fn fileno(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("fileno", a, k, 0)?;
    let fd = with_raw(this(s)?, |raw| Ok(raw.fd()))?;
    Ok(int_from_i64(fd as i64))
}

fn isatty(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("isatty", a, k, 0)?;
    let fd = with_raw(this(s)?, |raw| Ok(raw.fd()))?;
    // SAFETY: isatty on a descriptor this file owns.
    Ok(Value::from_bool(unsafe { libc::isatty(fd) } == 1))
}

fn readable(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("readable", a, k, 0)?;
    Ok(Value::from_bool(with_raw(
        this(s)?,
        |raw| Ok(raw.readable),
    )?))
}

fn writable(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("writable", a, k, 0)?;
    Ok(Value::from_bool(with_raw(
        this(s)?,
        |raw| Ok(raw.writable),
    )?))
}

fn seekable(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("seekable", a, k, 0)?;
    Ok(Value::from_bool(with_raw(this(s)?, |raw| {
        Ok(raw.seekable())
    })?))
}

fn enter(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("__enter__", a, k, 0)?;
    if this(s)?.raw.borrow().is_none() {
        return Err(closed_error());
    }
    Ok(s)
}

fn exit(a: &[Value], _k: Option<Value>) -> PyResult {
    let s = a.first().copied().unwrap_or(Value::NONE);
    close_file(this(s)?)?;
    Ok(Value::NONE)
}

fn file_iter(v: Value) -> PyResult {
    if this(v)?.raw.borrow().is_none() {
        return Err(closed_error());
    }
    Ok(v)
}

fn file_next(v: Value) -> PyResult<Option<Value>> {
    let line = next_line(this(v)?, None)?;
    Ok((!is_empty_line(line)).then_some(line))
}

fn closed(v: Value) -> PyResult {
    Ok(Value::from_bool(this(v)?.raw.borrow().is_none()))
}

fn name(v: Value) -> PyResult {
    Ok(this(v)?.name.get())
}

fn mode(v: Value) -> PyResult {
    Ok(new_str(&this(v)?.mode))
}

fn text_info(v: Value, what: &str) -> PyResult<&'static TextInfo> {
    this(v)?
        .text
        .as_ref()
        .ok_or_else(|| crate::error::attribute_error_no_attr(v, what))
}

fn encoding(v: Value) -> PyResult {
    Ok(new_str(&text_info(v, "encoding")?.encoding))
}

fn errors(v: Value) -> PyResult {
    Ok(new_str(&text_info(v, "errors")?.errors))
}

fn line_buffering(v: Value) -> PyResult {
    Ok(Value::from_bool(
        text_info(v, "line_buffering")?.line_buffering,
    ))
}

fn newlines(v: Value) -> PyResult {
    text_info(v, "newlines")?;
    Ok(Value::NONE)
}

fn file_repr(v: Value) -> PyResult {
    let f = this(v)?;
    let ty = type_of(v);
    let module = crate::ops::attr::getattr_str(ty.as_value(), "__module__")
        .ok()
        .and_then(|m| as_str(m).map(str::to_string))
        .unwrap_or_else(|| "_io".to_string());
    let name = crate::ops::object::repr_string(f.name.get())?;
    Ok(new_string(match &f.text {
        Some(t) => format!(
            "<{module}.{} name={name} mode='{}' encoding='{}'>",
            ty.name(),
            f.mode,
            t.encoding
        ),
        None => format!("<{module}.{} name={name}>", ty.name()),
    }))
}

fn trace_file(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(f) = crate::object::downcast::<FileObject>(v) {
        visit(f.name.get());
    }
}

const METHODS: &[MethodDef] = &[
    MethodDef::new("read", read),
    MethodDef::new("read1", read),
    MethodDef::new("readline", readline),
    MethodDef::new("readlines", readlines),
    MethodDef::new("write", write),
    MethodDef::new("writelines", writelines),
    MethodDef::new("seek", seek),
    MethodDef::new("tell", tell),
    MethodDef::new("truncate", truncate),
    MethodDef::new("flush", flush),
    MethodDef::new("close", close),
    MethodDef::new("fileno", fileno),
    MethodDef::new("isatty", isatty),
    MethodDef::new("readable", readable),
    MethodDef::new("writable", writable),
    MethodDef::new("seekable", seekable),
    MethodDef::new("__enter__", enter),
    MethodDef::new("__exit__", exit),
];

const BINARY_GETSETS: &[GetSetDef] = &[
    GetSetDef::readonly("closed", closed),
    GetSetDef::readonly("name", name),
    GetSetDef::readonly("mode", mode),
];

const TEXT_GETSETS: &[GetSetDef] = &[
    GetSetDef::readonly("closed", closed),
    GetSetDef::readonly("name", name),
    GetSetDef::readonly("mode", mode),
    GetSetDef::readonly("encoding", encoding),
    GetSetDef::readonly("errors", errors),
    GetSetDef::readonly("line_buffering", line_buffering),
    GetSetDef::readonly("newlines", newlines),
];

fn file_spec(name: &'static str, getsets: &'static [GetSetDef]) -> TypeSpec {
    TypeSpec {
        module: "_io",
        slots: SlotDefs {
            repr: Some(file_repr),
            iter: Some(file_iter),
            next: Some(file_next),
            ..SlotDefs::default()
        },
        methods: METHODS,
        getsets,
        trace: trace_file,
        ..TypeSpec::new(name, TypeId::of::<FileObject>())
    }
}

pub fn text_io_wrapper_spec() -> TypeSpec {
    file_spec("TextIOWrapper", TEXT_GETSETS)
}

pub fn buffered_reader_spec() -> TypeSpec {
    file_spec("BufferedReader", BINARY_GETSETS)
}

pub fn buffered_writer_spec() -> TypeSpec {
    file_spec("BufferedWriter", BINARY_GETSETS)
}

pub fn buffered_random_spec() -> TypeSpec {
    file_spec("BufferedRandom", BINARY_GETSETS)
}

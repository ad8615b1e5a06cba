//! The `io` module (also importable as `_io`) and the `open()` builtin.
//!
//! Provides `open`, `TextIOWrapper`, `BufferedReader`, `BufferedWriter`,
//! `BufferedRandom` (the file objects, see `file.rs`), `StringIO` and
//! `BytesIO` (in-memory streams, `memory.rs`), `UnsupportedOperation`,
//! `DEFAULT_BUFFER_SIZE` and `SEEK_SET`/`SEEK_CUR`/`SEEK_END`.
//!
//! Missing compared with CPython 3.11: the abstract base classes
//! (`IOBase`, `RawIOBase`, `BufferedIOBase`, `TextIOBase`), `FileIO`,
//! `BufferedRWPair`, `IncrementalNewlineDecoder`, `open_code`,
//! `text_encoding`; constructing the file classes directly; `readinto`,
//! `peek`, `detach`, `reconfigure`, a text file's `buffer`; `opener`;
//! unbuffered binary files (`buffering=0` is accepted and buffers).

pub mod file;
pub mod memory;
pub mod raw;

use std::fs::OpenOptions;
use std::io::SeekFrom;
use std::os::fd::FromRawFd;
use std::os::unix::fs::OpenOptionsExt;

use crate::args;
use crate::error::{type_error, value_error, PyResult};
use crate::object::type_of;
use crate::typeobj::builder::builtin_function;
use crate::types::bytes::codec;
use crate::types::int::{int_of, to_i64};
use crate::types::module::{new_module, ModuleObject};
use crate::types::registry::types;
use crate::types::string::{as_str, intern, new_str};
use crate::Value;
use file::{new_file, Newline, TextInfo};
use raw::RawFile;

/// The byte length of the next binary line in the read-ahead (through
/// its `\n`, or to the end of the file).
fn raw_line_end(raw: &mut RawFile) -> std::io::Result<usize> {
    let mut scan = 0;
    loop {
        if let Some(i) = raw.available()[scan..].iter().position(|&b| b == b'\n') {
            return Ok(scan + i + 1);
        }
        scan = raw.available().len();
        if raw.fill()? == 0 {
            return Ok(raw.available().len());
        }
    }
}

/// The parsed `mode` argument of `open()`.
struct Mode {
    read: bool,
    write: bool,
    append: bool,
    create_new: bool,
    truncate: bool,
    plus: bool,
    binary: bool,
}

fn parse_mode(mode: &str) -> PyResult<Mode> {
    let invalid = || value_error(format!("invalid mode: '{mode}'"));
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwaxbt+U".contains(c) || seen.contains(c) {
            return Err(invalid());
        }
        seen.push(c);
    }
    let has = |c| seen.contains(c);
    let creating = [has('r'), has('w'), has('a'), has('x')]
        .iter()
        .filter(|&&b| b)
        .count();
    if has('U') {
        return Err(invalid());
    }
    if has('t') && has('b') {
        return Err(value_error("can't have text and binary mode at once"));
    }
    if creating != 1 {
        return Err(value_error(
            "must have exactly one of create/read/write/append mode",
        ));
    }
    Ok(Mode {
        read: has('r') || has('+'),
        write: !has('r') || has('+'),
        append: has('a'),
        create_new: has('x'),
        truncate: has('w'),
        plus: has('+'),
        binary: has('b'),
    })
}

/// The mode a binary file reports (`rb`, `wb`, `ab`, `xb`, `rb+`…).
fn binary_mode_name(m: &Mode) -> String {
    let base = if m.create_new {
        "xb"
    } else if m.append {
        "ab"
    } else if m.read {
        "rb"
    } else {
        "wb"
    };
    if m.plus {
        format!("{base}+")
    } else {
        base.to_string()
    }
}

/// A path argument (str, bytes or os.PathLike) as a Rust path string.
pub fn path_arg(fname: &str, v: Value) -> PyResult<String> {
    if let Some(s) = as_str(v) {
        if s.contains('\0') {
            return Err(value_error("embedded null byte"));
        }
        return Ok(s.to_string());
    }
    if let Some(b) = crate::types::bytes::bytes_data(v) {
        return Ok(String::from_utf8_lossy(&b).into_owned());
    }
    if let Ok(Some(f)) = crate::ops::attr::lookup_special(v, "__fspath__") {
        let p = crate::ops::call::call(f, &[], None)?;
        if let Some(s) = as_str(p) {
            return Ok(s.to_string());
        }
    }
    let _ = fname;
    Err(type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        type_of(v).name()
    )))
}

fn newline_arg(v: Value) -> PyResult<Newline> {
    if v.is_null() || v.is_none() {
        return Ok(Newline::Universal);
    }
    let Some(s) = as_str(v) else {
        return Err(type_error(format!(
            "open() argument 'newline' must be str or None, not {}",
            type_of(v).name()
        )));
    };
    Ok(match s {
        "" => Newline::Untranslated,
        "\n" => Newline::Lf,
        "\r" => Newline::Cr,
        "\r\n" => Newline::CrLf,
        _ => return Err(value_error(format!("illegal newline value: {s}"))),
    })
}

fn opt_str(v: Value, what: &str) -> PyResult<Option<&'static str>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    as_str(v).map(Some).ok_or_else(|| {
        type_error(format!(
            "open() argument '{what}' must be str or None, not {}",
            type_of(v).name()
        ))
    })
}

/// The name CPython gives the default text encoding: `UTF-8` (the
/// locale's codeset) under a UTF-8 locale, `utf-8` in its UTF-8 mode (the
/// C/POSIX locale or PYTHONUTF8=1). Other codesets are read as UTF-8.
fn default_encoding_name() -> &'static str {
    if std::env::var("PYTHONUTF8").is_ok_and(|v| v == "1") {
        return "utf-8";
    }
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty());
    match locale.as_deref() {
        None | Some("C") | Some("POSIX") => "utf-8",
        Some(_) => "UTF-8",
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`.
pub fn open(a: &[Value], k: Option<Value>) -> PyResult {
    let [file, mode, buffering, encoding, errors, newline, closefd, _opener] = args::parse(
        "open",
        a,
        k,
        [
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        1,
    )?;
    let mode_str = if mode.is_null() {
        "r"
    } else {
        as_str(mode).ok_or_else(|| {
            type_error(format!(
                "open() argument 'mode' must be str, not {}",
                type_of(mode).name()
            ))
        })?
    };
    let m = parse_mode(mode_str)?;
    let buffering = if buffering.is_null() {
        -1
    } else {
        to_i64(buffering)?
    };
    let encoding = opt_str(encoding, "encoding")?;
    let errors = opt_str(errors, "errors")?;
    let nl = newline_arg(newline)?;
    if m.binary {
        if encoding.is_some() {
            return Err(value_error("binary mode doesn't take an encoding argument"));
        }
        if errors.is_some() {
            return Err(value_error("binary mode doesn't take an errors argument"));
        }
        if !newline.is_null() && !newline.is_none() {
            return Err(value_error("binary mode doesn't take a newline argument"));
        }
    } else if buffering == 0 {
        return Err(value_error("can't have unbuffered text I/O"));
    }
    let closefd = closefd.is_null() || crate::ops::object::is_true(closefd)?;
    let text = if m.binary {
        None
    } else {
        Some(TextInfo {
            codec: codec::lookup(encoding.unwrap_or("utf-8"))?,
            encoding: encoding.unwrap_or_else(default_encoding_name).to_string(),
            errors: errors.unwrap_or("strict").to_string(),
            newline: nl,
            line_buffering: buffering == 1,
        })
    };
    raw::flush_all();
    let std_file = if int_of(file).is_some() && !file.is_bool() {
        let fd = to_i64(file)?;
        if fd < 0 {
            return Err(value_error("negative file descriptor"));
        }
        // SAFETY: the program handed us this descriptor; with closefd
        // (the default) the file object owns it from now on.
        unsafe { std::fs::File::from_raw_fd(fd as i32) }
    } else {
        if !closefd {
            return Err(value_error("Cannot use closefd=False with file name"));
        }
        let path = path_arg("open", file)?;
        let mut opts = OpenOptions::new();
        opts.read(m.read)
            .write(m.write && !m.append)
            .append(m.append)
            .truncate(m.truncate)
            .create(m.truncate || m.append)
            .create_new(m.create_new)
            .custom_flags(libc::O_CLOEXEC);
        opts.open(&path)
            .map_err(|e| super::oserror::raise_io(&e, Some(file)))?
    };
    let mut rawf = RawFile::new(std_file, m.read, m.write, closefd);
    if rawf.is_dir() {
        return Err(super::oserror::raise_errno(libc::EISDIR, Some(file), None));
    }
    if m.append {
        let _ = rawf.seek(SeekFrom::End(0));
    }
    let t = types();
    let (ty, mode_name) = match (&text, m.read, m.write) {
        (Some(_), _, _) => (t.text_io_wrapper, mode_str.to_string()),
        (None, true, true) => (t.buffered_random, binary_mode_name(&m)),
        (None, true, false) => (t.buffered_reader, binary_mode_name(&m)),
        (None, _, _) => (t.buffered_writer, binary_mode_name(&m)),
    };
    Ok(new_file(ty, rawf, file, mode_name, text))
}

/// Builds the `io` module (`name` is `io` or `_io`).
fn make_named(name: &str) -> Value {
    let m = new_module(name);
    if let Some(d) = ModuleObject::cast(m).map(|m| m.dict()) {
        let t = types();
        let open_fn = crate::runtime::builtins_dict()
            .get_str(intern("open"))
            .unwrap_or_else(|| builtin_function("open", open));
        d.set_str(intern("open"), open_fn);
        for ty in [
            t.text_io_wrapper,
            t.buffered_reader,
            t.buffered_writer,
            t.buffered_random,
            t.string_io,
            t.bytes_io,
            t.exc.UnsupportedOperation,
        ] {
            d.set_str(intern(ty.name()), ty.as_value());
        }
        d.set_str(intern("DEFAULT_BUFFER_SIZE"), Value::small_int(8192));
        for (n, v) in [("SEEK_SET", 0), ("SEEK_CUR", 1), ("SEEK_END", 2)] {
            d.set_str(intern(n), Value::small_int(v));
        }
        d.set_str(
            intern("__doc__"),
            new_str("The io module: files and in-memory streams."),
        );
    }
    m
}

/// Builds the `io` module.
pub fn make_module() -> Value {
    make_named("io")
}

/// Builds the `_io` module.
pub fn make_private_module() -> Value {
    make_named("_io")
}

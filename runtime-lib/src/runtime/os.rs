//! The `_os` module: the POSIX calls behind `os` and `os.path`
//! (runtime-lib/pylib/os.py, posixpath.py), each raising CPython's
//! OSError subclass with the path as `filename`: getcwd, chdir, listdir,
//! mkdir, rmdir, remove/unlink, rename/replace, stat/lstat (an
//! `os.stat_result` struct sequence), chmod, access, symlink, readlink,
//! utime, the descriptor calls open/close/read/write/lseek/isatty, getpid,
//! getppid, getuid, cpu_count, urandom, strerror, umask, the environment
//! (environ snapshot, putenv, unsetenv) and the O_*/F_OK… constants.
//!
//! Missing compared with CPython's `posix`: processes (fork, exec*,
//! spawn*, waitpid, kill), pipes and dup, file-descriptor variants of the
//! path calls (`dir_fd`, `follow_symlinks=False` for most), scandir's
//! cached `DirEntry` (os.py builds it from listdir and stat), statvfs,
//! extended attributes, scheduling and terminal control.

use std::ffi::CString;
use std::io::{Read, Write};
use std::os::fd::FromRawFd;
use std::os::unix::fs::{MetadataExt, PermissionsExt};

use crate::args;
use crate::error::{type_error, value_error, PyResult};
use crate::object::{type_of, PyPayload};
use crate::typeobj::builder::builtin_function;
use crate::types::builtin_func::BuiltinFn;
use crate::types::bytes::{expect_bytes_like, new_bytes};
use crate::types::dict::DictObject;
use crate::types::int::{int_from_i128, int_from_i64, to_i64};
use crate::types::list::new_list;
use crate::types::module::{new_module, ModuleObject};
use crate::types::string::{as_str, intern, new_str, new_string};
use crate::types::structseq::new_struct_seq_extra;
use crate::Value;

use super::io::path_arg;
use super::oserror::{raise_errno, raise_io, raise_io2};

/// A path argument and its value (for the error's `filename`).
fn path(fname: &str, v: Value) -> PyResult<String> {
    path_accepting(fname, v, "string, bytes or os.PathLike")
}

/// A path argument; the TypeError names what `fname` accepts, as
/// CPython's `path_converter` does.
fn path_accepting(fname: &str, v: Value, accepted: &str) -> PyResult<String> {
    super::io::raw::flush_all();
    let pathlike = as_str(v).is_some()
        || crate::types::bytes::bytes_data(v).is_some()
        || type_of(v).lookup_str("__fspath__").is_some();
    if !pathlike {
        return Err(type_error(format!(
            "{fname}: path should be {accepted}, not {}",
            type_of(v).name()
        )));
    }
    path_arg(fname, v)
}

fn optional_mode(v: Value, default: u32) -> PyResult<u32> {
    if v.is_null() {
        Ok(default)
    } else {
        Ok(to_i64(v)? as u32)
    }
}

fn getcwd(a: &[Value], k: Option<Value>) -> PyResult {
    args::exact::<0>("getcwd", a, k)?;
    let cwd = std::env::current_dir().map_err(|e| raise_io(&e, None))?;
    Ok(new_string(cwd.to_string_lossy().into_owned()))
}

fn chdir(a: &[Value], k: Option<Value>) -> PyResult {
    let [p] = args::parse("chdir", a, k, ["path"], 1)?;
    std::env::set_current_dir(path("chdir", p)?).map_err(|e| raise_io(&e, Some(p)))?;
    Ok(Value::NONE)
}

fn listdir(a: &[Value], k: Option<Value>) -> PyResult {
    let [p] = args::parse("listdir", a, k, ["path"], 0)?;
    let (dir, as_bytes) = if p.is_null() || p.is_none() {
        (".".to_string(), false)
    } else {
        (
            path_accepting("listdir", p, "string, bytes, os.PathLike, integer or None")?,
            crate::types::bytes::bytes_data(p).is_some(),
        )
    };
    let shown = if p.is_null() || p.is_none() {
        new_str(".")
    } else {
        p
    };
    let entries = std::fs::read_dir(&dir).map_err(|e| raise_io(&e, Some(shown)))?;
    let mut names = Vec::new();
    for e in entries {
        let e = e.map_err(|e| raise_io(&e, Some(shown)))?;
        let n = e.file_name().to_string_lossy().into_owned();
        names.push(if as_bytes {
            new_bytes(n.into_bytes())
        } else {
            new_string(n)
        });
    }
    Ok(new_list(names))
}

fn mkdir(a: &[Value], k: Option<Value>) -> PyResult {
    let [p, mode] = args::parse("mkdir", a, k, ["path", "mode"], 1)?;
    let mode = optional_mode(mode, 0o777)?;
    let mut b = std::fs::DirBuilder::new();
    std::os::unix::fs::DirBuilderExt::mode(&mut b, mode);
    b.create(path("mkdir", p)?)
        .map_err(|e| raise_io(&e, Some(p)))?;
    Ok(Value::NONE)
}

fn rmdir(a: &[Value], k: Option<Value>) -> PyResult {
    let [p] = args::parse("rmdir", a, k, ["path"], 1)?;
    std::fs::remove_dir(path("rmdir", p)?).map_err(|e| raise_io(&e, Some(p)))?;
    Ok(Value::NONE)
}

fn remove(a: &[Value], k: Option<Value>) -> PyResult {
    let [p] = args::parse("remove", a, k, ["path"], 1)?;
    let c = cpath(&path("remove", p)?)?;
    // SAFETY: a NUL-terminated path. unlink(2) (not std's remove_file) so
    // a directory gives EISDIR as in CPython.
    if unsafe { libc::unlink(c.as_ptr()) } != 0 {
        return Err(raise_io(&std::io::Error::last_os_error(), Some(p)));
    }
    Ok(Value::NONE)
}

fn rename(a: &[Value], k: Option<Value>) -> PyResult {
    let [src, dst] = args::parse("rename", a, k, ["src", "dst"], 2)?;
    std::fs::rename(path("rename", src)?, path("rename", dst)?)
        .map_err(|e| raise_io2(&e, Some(src), Some(dst)))?;
    Ok(Value::NONE)
}

const STAT_FIELDS: &[&str] = &[
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime",
    "st_mtime", "st_ctime",
];
const STAT_EXTRA: &[&str] = &[
    "st_atime",
    "st_mtime",
    "st_ctime",
    "st_atime_ns",
    "st_mtime_ns",
    "st_ctime_ns",
    "st_blksize",
    "st_blocks",
    "st_rdev",
];

fn stat_result(m: &std::fs::Metadata) -> Value {
    let items = [
        int_from_i64(m.mode() as i64),
        int_from_i128(m.ino() as i128),
        int_from_i128(m.dev() as i128),
        int_from_i64(m.nlink() as i64),
        int_from_i64(m.uid() as i64),
        int_from_i64(m.gid() as i64),
        int_from_i64(m.size() as i64),
        int_from_i64(m.atime()),
        int_from_i64(m.mtime()),
        int_from_i64(m.ctime()),
    ];
    let secs = |s: i64, ns: i64| Value::from_f64(s as f64 + ns as f64 * 1e-9);
    let nanos = |s: i64, ns: i64| int_from_i128(s as i128 * 1_000_000_000 + ns as i128);
    let extra = [
        secs(m.atime(), m.atime_nsec()),
        secs(m.mtime(), m.mtime_nsec()),
        secs(m.ctime(), m.ctime_nsec()),
        nanos(m.atime(), m.atime_nsec()),
        nanos(m.mtime(), m.mtime_nsec()),
        nanos(m.ctime(), m.ctime_nsec()),
        int_from_i64(m.blksize() as i64),
        int_from_i64(m.blocks() as i64),
        int_from_i128(m.rdev() as i128),
    ];
    new_struct_seq_extra("os.stat_result", STAT_FIELDS, &items, STAT_EXTRA, &extra)
}

fn stat(a: &[Value], k: Option<Value>) -> PyResult {
    let [p, _dir_fd, follow] = args::parse("stat", a, k, ["path", "dir_fd", "follow_symlinks"], 1)?;
    let follow = follow.is_null() || crate::ops::object::is_true(follow)?;
    if let (Some(_), false) = (crate::types::int::int_of(p), p.is_bool()) {
        let fd = to_i64(p)? as i32;
        // SAFETY: fstat through a borrowed descriptor that is not closed.
        let f = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
        let m = f.metadata().map_err(|e| raise_io(&e, None))?;
        return Ok(stat_result(&m));
    }
    let s = path_accepting("stat", p, "string, bytes, os.PathLike or integer")?;
    let m = if follow {
        std::fs::metadata(&s)
    } else {
        std::fs::symlink_metadata(&s)
    }
    .map_err(|e| raise_io(&e, Some(p)))?;
    Ok(stat_result(&m))
}

fn lstat(a: &[Value], k: Option<Value>) -> PyResult {
    let [p] = args::parse("lstat", a, k, ["path"], 1)?;
    let m = std::fs::symlink_metadata(path("lstat", p)?).map_err(|e| raise_io(&e, Some(p)))?;
    Ok(stat_result(&m))
}

fn chmod(a: &[Value], k: Option<Value>) -> PyResult {
    let [p, mode] = args::parse("chmod", a, k, ["path", "mode"], 2)?;
    let mode = to_i64(mode)? as u32;
    std::fs::set_permissions(path("chmod", p)?, std::fs::Permissions::from_mode(mode))
        .map_err(|e| raise_io(&e, Some(p)))?;
    Ok(Value::NONE)
}

fn cpath(s: &str) -> PyResult<CString> {
    CString::new(s).map_err(|_| value_error("embedded null byte"))
}

fn access(a: &[Value], k: Option<Value>) -> PyResult {
    let [p, mode] = args::parse("access", a, k, ["path", "mode"], 2)?;
    let c = cpath(&path("access", p)?)?;
    // SAFETY: a NUL-terminated path.
    let r = unsafe { libc::access(c.as_ptr(), to_i64(mode)? as i32) };
    Ok(Value::from_bool(r == 0))
}

fn symlink(a: &[Value], k: Option<Value>) -> PyResult {
    let [src, dst, _] = args::parse("symlink", a, k, ["src", "dst", "target_is_directory"], 2)?;
    std::os::unix::fs::symlink(path("symlink", src)?, path("symlink", dst)?)
        .map_err(|e| raise_io2(&e, Some(src), Some(dst)))?;
    Ok(Value::NONE)
}

fn readlink(a: &[Value], k: Option<Value>) -> PyResult {
    let [p] = args::parse("readlink", a, k, ["path"], 1)?;
    let t = std::fs::read_link(path("readlink", p)?).map_err(|e| raise_io(&e, Some(p)))?;
    Ok(new_string(t.to_string_lossy().into_owned()))
}

fn utime(a: &[Value], k: Option<Value>) -> PyResult {
    let [p, times] = args::parse("utime", a, k, ["path", "times"], 1)?;
    let s = path("utime", p)?;
    let f = std::fs::File::options()
        .write(false)
        .read(true)
        .open(&s)
        .map_err(|e| raise_io(&e, Some(p)))?;
    let to_time = |v: Value| -> PyResult<std::time::SystemTime> {
        let secs = crate::types::float::float_of(v).ok_or_else(|| {
            type_error("utime: 'times' must be either a tuple of two ints or None")
        })?;
        Ok(std::time::UNIX_EPOCH + std::time::Duration::from_secs_f64(secs.max(0.0)))
    };
    let ft = if times.is_null() || times.is_none() {
        let now = std::time::SystemTime::now();
        std::fs::FileTimes::new()
            .set_accessed(now)
            .set_modified(now)
    } else {
        let items = crate::ops::iter::collect(times)?;
        if items.len() != 2 {
            return Err(type_error(
                "utime: 'times' must be either a tuple of two ints or None",
            ));
        }
        std::fs::FileTimes::new()
            .set_accessed(to_time(items[0])?)
            .set_modified(to_time(items[1])?)
    };
    f.set_times(ft).map_err(|e| raise_io(&e, Some(p)))?;
    Ok(Value::NONE)
}

fn fd_open(a: &[Value], k: Option<Value>) -> PyResult {
    let [p, flags, mode] = args::parse("open", a, k, ["path", "flags", "mode"], 2)?;
    let c = cpath(&path("open", p)?)?;
    let mode = optional_mode(mode, 0o777)?;
    // SAFETY: a NUL-terminated path; the descriptor is returned to Python.
    let fd = unsafe {
        libc::open(
            c.as_ptr(),
            to_i64(flags)? as i32 | libc::O_CLOEXEC,
            mode as libc::c_uint,
        )
    };
    if fd < 0 {
        return Err(raise_io(&std::io::Error::last_os_error(), Some(p)));
    }
    Ok(int_from_i64(fd as i64))
}

fn fd_arg(v: Value) -> PyResult<i32> {
    Ok(to_i64(v)? as i32)
}

fn last_error() -> crate::Raised {
    raise_io(&std::io::Error::last_os_error(), None)
}

fn close(a: &[Value], k: Option<Value>) -> PyResult {
    let [fd] = args::exact::<1>("close", a, k)?;
    // SAFETY: closing a descriptor the program names.
    if unsafe { libc::close(fd_arg(fd)?) } != 0 {
        return Err(last_error());
    }
    Ok(Value::NONE)
}

/// A descriptor borrowed as a File that is not closed afterwards.
fn borrowed(fd: i32) -> std::mem::ManuallyDrop<std::fs::File> {
    // SAFETY: the File is never dropped, so the descriptor stays open.
    std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) })
}

fn write(a: &[Value], k: Option<Value>) -> PyResult {
    let [fd, data] = args::exact::<2>("write", a, k)?;
    let bytes = expect_bytes_like(data)?;
    let mut f = borrowed(fd_arg(fd)?);
    let n = f.write(&bytes).map_err(|e| raise_io(&e, None))?;
    Ok(int_from_i64(n as i64))
}

fn read(a: &[Value], k: Option<Value>) -> PyResult {
    let [fd, n] = args::exact::<2>("read", a, k)?;
    let n = to_i64(n)?;
    if n < 0 {
        return Err(raise_errno(libc::EINVAL, None, None));
    }
    let mut buf = vec![0u8; n as usize];
    let mut f = borrowed(fd_arg(fd)?);
    let got = f.read(&mut buf).map_err(|e| raise_io(&e, None))?;
    buf.truncate(got);
    Ok(new_bytes(buf))
}

fn lseek(a: &[Value], k: Option<Value>) -> PyResult {
    let [fd, pos, how] = args::exact::<3>("lseek", a, k)?;
    // SAFETY: lseek on a descriptor the program names.
    let r = unsafe { libc::lseek(fd_arg(fd)?, to_i64(pos)?, to_i64(how)? as i32) };
    if r < 0 {
        return Err(last_error());
    }
    Ok(int_from_i64(r))
}

fn isatty(a: &[Value], k: Option<Value>) -> PyResult {
    let [fd] = args::exact::<1>("isatty", a, k)?;
    // SAFETY: isatty only inspects the descriptor.
    Ok(Value::from_bool(unsafe { libc::isatty(fd_arg(fd)?) } == 1))
}

fn getpid(a: &[Value], k: Option<Value>) -> PyResult {
    args::exact::<0>("getpid", a, k)?;
    Ok(int_from_i64(std::process::id() as i64))
}

fn getppid(a: &[Value], k: Option<Value>) -> PyResult {
    args::exact::<0>("getppid", a, k)?;
    // SAFETY: no arguments, cannot fail.
    Ok(int_from_i64(unsafe { libc::getppid() } as i64))
}

fn getuid(a: &[Value], k: Option<Value>) -> PyResult {
    args::exact::<0>("getuid", a, k)?;
    // SAFETY: no arguments, cannot fail.
    Ok(int_from_i64(unsafe { libc::getuid() } as i64))
}

fn cpu_count(a: &[Value], k: Option<Value>) -> PyResult {
    args::exact::<0>("cpu_count", a, k)?;
    Ok(std::thread::available_parallelism().map_or(Value::NONE, |n| int_from_i64(n.get() as i64)))
}

fn urandom(a: &[Value], k: Option<Value>) -> PyResult {
    let [n] = args::exact::<1>("urandom", a, k)?;
    let n = to_i64(n)?;
    if n < 0 {
        return Err(value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    super::random::urandom_bytes(&mut buf).map_err(|e| raise_io(&e, None))?;
    Ok(new_bytes(buf))
}

fn strerror(a: &[Value], k: Option<Value>) -> PyResult {
    let [code] = args::exact::<1>("strerror", a, k)?;
    Ok(new_string(super::oserror::strerror(to_i64(code)? as i32)))
}

fn umask(a: &[Value], k: Option<Value>) -> PyResult {
    let [mask] = args::exact::<1>("umask", a, k)?;
    // SAFETY: umask cannot fail.
    let old = unsafe { libc::umask(to_i64(mask)? as libc::mode_t) };
    Ok(int_from_i64(old as i64))
}

/// A snapshot of the process environment as a dict of str.
fn environ(a: &[Value], k: Option<Value>) -> PyResult {
    args::exact::<0>("environ", a, k)?;
    let d = DictObject::new_value();
    if let Some(o) = DictObject::cast(d) {
        for (key, val) in std::env::vars_os() {
            o.set_item(
                new_string(key.to_string_lossy().into_owned()),
                new_string(val.to_string_lossy().into_owned()),
            )?;
        }
    }
    Ok(d)
}

fn env_str(v: Value, what: &str) -> PyResult<&'static str> {
    let s =
        as_str(v).ok_or_else(|| type_error(format!("str expected, not {}", type_of(v).name())))?;
    if s.contains('\0') {
        return Err(value_error("embedded null byte"));
    }
    if what == "name" && (s.is_empty() || s.contains('=')) {
        return Err(value_error("illegal environment variable name"));
    }
    Ok(s)
}

fn putenv(a: &[Value], k: Option<Value>) -> PyResult {
    let [key, val] = args::exact::<2>("putenv", a, k)?;
    let (key, val) = (env_str(key, "name")?, env_str(val, "value")?);
    // The runtime runs Python code on one thread.
    std::env::set_var(key, val);
    Ok(Value::NONE)
}

fn unsetenv(a: &[Value], k: Option<Value>) -> PyResult {
    let [key] = args::exact::<1>("unsetenv", a, k)?;
    std::env::remove_var(env_str(key, "name")?);
    Ok(Value::NONE)
}

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("getcwd", getcwd),
    ("chdir", chdir),
    ("listdir", listdir),
    ("mkdir", mkdir),
    ("rmdir", rmdir),
    ("remove", remove),
    ("unlink", remove),
    ("rename", rename),
    ("replace", rename),
    ("stat", stat),
    ("lstat", lstat),
    ("chmod", chmod),
    ("access", access),
    ("symlink", symlink),
    ("readlink", readlink),
    ("utime", utime),
    ("open", fd_open),
    ("close", close),
    ("write", write),
    ("read", read),
    ("lseek", lseek),
    ("isatty", isatty),
    ("getpid", getpid),
    ("getppid", getppid),
    ("getuid", getuid),
    ("cpu_count", cpu_count),
    ("urandom", urandom),
    ("strerror", strerror),
    ("umask", umask),
    ("environ", environ),
    ("putenv", putenv),
    ("unsetenv", unsetenv),
];

const CONSTANTS: &[(&str, i32)] = &[
    ("O_RDONLY", libc::O_RDONLY),
    ("O_WRONLY", libc::O_WRONLY),
    ("O_RDWR", libc::O_RDWR),
    ("O_APPEND", libc::O_APPEND),
    ("O_CREAT", libc::O_CREAT),
    ("O_EXCL", libc::O_EXCL),
    ("O_TRUNC", libc::O_TRUNC),
    ("O_NOFOLLOW", libc::O_NOFOLLOW),
    ("O_CLOEXEC", libc::O_CLOEXEC),
    ("O_DIRECTORY", libc::O_DIRECTORY),
    ("O_NONBLOCK", libc::O_NONBLOCK),
    ("F_OK", libc::F_OK),
    ("R_OK", libc::R_OK),
    ("W_OK", libc::W_OK),
    ("X_OK", libc::X_OK),
    ("SEEK_SET", 0),
    ("SEEK_CUR", 1),
    ("SEEK_END", 2),
    ("EX_OK", 0),
];

/// Builds the `_os` module.
pub fn make_module() -> Value {
    let m = new_module("_os");
    if let Some(d) = ModuleObject::cast(m).map(|m| m.dict()) {
        for (name, f) in FUNCTIONS {
            d.set_str(intern(name), builtin_function(name, *f));
        }
        for (name, v) in CONSTANTS {
            d.set_str(intern(name), int_from_i64(*v as i64));
        }
    }
    m
}

//! Start-up of a native program: `main` (generated) calls
//! [`native_main`] with the program's descriptor, which decodes the blob
//! into [`NativeCode`]s, fills the generated constant and name tables,
//! and runs the module body on a thread with a stack as large as the VM's.

use std::cell::RefCell;
use std::ffi::CStr;
use std::os::raw::c_char;

use num_bigint::BigInt;

use super::blob::{BlobReader, ConstTag};
use super::{entry, BodyFn, NativeCode, NativeFrame};
use crate::error::{self, PyResult};
use crate::object::PyPayload;
use crate::runtime;
use crate::types::dict::DictObject;
use crate::types::function::CodeInfo;
use crate::types::int::{int_from_bigint, int_from_i64};
use crate::types::set::frozenset_from_values;
use crate::types::string::{intern, new_str};
use crate::types::tuple::new_tuple;
use crate::Value;

/// One code object of the generated module.
#[repr(C)]
pub struct CodeDesc {
    pub body: BodyFn,
    /// The positional fast entry (`Value fast(Value func, Value a0, …)`
    /// with `argcount` arguments), or null.
    pub fast: *const (),
    /// The code's constant table (filled here; NULL for a constant the
    /// runtime cannot represent).
    pub consts: *mut Value,
    /// The code's interned names.
    pub names: *mut Value,
    /// The function object the module made from this code, remembered for
    /// identity-guarded direct calls (a root), or null.
    pub made: *const Value,
}

/// What the generated `main` passes.
#[repr(C)]
pub struct ProgramDesc {
    pub blob: *const u8,
    pub blob_len: usize,
    pub codes: *const CodeDesc,
    pub ncodes: usize,
    /// The program's table of `KnownType`s (filled here, in their order).
    pub types: *mut Value,
}

/// The stack of the program's thread (as the VM's: room for the recursion
/// limit many times over; only touched pages are committed).
pub const STACK_BYTES: usize = 256 * 1024 * 1024;
/// Stack kept free below the deepest Python call for the runtime.
const STACK_MARGIN: usize = 16 * 1024 * 1024;

thread_local! {
    static CODES: RefCell<Vec<&'static NativeCode>> = const { RefCell::new(Vec::new()) };
    static SOURCES: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// The collector's roots here: every code object, its constants and
/// names.
pub fn trace_roots(visit: &mut dyn FnMut(Value)) {
    CODES.with(|c| {
        for code in c.borrow().iter() {
            code.trace(visit);
        }
    });
}

/// The program's code object number `index`.
pub fn code_at(index: u32) -> Option<&'static NativeCode> {
    CODES.with(|c| c.borrow().get(index as usize).copied())
}

/// Runs the program and returns the process exit status.
///
/// # Safety
/// `argv` holds `argc` C strings and `program` is the generated descriptor.
pub unsafe fn native_main(
    argc: i32,
    argv: *const *const c_char,
    program: *const ProgramDesc,
) -> i32 {
    let mut args = Vec::new();
    for i in 0..argc.max(0) as usize {
        // SAFETY: the C runtime passes argc valid strings.
        let s = unsafe { CStr::from_ptr(*argv.add(i)) };
        args.push(s.to_string_lossy().into_owned());
    }
    // A panic is a bug in the runtime. The archive is built with
    // panic=abort, so report it and exit with 101 (as the compiler does)
    // before the abort would kill the process with SIGABRT. Executables
    // linked by krait replace std's panic handler, hook and all, with
    // `krait_panic_handler`, which does the same (see `abort`).
    std::panic::set_hook(Box::new(|info| super::abort::internal_error(info)));
    let program = program as usize;
    let worker = std::thread::Builder::new()
        .name("krait-main".to_owned())
        .stack_size(STACK_BYTES)
        // SAFETY: the descriptor is static data of the executable.
        .spawn(move || run_program(unsafe { &*(program as *const ProgramDesc) }, args));
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => 101,
    }
}

fn run_program(program: &'static ProgramDesc, argv: Vec<String>) -> i32 {
    crate::runtime::recursion::use_global_counters();
    crate::runtime::recursion::set_native_stack_limit(STACK_BYTES, STACK_MARGIN);
    runtime::runtime_init(&argv);
    entry::register();
    if crate::builtins::direct::record().is_err() {
        eprintln!("krait: builtins missing at start-up");
        return 70;
    }
    let status = match load(program) {
        Ok(main) => run_main(main),
        Err(msg) => {
            eprintln!("krait: corrupt program: {msg}");
            70
        }
    };
    runtime::runtime_exit();
    status
}

fn run_main(main: &'static NativeCode) -> i32 {
    let globals = runtime::new_module_globals("__main__");
    let filename = main.info.filename;
    if let Some(d) = DictObject::cast(globals) {
        d.set_str(intern("__file__"), filename);
    }
    entry::set_main_globals(globals);
    crate::runtime::import::register_main(globals);
    if run_module_body(main, globals).is_ok() {
        return 0;
    }
    match error::take_exception() {
        Some(exc) => {
            let lookup = |file: &str, line: u32| -> Option<String> {
                if line == 0 {
                    return None;
                }
                SOURCES.with(|s| {
                    let s = s.borrow();
                    let (_, text) = s.iter().find(|(f, _)| f == file)?;
                    text.lines().nth(line as usize - 1).map(str::to_owned)
                })
            };
            crate::exceptions::traceback::report_uncaught(exc, &lookup)
        }
        None => 1,
    }
}

/// Runs a module's body with `globals` as its namespace.
fn run_module_body(code: &'static NativeCode, globals: Value) -> PyResult {
    let mut frame = NativeFrame::new(code, Value::NULL, globals, globals);
    let mut slots = crate::gc::RootedVec::from_vec(vec![Value::NULL; code.slot_count()]);
    frame.slots = slots.as_mut_ptr();
    // SAFETY: the body is generated module code; the frame is complete.
    let r = unsafe { (code.body)(&mut frame, Value::NULL) };
    if r.is_error() {
        Err(error::Raised)
    } else {
        Ok(r)
    }
}

/// Native code's [`crate::runtime::import::ModuleRunner`].
fn run_module_code(code: Value, globals: Value) -> PyResult {
    match crate::types::code::as_code(code) {
        // SAFETY: every runtime code value of a native program is made
        // by `read_code` over a leaked NativeCode.
        Some(c) => run_module_body(unsafe { &*(c.handle as *const NativeCode) }, globals),
        None => Err(error::internal_error("module code is not a code object")),
    }
}

/// Decodes the blob and registers the program's modules; returns
/// `__main__`'s code.
fn load(program: &'static ProgramDesc) -> Result<&'static NativeCode, &'static str> {
    // SAFETY: the generated descriptor points at `blob_len` bytes and
    // `ncodes` descriptors, all static.
    let blob = unsafe { std::slice::from_raw_parts(program.blob, program.blob_len) };
    let descs = unsafe { std::slice::from_raw_parts(program.codes, program.ncodes) };
    for (i, t) in super::KnownType::ALL.iter().enumerate() {
        // SAFETY: the generated table has one slot per known type.
        unsafe { *program.types.add(i) = t.value() };
    }
    let mut r = BlobReader::new(blob);
    let nsources = r.u32().ok_or("sources")?;
    for _ in 0..nsources {
        let file = r.str().ok_or("source name")?.to_owned();
        let text = r.str().ok_or("source text")?.to_owned();
        SOURCES.with(|s| s.borrow_mut().push((file, text)));
    }
    let ncodes = r.u32().ok_or("code count")? as usize;
    if ncodes != descs.len() || ncodes == 0 {
        return Err("code count mismatch");
    }
    // Constants refer to later code objects (children are numbered after
    // their parent), so create every code first and fill constants after.
    let mut pending = Vec::with_capacity(ncodes);
    for (index, desc) in descs.iter().enumerate() {
        let code = read_code(&mut r, index as u32, desc)?;
        CODES.with(|c| c.borrow_mut().push(code.0));
        pending.push(code);
    }
    for ((_, consts_at), desc) in pending.iter().zip(descs) {
        let mut r = BlobReader::new(&blob[*consts_at..]);
        let n = r.u32().ok_or("constant count")? as usize;
        for i in 0..n {
            let v = read_const(&mut r).ok_or("constant")?;
            // SAFETY: the generated table has one slot per constant.
            unsafe { *desc.consts.add(i) = v };
        }
    }
    let nmodules = r.u32().ok_or("module count")?;
    let mut main = None;
    let mut modules = Vec::new();
    for _ in 0..nmodules {
        let name = r.str().ok_or("module name")?.to_owned();
        let is_package = r.u32().ok_or("module kind")? != 0;
        let code = code_at(r.u32().ok_or("module code")?).ok_or("module code")?;
        if name == "__main__" {
            main = Some(code);
            continue;
        }
        let filename = crate::types::string::as_str(code.info.filename)
            .unwrap_or("")
            .to_owned();
        modules.push(crate::runtime::import::ProgramModule {
            name,
            filename,
            is_package,
            code: code.value,
        });
    }
    if !r.at_end() {
        return Err("trailing bytes");
    }
    crate::runtime::import::register_program_modules(modules, run_module_code);
    main.ok_or("no __main__ module")
}

/// Reads one code object (skipping over its constants, whose offset it
/// returns: they are decoded once every code exists).
fn read_code(
    r: &mut BlobReader,
    index: u32,
    desc: &CodeDesc,
) -> Result<(&'static NativeCode, usize), &'static str> {
    let name = intern(r.str().ok_or("name")?);
    let qualname = new_str(r.str().ok_or("qualname")?);
    let filename = intern(r.str().ok_or("filename")?);
    let mut n = || r.u32().ok_or("code header");
    let (firstline, argcount, posonly, kwonly, flags, max_stack, in_frame) =
        (n()?, n()?, n()?, n()?, n()?, n()?, n()?);
    let varnames: Vec<Value> = r
        .strs()
        .ok_or("varnames")?
        .into_iter()
        .map(intern)
        .collect();
    let cellvars: Vec<Value> = r
        .strs()
        .ok_or("cellvars")?
        .into_iter()
        .map(intern)
        .collect();
    let freevars: Vec<Value> = r
        .strs()
        .ok_or("freevars")?
        .into_iter()
        .map(intern)
        .collect();
    let names = r.strs().ok_or("names")?;
    let nnames = names.len();
    for (i, name) in names.iter().enumerate() {
        // SAFETY: the generated table has one slot per name.
        unsafe { *desc.names.add(i) = intern(name) };
    }
    let ncells = r.u32().ok_or("cell args")?;
    let mut cell_args = Vec::with_capacity(ncells as usize);
    for _ in 0..ncells {
        let a = r.i32().ok_or("cell arg")?;
        cell_args.push(usize::try_from(a).ok());
    }
    let consts_at = r.position();
    let nconsts = r.u32().ok_or("constant count")?;
    let mut first_constant = None;
    for i in 0..nconsts {
        let v = skip_const(r).ok_or("constant")?;
        if i == 0 {
            first_constant = v;
        }
    }
    let nlocals = varnames.len();
    let info: &'static CodeInfo = Box::leak(Box::new(CodeInfo::new(
        name, qualname, filename, firstline, argcount, posonly, kwonly, flags, varnames,
    )));
    let code: &'static mut NativeCode = Box::leak(Box::new(NativeCode {
        index,
        info,
        body: desc.body,
        fast: desc.fast,
        value: Value::NONE,
        flags,
        nlocals,
        cellvars,
        freevars,
        cell_args,
        max_stack: max_stack as usize,
        locals_in_frame: in_frame != 0,
        first_constant,
        // SAFETY: the generated tables have one slot per constant and
        // name; they are static data of the executable.
        consts: unsafe { std::slice::from_raw_parts(desc.consts, nconsts as usize) },
        names: unsafe { std::slice::from_raw_parts(desc.names, nnames) },
        made: desc.made,
    }));
    code.value = crate::types::code::new_code(code as *const NativeCode as *const (), info);
    Ok((code, consts_at))
}

/// Skips a constant; a str constant comes back as its value (the only
/// kind a docstring can be), anything else as None.
fn skip_const(r: &mut BlobReader) -> Option<Option<Value>> {
    Some(match r.tag()? {
        ConstTag::None | ConstTag::False | ConstTag::True | ConstTag::Ellipsis => None,
        ConstTag::Int | ConstTag::Float => {
            r.i64()?;
            None
        }
        ConstTag::Complex => {
            r.f64()?;
            r.f64()?;
            None
        }
        ConstTag::Str => Some(new_str(r.str()?)),
        ConstTag::BigInt | ConstTag::Bytes => {
            r.bytes()?;
            None
        }
        ConstTag::Tuple | ConstTag::FrozenSet => {
            for _ in 0..r.u32()? {
                skip_const(r)?;
            }
            None
        }
        ConstTag::Code => {
            r.u32()?;
            None
        }
    })
}

/// Decodes a constant (NULL for one the runtime cannot represent).
fn read_const(r: &mut BlobReader) -> Option<Value> {
    Some(match r.tag()? {
        ConstTag::None => Value::NONE,
        ConstTag::False => Value::FALSE,
        ConstTag::True => Value::TRUE,
        ConstTag::Ellipsis => Value::ELLIPSIS,
        ConstTag::Int => int_from_i64(r.i64()?),
        ConstTag::BigInt => int_from_bigint(r.str()?.parse::<BigInt>().ok()?),
        ConstTag::Float => Value::from_f64(r.f64()?),
        ConstTag::Complex => {
            let real = r.f64()?;
            crate::types::complex::new_complex(real, r.f64()?)
        }
        ConstTag::Str => new_str(r.str()?),
        ConstTag::Bytes => crate::types::bytes::new_bytes(r.bytes()?.to_vec()),
        ConstTag::Tuple => {
            let n = r.u32()?;
            let items = (0..n).map(|_| read_const(r)).collect::<Option<Vec<_>>>()?;
            if items.iter().any(|v| v.is_null()) {
                Value::NULL
            } else {
                new_tuple(&items)
            }
        }
        ConstTag::FrozenSet => {
            let n = r.u32()?;
            let items = (0..n).map(|_| read_const(r)).collect::<Option<Vec<_>>>()?;
            if items.iter().any(|v| v.is_null()) {
                Value::NULL
            } else {
                match frozenset_from_values(&items) {
                    Ok(v) => v,
                    Err(_) => {
                        error::clear_exception();
                        Value::NULL
                    }
                }
            }
        }
        ConstTag::Code => code_at(r.u32()?)?.value,
    })
}

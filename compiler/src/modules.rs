//! The modules of a program: which module names the code of a module may
//! import, and where krait looks for each.
//!
//! A program is its entry script (run as `__main__`) plus every module its
//! imports name that exists as a `.py` file — next to the entry script or
//! in a `-I` directory (`name.py` or the package `name/__init__.py`), or
//! in krait's own library of modules written in Python
//! (`runtime-lib/pylib`, embedded in the compiler by its build script).
//! The runtime's built-in modules (written in Rust) win over files, as
//! CPython's built-in modules do; the script's directory wins over the
//! library, as `sys.path[0]` does.
//!
//! Imports are found in the bytecode (`LOAD_CONST level; LOAD_CONST
//! fromlist; IMPORT_NAME name`, in every nested code object), so an import
//! inside a function or an untaken branch counts too. A name that is not
//! found is not an error here: the import raises `ModuleNotFoundError`
//! when (and if) it runs. The driver does the file lookups; this module
//! does no IO.

use std::path::PathBuf;

use crate::bytecode::constant::Constant;
use crate::bytecode::instruction::Instruction;
use crate::bytecode::CodeObject;

/// One module compiled into the program.
#[derive(Debug)]
pub struct ProgramModule {
    /// The full dotted name (`__main__` for the entry script).
    pub name: String,
    /// A package (`__init__.py`).
    pub is_package: bool,
    /// `__file__`, and the file name of its code objects.
    pub filename: String,
    /// Its source text, for the source lines of tracebacks.
    pub source: String,
    pub code: CodeObject,
}

/// One `IMPORT_NAME` of a code object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    pub name: String,
    /// The number of leading dots.
    pub level: u32,
    /// The names after `from … import` (empty for `import …`).
    pub fromlist: Vec<String>,
}

/// Every import in `code` and the code objects nested in it.
pub fn imports_of(code: &CodeObject) -> Vec<Import> {
    let mut out = Vec::new();
    collect_imports(code, &mut out);
    out
}

fn collect_imports(code: &CodeObject, out: &mut Vec<Import>) {
    let ins = &code.instructions;
    for (i, instruction) in ins.iter().enumerate() {
        if let Instruction::ImportName { name } = *instruction {
            let constant = |back: usize| match i.checked_sub(back).map(|j| ins[j]) {
                Some(Instruction::LoadConst { index }) => code.constant(index),
                _ => None,
            };
            let level = match constant(2) {
                Some(Constant::Int(n)) => u32::try_from(*n).unwrap_or(0),
                _ => 0,
            };
            let fromlist = match constant(1) {
                Some(Constant::Tuple(items)) => items
                    .iter()
                    .filter_map(|c| match c {
                        Constant::Str(s) => Some(s.clone()),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            if let Some(name) = code.name(name) {
                out.push(Import {
                    name: name.to_owned(),
                    level,
                    fromlist,
                });
            }
        }
    }
    for c in &code.constants {
        nested_imports(c, out);
    }
}

fn nested_imports(c: &Constant, out: &mut Vec<Import>) {
    match c {
        Constant::Code(code) => collect_imports(code, out),
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            for item in items {
                nested_imports(item, out);
            }
        }
        _ => {}
    }
}

/// The package a module's relative imports start from (as the runtime
/// computes `__package__`): the module itself for a package, else its
/// parent; none for `__main__` and top-level modules.
pub fn package_of(module: &str, is_package: bool) -> Option<&str> {
    if module == "__main__" {
        return None;
    }
    if is_package {
        return Some(module);
    }
    module.rsplit_once('.').map(|(parent, _)| parent)
}

/// The absolute module names `import` may load, made in `package`: each
/// prefix of the dotted name (`a`, `a.b`, `a.b.c`) and, for `from m import
/// x`, the submodule `m.x`. A relative import that cannot resolve gives
/// nothing (it raises `ImportError` when it runs).
pub fn candidates(import: &Import, package: Option<&str>) -> Vec<String> {
    let full = if import.level == 0 {
        import.name.clone()
    } else {
        let Some(package) = package else {
            return Vec::new();
        };
        let parts: Vec<&str> = package.split('.').collect();
        let Some(keep) = (parts.len() + 1).checked_sub(import.level as usize) else {
            return Vec::new();
        };
        if keep == 0 {
            return Vec::new();
        }
        let base = parts[..keep].join(".");
        if import.name.is_empty() {
            base
        } else {
            format!("{base}.{}", import.name)
        }
    };
    if full.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut prefix = String::new();
    for part in full.split('.') {
        if !prefix.is_empty() {
            prefix.push('.');
        }
        prefix.push_str(part);
        out.push(prefix.clone());
    }
    for item in &import.fromlist {
        if item != "*" {
            out.push(format!("{full}.{item}"));
        }
    }
    out
}

/// Where a module's file may be, relative to a search directory: the
/// module `a/b.py`, then the package `a/b/__init__.py`.
pub fn file_candidates(name: &str) -> [(PathBuf, bool); 2] {
    let rel: PathBuf = name.split('.').collect();
    [
        (rel.with_extension("py"), false),
        (rel.join("__init__.py"), true),
    ]
}

/// krait's library modules written in Python: (name, is package, source).
static LIBRARY: &[(&str, bool, &str)] = include!(concat!(env!("OUT_DIR"), "/pylib.rs"));

/// The library module `name`: its source and whether it is a package.
pub fn library_module(name: &str) -> Option<(&'static str, bool)> {
    LIBRARY
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|&(_, is_package, source)| (source, is_package))
}

/// The names of every library module, sorted.
pub fn library_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = LIBRARY.iter().map(|(n, _, _)| *n).collect();
    names.sort_unstable();
    names
}

/// The `__file__` a library module gets (it is not a file on the machine
/// that runs the program).
pub fn library_filename(name: &str, is_package: bool) -> String {
    let rel = name.replace('.', "/");
    if is_package {
        format!("<krait>/lib/{rel}/__init__.py")
    } else {
        format!("<krait>/lib/{rel}.py")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import(name: &str, level: u32, fromlist: &[&str]) -> Import {
        Import {
            name: name.to_owned(),
            level,
            fromlist: fromlist.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn absolute_imports_load_every_prefix() {
        assert_eq!(
            candidates(&import("a.b.c", 0, &[]), None),
            ["a", "a.b", "a.b.c"]
        );
        assert_eq!(candidates(&import("a", 0, &["x", "*"]), None), ["a", "a.x"]);
    }

    #[test]
    fn relative_imports_resolve_against_the_package() {
        assert_eq!(
            candidates(&import("m", 1, &["f"]), Some("pkg.sub")),
            ["pkg", "pkg.sub", "pkg.sub.m", "pkg.sub.m.f"]
        );
        assert_eq!(
            candidates(&import("", 2, &["m"]), Some("pkg.sub")),
            ["pkg", "pkg.m"]
        );
        assert!(candidates(&import("", 3, &["m"]), Some("pkg.sub")).is_empty());
        assert!(candidates(&import("m", 1, &[]), None).is_empty());
    }

    #[test]
    fn packages_of_modules() {
        assert_eq!(package_of("__main__", false), None);
        assert_eq!(package_of("top", false), None);
        assert_eq!(package_of("pkg", true), Some("pkg"));
        assert_eq!(package_of("pkg.mod", false), Some("pkg"));
    }

    #[test]
    fn imports_are_found_in_nested_code() {
        let source = "import os.path\ndef f():\n    from .pkg import a, b as c\n";
        let module = crate::syntax::parse_module(source).unwrap();
        let table = crate::scopes::analyze_module(&module).unwrap();
        let code = crate::bytecode::compile_module(&module, &table, source, "t.py").unwrap();
        assert_eq!(
            imports_of(&code),
            [import("os.path", 0, &[]), import("pkg", 1, &["a", "b"])]
        );
    }
}

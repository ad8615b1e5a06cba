//! Builds the runtime's static archive, which the compiler embeds in its own
//! binary (see `src/link.rs`), so that a built `krait` links executables with
//! nothing but the system `cc`.
//!
//! The archive comes from a nested `cargo rustc` on `runtime-lib` with the
//! workspace's `runtime-archive` profile (release, `panic = "abort"`, one
//! codegen unit; see the root `Cargo.toml`). It gets its own target
//! directory, so it neither waits on the outer build's lock nor disturbs its
//! artifacts: `<target>/krait-runtime-archive` when the outer target directory
//! can be recognised (then every profile and `cargo clippy` share one
//! archive), `OUT_DIR/runtime-target` otherwise. The nested cargo shares the
//! outer one's jobserver (`CARGO_MAKEFLAGS`), so it does not oversubscribe the
//! machine, and it uses the workspace's `Cargo.lock` and the crates the outer
//! build already fetched, so it needs no network either.
//!
//! It also lists krait's library modules written in Python
//! (`runtime-lib/pylib/**.py`), which the compiler embeds (see
//! `src/modules.rs`).
//!
//! Writes to `OUT_DIR`:
//! - `pylib.rs`, the library table: `(module name, is package, source)`;
//! - `libkrait_runtime.a`, the archive;
//! - `native-static-libs.txt`, the system libraries the archive needs, one
//!   linker argument per line, as rustc's `--print native-static-libs`
//!   reports them (for glibc: `-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc`);
//! - `std-overrides.txt`, std symbols the linker points at the runtime's
//!   replacements, `SYMBOL=REPLACEMENT` per line (see [`std_overrides`]).
//!
//! On ELF targets the archive loses its unwind tables on the way
//! ([`remove_unwind_tables`]).

use std::env;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The custom profile (root `Cargo.toml`) the archive is built with.
const PROFILE: &str = "runtime-archive";
/// What rustc's `--print native-static-libs` note starts with.
const NATIVE_LIBS_NOTE: &str = "native-static-libs: ";

/// A failure of this script, printed by cargo as the build error.
struct BuildError(String);

impl fmt::Debug for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn main() -> Result<(), BuildError> {
    let manifest_dir = PathBuf::from(var("CARGO_MANIFEST_DIR")?);
    let out_dir = PathBuf::from(var("OUT_DIR")?);
    let target = var("TARGET")?;
    let cargo = var("CARGO")?;
    let runtime = manifest_dir.join("../runtime-lib");
    let workspace = manifest_dir.join("..");

    // Listing any path turns off cargo's default (rerun when any file of the
    // package changes), so this script lists itself too. The root manifest
    // holds the archive's profile, the lock file its dependencies' versions.
    for path in [
        manifest_dir.join("build.rs"),
        runtime.join("Cargo.toml"),
        runtime.join("src"),
        workspace.join("Cargo.toml"),
        workspace.join("Cargo.lock"),
        runtime.join("pylib"),
    ] {
        println!("cargo::rerun-if-changed={}", path.display());
    }
    write_library_table(&runtime.join("pylib"), &out_dir.join("pylib.rs"))?;

    let target_dir = archive_target_dir(&out_dir);
    let mut command = Command::new(&cargo);
    command
        .current_dir(&workspace)
        .args([
            "rustc",
            "--lib",
            "--crate-type",
            "staticlib",
            "--color",
            "never",
        ])
        .args(["--profile", PROFILE, "--target", &target])
        .arg("--manifest-path")
        .arg(runtime.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&target_dir)
        .args(["--", "--print", "native-static-libs"])
        // `cargo clippy` and `cargo fix` wrap the workspace's rustc; the
        // archive is a build input, not code under review.
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .env_remove("CLIPPY_ARGS");
    let output = command.output().map_err(|e| {
        BuildError(format!(
            "cannot run `{cargo}` to build the runtime archive: {e}"
        ))
    })?;
    let messages = String::from_utf8_lossy(&output.stderr);
    // Shown by cargo when this script fails, or with `cargo build -vv`.
    eprint!("{messages}");
    if !output.status.success() {
        return Err(BuildError(format!(
            "building the runtime archive (krait-runtime as a staticlib) failed ({}); \
             cargo's output is above",
            output.status
        )));
    }

    // cargo replays the note from its message cache when the archive is
    // already up to date, so it is there on every successful run.
    let libs = messages
        .lines()
        .find_map(|line| line.split_once(NATIVE_LIBS_NOTE).map(|(_, libs)| libs))
        .ok_or_else(|| {
            BuildError(format!(
                "rustc did not report the runtime archive's native libraries \
                 (no `{NATIVE_LIBS_NOTE}` note in cargo's output above)"
            ))
        })?;
    let libs: Vec<&str> = libs.split_whitespace().collect();
    write(&out_dir.join("native-static-libs.txt"), libs.join("\n"))?;

    let archive = target_dir
        .join(&target)
        .join(PROFILE)
        .join("libkrait_runtime.a");
    let embedded = out_dir.join("libkrait_runtime.a");
    fs::copy(&archive, &embedded).map_err(|e| {
        BuildError(format!(
            "cannot copy the runtime archive {} to {}: {e}",
            archive.display(),
            embedded.display()
        ))
    })?;
    let mut overrides = String::new();
    // Unix but not Apple: ELF objects, linked by a GNU-compatible linker.
    let elf = var("CARGO_CFG_TARGET_FAMILY").is_ok_and(|f| f.split(',').any(|f| f == "unix"))
        && var("CARGO_CFG_TARGET_VENDOR").is_ok_and(|v| v != "apple");
    if elf {
        remove_unwind_tables(&embedded);
        overrides = std_overrides(&embedded);
    }
    write(&out_dir.join("std-overrides.txt"), overrides)?;
    Ok(())
}

/// Removes the unwind tables (`.eh_frame`) from every member of the ELF
/// archive at `path`: with their index and the exception tables they
/// point to, about 140 KB of a hello world. Nothing in an executable
/// unwinds: the runtime (and, in the archive, std) is built with
/// `panic = "abort"`, generated code raises by returning an error value,
/// and the collector scans the stack without unwinding it. rustc gives
/// nearly every function a table entry anyway (it attaches a personality
/// function even under `panic = "abort"`), and std is shipped with them.
/// Without `objcopy` (binutils) the archive keeps them, with a warning.
fn remove_unwind_tables(path: &Path) {
    let status = Command::new("objcopy")
        .arg("--remove-section=.eh_frame")
        .arg(path)
        .status();
    match status {
        Ok(status) if status.success() => {}
        Ok(status) => warn(&format!(
            "objcopy failed ({status}); executables keep their unwind tables"
        )),
        Err(e) => warn(&format!(
            "cannot run objcopy ({e}); executables keep their unwind tables"
        )),
    }
}

/// The std entry points that executables replace (see
/// `runtime-lib/src/native/abort.rs`), as `SYMBOL=REPLACEMENT` lines for
/// the linker's `--defsym`. std's symbols are mangled with a hash that
/// depends on the Rust release, so they are looked up in the archive's
/// symbol tables (with `readelf`, binutils). If one is not found the list
/// is empty, with a warning: executables then keep std's own handlers,
/// which work the same but link std's backtrace printer.
fn std_overrides(archive: &Path) -> String {
    let output = match Command::new("readelf").args(["-sW"]).arg(archive).output() {
        Ok(output) if output.status.success() => output,
        Ok(output) => {
            warn(&format!(
                "readelf failed ({}); executables keep std's panic handler",
                output.status
            ));
            return String::new();
        }
        Err(e) => {
            warn(&format!(
                "cannot run readelf ({e}); executables keep std's panic handler"
            ));
            return String::new();
        }
    };
    let symbols = String::from_utf8_lossy(&output.stdout);
    let mut lines = String::new();
    for (std_name, replacement) in STD_OVERRIDES {
        // v0 mangling ends a path with its last identifier, length first
        // (and a `_` between them if the identifier starts with one).
        let separator = if std_name.starts_with('_') { "_" } else { "" };
        let mangled_tail = format!("{}{separator}{std_name}", std_name.len());
        let mut found: Vec<&str> = symbols
            .lines()
            .filter_map(|line| {
                // Num: Value Size Type Bind Vis Ndx Name
                let fields: Vec<&str> = line.split_whitespace().collect();
                match fields[..] {
                    [_, _, _, "FUNC", "GLOBAL", _, ndx, name]
                        if ndx != "UND" && (name == std_name || name.ends_with(&mangled_tail)) =>
                    {
                        Some(name)
                    }
                    _ => None,
                }
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        match found[..] {
            [name] => lines.push_str(&format!("{name}={replacement}\n")),
            _ => {
                warn(&format!(
                    "found {} definitions of std's `{std_name}` in the runtime archive \
                     ({found:?}), not one; executables keep std's panic handlers",
                    found.len()
                ));
                return String::new();
            }
        }
    }
    lines
}

/// std's entry points that executables replace, and their replacements.
const STD_OVERRIDES: [(&str, &str); 2] = [
    ("rust_begin_unwind", "krait_panic_handler"),
    ("__rust_alloc_error_handler", "krait_alloc_error_handler"),
];

/// A warning that cargo shows when it builds krait.
fn warn(message: &str) {
    println!("cargo::warning={message}");
}

/// Writes the table of library modules under `pylib` (`a/b.py` is the
/// module `a.b`, `a/__init__.py` the package `a`), sorted by name, as a
/// Rust expression of type `&[(&str, bool, &str)]`.
fn write_library_table(pylib: &Path, out: &Path) -> Result<(), BuildError> {
    let mut modules = Vec::new();
    collect_library(pylib, "", &mut modules)?;
    modules.sort();
    let mut table = String::from("&[\n");
    for (name, is_package, path) in modules {
        table.push_str(&format!(
            "    ({name:?}, {is_package}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    table.push(']');
    write(out, table)
}

fn collect_library(
    dir: &Path,
    prefix: &str,
    out: &mut Vec<(String, bool, PathBuf)>,
) -> Result<(), BuildError> {
    let entries =
        fs::read_dir(dir).map_err(|e| BuildError(format!("cannot list {}: {e}", dir.display())))?;
    for entry in entries {
        let path = entry
            .map_err(|e| BuildError(format!("cannot list {}: {e}", dir.display())))?
            .path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let name = if prefix.is_empty() {
            stem.to_owned()
        } else {
            format!("{prefix}.{stem}")
        };
        if path.is_dir() {
            collect_library(&path, &name, out)?;
        } else if path.extension().is_some_and(|e| e == "py") {
            if stem == "__init__" {
                out.push((prefix.to_owned(), true, path));
            } else {
                out.push((name, false, path));
            }
        }
    }
    Ok(())
}

/// Where the nested build puts its artifacts: beside the outer build's
/// profiles, in the outer target directory, when `OUT_DIR` has cargo's
/// layout (`<target>/[<triple>/]<profile>/build/krait-<hash>/out`, the
/// target directory marked by the `CACHEDIR.TAG` cargo writes); otherwise
/// under `OUT_DIR`, which is always private to this build.
fn archive_target_dir(out_dir: &Path) -> PathBuf {
    [4, 5]
        .into_iter()
        .filter_map(|up| out_dir.ancestors().nth(up))
        .find(|dir| dir.join("CACHEDIR.TAG").is_file())
        .map_or_else(
            || out_dir.join("runtime-target"),
            |target| target.join("krait-runtime-archive"),
        )
}

fn var(name: &str) -> Result<String, BuildError> {
    env::var(name).map_err(|e| BuildError(format!("cargo did not set {name}: {e}")))
}

fn write(path: &Path, text: String) -> Result<(), BuildError> {
    fs::write(path, text).map_err(|e| BuildError(format!("cannot write {}: {e}", path.display())))
}

//! Tracebacks: executors add one entry per frame an exception propagates
//! out of ([`add_traceback_entry`]); an uncaught exception is printed in
//! CPython's format ([`format_exception`], [`print_exception`]) and turned
//! into the process exit code ([`report_uncaught`], which also handles
//! `SystemExit`).
//!
//! The printer takes a [`SourceLookup`] so executors that know the source
//! text can show each frame's line (indented by four spaces). CPython
//! 3.11's `^^^^` position markers are not printed (the differential tests
//! compare the last line of stderr).

use std::collections::HashSet;
use std::io::Write;

use crate::exceptions::{as_exception, get_extra, TracebackEntry};
use crate::object::type_of;
use crate::types::string::as_str;
use crate::Value;

/// The source line `line` (1-based) of `filename`, if known.
pub type SourceLookup<'a> = &'a dyn Fn(&str, u32) -> Option<String>;

/// A lookup that knows no source.
pub fn no_source(_: &str, _: u32) -> Option<String> {
    None
}

/// Records that `exc` propagated out of the frame of code `name` in
/// `filename` at `line` (call it from the innermost frame outwards).
pub fn add_traceback_entry(exc: Value, name: Value, filename: Value, line: u32) {
    if let Some(e) = as_exception(exc) {
        let mut tb = e.traceback.borrow_mut();
        if tb.capacity() == 0 {
            // Room for a few frames at once, without the growth path.
            *tb = Vec::with_capacity(4);
        }
        tb.push(TracebackEntry {
            name,
            filename,
            line,
        });
    }
}

/// [`add_traceback_entry`] on the pending exception.
pub fn add_traceback_entry_to_current(name: Value, filename: Value, line: u32) {
    if let Some(exc) = crate::error::current_exception() {
        add_traceback_entry(exc, name, filename, line);
    }
}

/// The last line of a traceback: `ValueError: msg` (`mod.E: msg` for a
/// class of a module other than builtins and `__main__`).
pub fn format_exception_only(exc: Value) -> String {
    let ty = type_of(exc);
    let module = ty.module_name();
    let name = if module == "builtins" || module == "__main__" {
        ty.qualname().to_owned()
    } else {
        format!("{module}.{}", ty.qualname())
    };
    let msg = match crate::ops::object::str_string(exc) {
        Ok(m) => m,
        Err(_) => {
            crate::error::clear_exception();
            "<exception str() failed>".to_owned()
        }
    };
    let mut out = if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    };
    out.push('\n');
    if let Some(notes) = get_extra(exc, "__notes__") {
        let notes = crate::ops::iter::collect(notes).unwrap_or_default();
        for &n in notes.iter() {
            out.push_str(&crate::ops::object::str_string(n).unwrap_or_default());
            out.push('\n');
        }
    }
    out
}

fn format_one(exc: Value, lookup: SourceLookup, out: &mut String) {
    if let Some(e) = as_exception(exc) {
        let tb = e.traceback.borrow();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            for t in tb.iter().rev() {
                let file = as_str(t.filename).unwrap_or("<unknown>");
                let name = as_str(t.name).unwrap_or("?");
                out.push_str(&format!("  File \"{file}\", line {}, in {name}\n", t.line));
                if let Some(src) = lookup(file, t.line) {
                    let src = src.trim();
                    if !src.is_empty() {
                        out.push_str(&format!("    {src}\n"));
                    }
                }
            }
        }
    }
    out.push_str(&format_exception_only(exc));
}

fn format_chain(exc: Value, lookup: SourceLookup, seen: &mut HashSet<u64>, out: &mut String) {
    seen.insert(exc.bits());
    if let Some(e) = as_exception(exc) {
        let (cause, context) = (e.cause.get(), e.context.get());
        if !cause.is_null() && !cause.is_none() && !seen.contains(&cause.bits()) {
            format_chain(cause, lookup, seen, out);
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if !context.is_null()
            && !context.is_none()
            && !e.suppress_context.get()
            && !seen.contains(&context.bits())
        {
            format_chain(context, lookup, seen, out);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
    }
    format_one(exc, lookup, out);
}

/// The full report CPython prints for an uncaught exception, chained
/// exceptions included.
pub fn format_exception(exc: Value, lookup: SourceLookup) -> String {
    let mut out = String::new();
    format_chain(exc, lookup, &mut HashSet::new(), &mut out);
    out
}

/// Prints [`format_exception`] to stderr (after flushing stdout).
pub fn print_exception(exc: Value, lookup: SourceLookup) {
    crate::runtime::stdio::flush_stdout();
    let text = format_exception(exc, lookup);
    crate::runtime::stdio::write_stderr(&text);
}

/// CPython's report of an exception raised where it cannot propagate (a
/// weakref callback run by the collector): "Exception ignored in: obj"
/// and the traceback (without source lines), then drops the exception.
pub fn report_ignored(obj: Value) {
    let Some(exc) = crate::error::take_exception() else {
        return;
    };
    let what = crate::ops::object::repr_string(obj).unwrap_or_else(|_| {
        crate::error::clear_exception();
        "<object>".to_owned()
    });
    crate::runtime::stdio::flush_stdout();
    crate::runtime::stdio::write_stderr(&format!("Exception ignored in: {what}\n"));
    print_exception(exc, &no_source);
}

/// Handles an exception that reached the top level: prints it (or, for
/// `SystemExit`, its message) and returns the process exit code.
pub fn report_uncaught(exc: Value, lookup: SourceLookup) -> i32 {
    let t = &crate::types::registry::types().exc;
    if type_of(exc).is_subtype(t.SystemExit) {
        crate::runtime::stdio::flush_stdout();
        let code = get_extra(exc, "code").unwrap_or(Value::NONE);
        if code.is_none() {
            return 0;
        }
        if let Some(i) = crate::types::int::int_of(code) {
            return match i {
                crate::types::int::Int::Small(n) => n as i32,
                crate::types::int::Int::Big(_) => -1,
            };
        }
        let msg = crate::ops::object::str_string(code).unwrap_or_default();
        crate::runtime::stdio::write_stderr(&format!("{msg}\n"));
        return 1;
    }
    print_exception(exc, lookup);
    let _ = std::io::stderr().flush();
    1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exceptions::new_exception;
    use crate::types::registry::types;
    use crate::types::string::new_str;

    #[test]
    fn chained_exception_report_matches_cpython() {
        let t = &types().exc;
        let first = new_exception(t.KeyError, "k");
        add_traceback_entry(first, new_str("lookup"), new_str("f.py"), 2);
        add_traceback_entry(first, new_str("<module>"), new_str("f.py"), 9);
        let second = new_exception(t.ValueError, "bad value");
        add_traceback_entry(second, new_str("g"), new_str("f.py"), 5);
        add_traceback_entry(second, new_str("<module>"), new_str("f.py"), 9);
        crate::exceptions::as_exception(second)
            .unwrap()
            .context
            .set(first);
        let src = |_: &str, line: u32| Some(format!("  line{line}()  "));
        let got = format_exception(second, &src);
        let want = "Traceback (most recent call last):\n  File \"f.py\", line 9, in <module>\n    line9()\n  File \"f.py\", line 2, in lookup\n    line2()\nKeyError: 'k'\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"f.py\", line 9, in <module>\n    line9()\n  File \"f.py\", line 5, in g\n    line5()\nValueError: bad value\n";
        assert_eq!(got, want);
        let e = crate::exceptions::as_exception(second).unwrap();
        e.cause.set(first);
        e.suppress_context.set(true);
        let got = format_exception(second, &no_source);
        assert!(got.contains(
            "\nThe above exception was the direct cause of the following exception:\n\n"
        ));
        assert!(got.ends_with("  File \"f.py\", line 5, in g\nValueError: bad value\n"));
    }

    #[test]
    fn system_exit_codes() {
        let t = &types().exc;
        let e = crate::exceptions::new_exception_args(t.SystemExit, &[]);
        assert_eq!(report_uncaught(e, &no_source), 0);
        let e = crate::exceptions::new_exception_args(t.SystemExit, &[Value::small_int(3)]);
        assert_eq!(report_uncaught(e, &no_source), 3);
        let e = crate::exceptions::new_exception_args(t.SystemExit, &[new_str("bye")]);
        assert_eq!(report_uncaught(e, &no_source), 1);
    }
}

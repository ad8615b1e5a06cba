//! `print(*objects, sep=' ', end='\n', file=None, flush=False)`.

use crate::args;
use crate::error::{type_error, PyResult};
use crate::object::{downcast, type_of};
use crate::ops::object::str_string;
use crate::runtime::stdio::{flush_stdout, write_stdout, write_to, TextWriterObject};
use crate::types::string::{as_str, intern};
use crate::Value;

fn text_arg(v: Value, what: &str) -> PyResult<Option<&'static str>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    match as_str(v) {
        Some(s) => Ok(Some(s)),
        None => Err(type_error(format!(
            "{what} must be None or a string, not {}",
            type_of(v).name()
        ))),
    }
}

/// `print(...)`.
pub fn print(a: &[Value], k: Option<Value>) -> PyResult {
    let (objects, kwvals) = args::split(a, k);
    let (mut sep, mut end, mut file, mut flush) =
        (Value::NULL, Value::NULL, Value::NULL, Value::NULL);
    for (&name, &v) in args::kwnames_slice(k).iter().zip(kwvals) {
        match as_str(name).unwrap_or("") {
            "sep" => sep = v,
            "end" => end = v,
            "file" => file = v,
            "flush" => flush = v,
            other => {
                return Err(type_error(format!(
                    "'{other}' is an invalid keyword argument for print()"
                )))
            }
        }
    }
    let sep = text_arg(sep, "sep")?.unwrap_or(" ");
    let end = text_arg(end, "end")?.unwrap_or("\n");
    if file.is_null() || file.is_none() {
        let sys = crate::runtime::sys_module();
        file = crate::ops::attr::getattr_opt(sys, intern("stdout"))?.unwrap_or(Value::NONE);
        if file.is_none() {
            return Ok(Value::NONE);
        }
    }
    let to_stdout = downcast::<TextWriterObject>(file).is_some_and(|w| w.fd == 1);
    if to_stdout {
        let mut line = String::new();
        for (i, &o) in objects.iter().enumerate() {
            if i > 0 {
                line.push_str(sep);
            }
            line.push_str(&str_string(o)?);
        }
        line.push_str(end);
        write_stdout(&line);
    } else {
        for (i, &o) in objects.iter().enumerate() {
            if i > 0 {
                write_to(file, sep)?;
            }
            write_to(file, &str_string(o)?)?;
        }
        write_to(file, end)?;
    }
    if !flush.is_null() && crate::ops::object::is_true(flush)? {
        if to_stdout {
            flush_stdout();
        } else {
            crate::ops::call::call_method(file, "flush", &[])?;
        }
    }
    Ok(Value::NONE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::stdio::capture_output;
    use crate::types::string::new_str;
    use crate::types::tuple::new_tuple;

    #[test]
    fn print_with_sep_and_end() {
        let (r, out, _) = capture_output(|| {
            print(&[Value::small_int(1), new_str("a"), Value::NONE], None).unwrap();
            let kw = new_tuple(&[new_str("sep"), new_str("end")]);
            print(
                &[
                    Value::small_int(1),
                    Value::small_int(2),
                    new_str("-"),
                    new_str("!\n"),
                ],
                Some(kw),
            )
        });
        r.unwrap();
        assert_eq!(out, "1 a None\n1-2!\n");
        let kw = new_tuple(&[new_str("sep")]);
        assert!(print(&[Value::small_int(3)], Some(kw)).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "sep must be None or a string, not int"
        );
    }
}

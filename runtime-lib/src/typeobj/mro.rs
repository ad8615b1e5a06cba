//! C3 linearisation (`type.mro()`), with CPython's errors for a repeated
//! base and for bases that admit no consistent order.

use crate::error::{type_error, PyResult};
use crate::typeobj::{as_type_unchecked, TypeObject};
use crate::types::tuple::new_tuple;
use crate::Value;

/// The MRO of `ty` with direct bases `bases`, as a tuple.
pub fn c3_mro(ty: &TypeObject, bases: &[&'static TypeObject]) -> PyResult<Value> {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|o| std::ptr::eq(*o, *b)) {
            return Err(type_error(format!("duplicate base class {}", b.name())));
        }
    }
    let mut seqs: Vec<Vec<Value>> = bases.iter().map(|b| mro_or_self(b)).collect();
    seqs.push(bases.iter().map(|b| b.as_value()).collect());
    let mut out = vec![ty.as_value()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(new_tuple(&out));
        }
        // The first head that appears in no other sequence's tail.
        let candidate = seqs
            .iter()
            .map(|s| s[0])
            .find(|&head| !seqs.iter().any(|s| s[1..].contains(&head)));
        let Some(next) = candidate else {
            let mut names: Vec<&str> = Vec::new();
            for s in &seqs {
                let n = as_type_unchecked(s[0]).name();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        out.push(next);
        for s in seqs.iter_mut() {
            if s[0] == next {
                s.remove(0);
            }
        }
    }
}

fn mro_or_self(b: &TypeObject) -> Vec<Value> {
    let m = b.mro_slice();
    if m.is_empty() {
        vec![b.as_value()]
    } else {
        m.to_vec()
    }
}

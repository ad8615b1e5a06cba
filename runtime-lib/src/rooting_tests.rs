//! Values the runtime holds in Rust memory while Python code runs stay
//! alive: each test runs an operation whose callbacks collect garbage,
//! on fresh objects nothing else refers to, then checks every result.

use crate::object::PyPayload;
use crate::ops::call::call;
use crate::testing::{pyfunc, text};
use crate::types::list::{new_list, ListObject};
use crate::types::registry::types;
use crate::types::string::new_str;
use crate::types::tuple::{new_tuple, tuple_items};
use crate::Value;

/// `fresh(i)`: collects, then returns a new str `"item{i}"`.
fn fresh() -> Value {
    pyfunc("fresh", &["i"], |a| {
        crate::gc::collect();
        let i = a[0].as_small_int().unwrap_or(-1);
        Ok(new_str(&format!("item{i}")))
    })
}

/// `map(fresh, range(start, stop))`: an iterator of new strs, each made
/// after a collection (which frees what nothing keeps: a new str may then
/// reuse its memory, so the texts must differ to tell).
fn fresh_range(start: i64, stop: i64) -> Value {
    let m = types().map.as_value();
    let r = crate::types::range::new_range(start, stop, 1);
    call(m, &[fresh(), r], None).unwrap()
}

fn fresh_items(n: i64) -> Value {
    fresh_range(0, n)
}

fn texts(items: &[Value]) -> Vec<String> {
    items.iter().map(|&v| text(v).to_owned()).collect()
}

fn expected(n: i64) -> Vec<String> {
    (0..n).map(|i| format!("item{i}")).collect()
}

#[test]
fn list_of_an_iterator_keeps_the_items_gathered_so_far() {
    let l = call(types().list.as_value(), &[fresh_items(40)], None).unwrap();
    crate::gc::collect();
    assert_eq!(texts(&ListObject::cast(l).unwrap().to_vec()), expected(40));
}

#[test]
fn unpacking_an_iterator_keeps_its_items() {
    let parts = crate::ops::iter::unpack_ex(fresh_items(6), 1, 1).unwrap();
    assert_eq!(text(parts[0]), "item0");
    assert_eq!(text(parts[2]), "item5");
    let middle = ListObject::cast(parts[1]).unwrap().to_vec();
    assert_eq!(texts(&middle), ["item1", "item2", "item3", "item4"]);
}

#[test]
fn sorting_with_a_collecting_key_keeps_the_items() {
    let items: Vec<Value> = (0..40)
        .rev()
        .map(|i| new_str(&format!("s{i:02}")))
        .collect();
    let l = new_list(items);
    let key = pyfunc("key", &["x"], |a| {
        crate::gc::collect();
        Ok(a[0])
    });
    let list = ListObject::cast(l).unwrap();
    crate::types::list::sort::sort_list(list, key, false).unwrap();
    let want: Vec<String> = (0..40).map(|i| format!("s{i:02}")).collect();
    assert_eq!(texts(&list.to_vec()), want);
}

/// A mapping class whose `keys()` and `__getitem__` make new strs and
/// whose `__getitem__` collects.
fn fresh_mapping() -> Value {
    let keys = pyfunc("M.keys", &["self"], |_| {
        Ok(new_list(
            (0..10).map(|i| new_str(&format!("k{i}"))).collect(),
        ))
    });
    let getitem = pyfunc("M.__getitem__", &["self", "k"], |a| {
        crate::gc::collect();
        Ok(new_str(&format!("v{}", text(a[1]))))
    });
    let cls = crate::testing::class("M", &[], &[("keys", keys), ("__getitem__", getitem)]).unwrap();
    call(cls, &[], None).unwrap()
}

/// A builtin answering `(args, kwnames)`.
fn echo(a: &[Value], k: Option<Value>) -> crate::PyResult {
    Ok(new_tuple(&[new_tuple(a), k.unwrap_or(Value::NONE)]))
}

#[test]
fn star_star_mapping_arguments_stay_alive() {
    let f = crate::types::builtin_func::new_builtin_function("echo", echo, Value::NULL);
    let r = crate::ops::call::call_ex(f, new_tuple(&[]), fresh_mapping()).unwrap();
    let [args, names] = tuple_items(r).unwrap() else {
        panic!("a pair");
    };
    crate::gc::collect();
    let want_names: Vec<String> = (0..10).map(|i| format!("k{i}")).collect();
    let want_values: Vec<String> = want_names.iter().map(|k| format!("v{k}")).collect();
    assert_eq!(texts(tuple_items(*names).unwrap()), want_names);
    assert_eq!(texts(tuple_items(*args).unwrap()), want_values);
}

#[test]
fn dict_update_from_a_mapping_keeps_its_values() {
    let d = crate::types::dict::DictObject::new_value();
    crate::ops::build::dict_update(d, fresh_mapping()).unwrap();
    crate::gc::collect();
    let dict = crate::types::dict::DictObject::cast(d).unwrap();
    let got: Vec<(String, String)> = dict
        .items()
        .into_iter()
        .map(|(k, v)| (text(k).to_owned(), text(v).to_owned()))
        .collect();
    let want: Vec<(String, String)> = (0..10)
        .map(|i| (format!("k{i}"), format!("vk{i}")))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn zip_and_map_of_many_iterators_keep_the_items_of_a_step() {
    // More iterators than fit in the inline buffer.
    let iters: Vec<Value> = (0..10).map(|j| fresh_range(10 * j, 10 * j + 3)).collect();
    let z = call(types().zip.as_value(), &iters, None).unwrap();
    let rows = crate::ops::iter::collect(z).unwrap();
    crate::gc::collect();
    assert_eq!(rows.len(), 3);
    for (i, &row) in rows.iter().enumerate() {
        let want: Vec<String> = (0..10).map(|j| format!("item{}", 10 * j + i)).collect();
        assert_eq!(texts(tuple_items(row).unwrap()), want);
    }
}

//! Shapes (hidden classes) and `Attrs`, the attribute storage of instances.
//!
//! An instance keeps its attribute values in a slot array; its *shape*
//! maps attribute names to slot indexes and is shared by every instance
//! that gained the same attributes in the same order. Adding an attribute
//! follows (or creates) a transition to a child shape, so shapes form a
//! tree rooted at the empty shape. Generated code caches (shape, index) at
//! an attribute access site and then loads the slot directly.
//!
//! Asking for an instance's `__dict__` moves its attributes into a real
//! dict, which from then on is the storage (as CPython's materialised
//! `__dict__`): the instance gets the *dict shape*, whose only slot holds
//! the dict. Caches never record the dict shape, so every access to such an
//! instance takes the generic path and reads the dict.
//!
//! Deleting an attribute leaves its slot empty (NULL) and keeps the shape;
//! re-adding it reuses the slot (so, unlike CPython, it keeps its original
//! position in `__dict__`). Shapes are per thread (objects never cross
//! threads); a `__slots__` class starts its instances at a shape holding
//! the slot names, marked `fixed` so no other name can be added.

use std::cell::{Cell, RefCell};
use std::mem::offset_of;

use crate::object::PyPayload;
use crate::types::dict::DictObject;
use crate::types::string::StrObject;
use crate::types::value_vec::{ValueVec, VALUE_VEC_LEN_OFFSET, VALUE_VEC_PTR_OFFSET};
use crate::Value;

/// A shape: attribute names in slot order.
pub struct Shape {
    pub names: Vec<Value>,
    /// No attribute outside `names` may be added (`__slots__`).
    pub fixed: bool,
    transitions: RefCell<Vec<(Value, &'static Shape)>>,
}

thread_local! {
    static ROOT: &'static Shape = Box::leak(Box::new(Shape {
        names: Vec::new(),
        fixed: false,
        transitions: RefCell::new(Vec::new()),
    }));
    static DICT: &'static Shape = Box::leak(Box::new(Shape {
        names: Vec::new(),
        fixed: false,
        transitions: RefCell::new(Vec::new()),
    }));
}

fn same_name(a: Value, b: Value) -> bool {
    a == b
        || match (StrObject::cast(a), StrObject::cast(b)) {
            (Some(x), Some(y)) => crate::types::string::str_eq(x, y),
            _ => false,
        }
}

/// The collector's roots here: the names of every shape (shapes are
/// never freed, and a name may be a str nothing else holds).
pub fn trace_roots(visit: &mut dyn FnMut(Value)) {
    fn walk(s: &Shape, visit: &mut dyn FnMut(Value)) {
        s.names.iter().for_each(|&n| visit(n));
        for &(name, next) in s.transitions.borrow().iter() {
            visit(name);
            walk(next, visit);
        }
    }
    walk(Shape::root(), visit);
}

impl Shape {
    /// The empty shape every instance starts from.
    pub fn root() -> &'static Shape {
        ROOT.with(|r| *r)
    }

    /// The shape of instances whose attributes live in a dict.
    pub fn dict() -> &'static Shape {
        DICT.with(|d| *d)
    }

    pub fn is_dict(&self) -> bool {
        std::ptr::eq(self, Shape::dict())
    }

    /// The slot index of `name`.
    pub fn index_of(&self, name: Value) -> Option<usize> {
        if let Some(i) = self.names.iter().position(|&n| n == name) {
            return Some(i);
        }
        // Names are nearly always the same interned strs; an equal str that
        // is another object is found by text (a miss, such as a method name
        // looked up on an instance, ends up here too).
        let s = StrObject::cast(name)?;
        self.names
            .iter()
            .position(|&n| StrObject::cast(n).is_some_and(|x| crate::types::string::str_eq(x, s)))
    }

    /// The shape with `name` appended (shared through the transition table).
    pub fn with_name(&'static self, name: Value) -> &'static Shape {
        if let Some(&(_, s)) = self
            .transitions
            .borrow()
            .iter()
            .find(|(n, _)| same_name(*n, name))
        {
            return s;
        }
        let mut names = self.names.clone();
        names.push(name);
        let s: &'static Shape = Box::leak(Box::new(Shape {
            names,
            fixed: self.fixed,
            transitions: RefCell::new(Vec::new()),
        }));
        self.transitions.borrow_mut().push((name, s));
        s
    }

    /// The fixed shape of a `__slots__` class whose base shape is `self`.
    pub fn with_slots(&'static self, slots: &[Value]) -> &'static Shape {
        let mut s = self;
        for &n in slots {
            if s.index_of(n).is_none() {
                s = s.with_name(n);
            }
        }
        Box::leak(Box::new(Shape {
            names: s.names.clone(),
            fixed: true,
            transitions: RefCell::new(Vec::new()),
        }))
    }
}

/// An instance's attributes: its shape and slot values.
#[repr(C)]
pub struct Attrs {
    pub shape: Cell<*const Shape>,
    pub values: ValueVec,
    /// Room for the first attributes inside the object (see
    /// [`Attrs::use_inline_storage`]).
    inline: [Cell<Value>; INLINE_ATTRS],
}

/// Attributes an instance keeps inside itself before allocating.
pub const INLINE_ATTRS: usize = 4;

pub const ATTRS_SHAPE_OFFSET: usize = offset_of!(Attrs, shape);
pub const ATTRS_VALUES_PTR_OFFSET: usize = offset_of!(Attrs, values) + VALUE_VEC_PTR_OFFSET;
pub const ATTRS_VALUES_LEN_OFFSET: usize = offset_of!(Attrs, values) + VALUE_VEC_LEN_OFFSET;

impl Attrs {
    pub fn new(shape: &'static Shape) -> Attrs {
        let values = ValueVec::from_vec(vec![Value::NULL; shape.names.len()]);
        Attrs {
            shape: Cell::new(shape),
            values,
            inline: [const { Cell::new(Value::NULL) }; INLINE_ATTRS],
        }
    }

    /// Keeps the first attributes in the object itself (call once the
    /// object is allocated, where it stays).
    pub fn use_inline_storage(&self) {
        // SAFETY: the inline array lives in the same (non-moving) object as
        // the ValueVec and is used by nothing else.
        unsafe {
            self.values
                .use_inline(self.inline.as_ptr() as *mut Value, INLINE_ATTRS)
        };
    }

    pub fn shape(&self) -> &'static Shape {
        // SAFETY: shapes are leaked and never freed.
        unsafe { &*self.shape.get() }
    }

    /// The dict holding the attributes, once `__dict__` was asked for.
    fn dict(&self) -> Option<&'static DictObject> {
        if !self.shape().is_dict() {
            return None;
        }
        DictObject::cast(self.values.get(0)?)
    }

    pub fn get(&self, name: Value) -> Option<Value> {
        if let Some(d) = self.dict() {
            return d.get_str(name);
        }
        let i = self.shape().index_of(name)?;
        self.values.get(i).filter(|v| !v.is_null())
    }

    /// Whether an attribute `name` may be set on the instance (so a cache
    /// must not assume the type's attribute is what a lookup finds).
    pub fn may_have(&self, name: Value) -> bool {
        self.shape().is_dict() || self.shape().index_of(name).is_some()
    }

    /// Sets `name`; false if the shape is fixed and lacks it.
    pub fn set(&self, name: Value, value: Value) -> bool {
        if let Some(d) = self.dict() {
            d.set_str(name, value);
            return true;
        }
        let shape = self.shape();
        if let Some(i) = shape.index_of(name) {
            while self.values.len() <= i {
                self.values.push(Value::NULL);
            }
            self.values.set(i, value);
            return true;
        }
        if shape.fixed {
            return false;
        }
        let next = shape.with_name(name);
        self.shape.set(next);
        self.values.push(value);
        true
    }

    /// Deletes `name`; false if it was not set.
    pub fn delete(&self, name: Value) -> bool {
        if let Some(d) = self.dict() {
            return d.del_str(name);
        }
        match self.shape().index_of(name) {
            Some(i) if self.values.get(i).is_some_and(|v| !v.is_null()) => {
                self.values.set(i, Value::NULL)
            }
            _ => false,
        }
    }

    /// The set attributes in slot (or dict) order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        if let Some(d) = self.dict() {
            return d.items();
        }
        let names = &self.shape().names;
        names
            .iter()
            .enumerate()
            .filter_map(|(i, &n)| self.values.get(i).filter(|v| !v.is_null()).map(|v| (n, v)))
            .collect()
    }

    /// `__dict__`: the dict of the attributes, which from now on holds
    /// them (writes to it are writes to the instance's attributes).
    pub fn to_dict(&self) -> Value {
        if self.shape().is_dict() {
            if let Some(d) = self.values.get(0) {
                return d;
            }
        }
        let d = DictObject::new_value();
        if let Some(o) = DictObject::cast(d) {
            for (k, v) in self.items() {
                o.set_str(k, v);
            }
        }
        self.use_dict(d);
        d
    }

    /// `obj.__dict__ = dict`: `dict` (a dict) becomes the storage.
    pub fn use_dict(&self, dict: Value) {
        self.values.replace_all(vec![dict]);
        self.shape.set(Shape::dict());
    }

    /// Visits the slot values (the shape's names are roots already).
    pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
        self.values.trace(visit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::string::{intern, new_str};

    #[test]
    fn instances_share_shapes_through_transitions() {
        let a = Attrs::new(Shape::root());
        let b = Attrs::new(Shape::root());
        a.set(intern("x"), Value::small_int(1));
        a.set(intern("y"), Value::small_int(2));
        b.set(new_str("x"), Value::small_int(3));
        b.set(intern("y"), Value::small_int(4));
        assert!(std::ptr::eq(a.shape(), b.shape()));
        assert_eq!(a.get(intern("y")), Some(Value::small_int(2)));
        assert!(a.delete(intern("x")));
        assert_eq!(a.get(intern("x")), None);
        assert!(!a.delete(intern("x")));
        assert_eq!(a.items().len(), 1);
    }

    #[test]
    fn fixed_shapes_reject_new_names() {
        let s = Shape::root().with_slots(&[intern("a")]);
        let at = Attrs::new(s);
        assert!(at.set(intern("a"), Value::NONE));
        assert!(!at.set(intern("b"), Value::NONE));
    }
}

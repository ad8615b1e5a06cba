//! The abstract syntax tree of a Python 3.11 module.
//!
//! The shape follows CPython's `ast` module (same node names and fields), so
//! `--emit ast` reads like `ast.dump(indent=2)` and later stages can follow
//! CPython's compiler. Every node carries a [`Span`]. Nodes that open a scope
//! (functions, lambdas, classes, comprehensions) carry a [`NodeId`], unique
//! within one parsed module, by which the scope analysis keys its tables.

use super::span::Span;
pub use super::thin_list::ThinList;
use num_bigint::BigInt;

/// Identifies a scope-opening node within one module.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// An identifier (NFKC-normalised) with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: Name,
    pub span: Span,
}

/// An identifier's text. Identifiers of up to [`Name::INLINE`] bytes (all
/// but a few) are stored in place, so that the parser allocates nothing per
/// identifier; it reads as a `&str` (`Deref`), and compares, hashes and
/// prints as one.
#[derive(Clone)]
pub struct Name(NameRepr);

#[derive(Clone)]
enum NameRepr {
    /// The first `len` bytes of `bytes` (the rest are zero).
    Inline {
        len: u8,
        bytes: [u8; Name::INLINE],
    },
    Heap(Box<str>),
}

/// For each length up to [`Name::INLINE`], 24 bytes: that many 0xff, then
/// zeros (see [`Name::from_ascii_window`]).
static NAME_MASKS: [[u8; 24]; Name::INLINE + 1] = {
    let mut masks = [[0; 24]; Name::INLINE + 1];
    let mut len = 0;
    while len <= Name::INLINE {
        let mut i = 0;
        while i < len {
            masks[len][i] = 0xff;
            i += 1;
        }
        len += 1;
    }
    masks
};

impl Name {
    /// The longest name stored in place: `Name` is as large as a `String`.
    pub const INLINE: usize = 22;

    pub fn new(text: &str) -> Name {
        if text.len() <= Name::INLINE {
            let mut bytes = [0; Name::INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            Name(NameRepr::Inline {
                len: text.len() as u8,
                bytes,
            })
        } else {
            Name(NameRepr::Heap(text.into()))
        }
    }

    /// The name of the first `len` bytes of `window` (a fixed-size copy of
    /// the source from the name's start on), if they are ASCII and fit in
    /// place. Masking a fixed-size window compiles to a few vector
    /// operations, where `new` copies a slice of variable length.
    pub fn from_ascii_window(window: &[u8; Name::INLINE], len: usize) -> Option<Name> {
        if len > Name::INLINE {
            return None;
        }
        // The window as three 8-byte words (the last one padded with two
        // zeros), with the bytes from `len` on cleared by a mask from a
        // table (a variable shift of a 128-bit integer took a dozen
        // instructions for each name).
        let mut padded = [0; 24];
        padded[..Name::INLINE].copy_from_slice(window);
        let mask = &NAME_MASKS[len];
        let word = |i: usize| {
            let mut w = [0; 8];
            w.copy_from_slice(&padded[i * 8..i * 8 + 8]);
            let mut m = [0; 8];
            m.copy_from_slice(&mask[i * 8..i * 8 + 8]);
            u64::from_le_bytes(w) & u64::from_le_bytes(m)
        };
        let (a, b, c) = (word(0), word(1), word(2));
        if (a | b | c) & (u64::MAX / 255 * 0x80) != 0 {
            return None;
        }
        let mut bytes = [0; Name::INLINE];
        bytes[..8].copy_from_slice(&a.to_le_bytes());
        bytes[8..16].copy_from_slice(&b.to_le_bytes());
        bytes[16..].copy_from_slice(&c.to_le_bytes()[..Name::INLINE - 16]);
        Some(Name(NameRepr::Inline {
            len: len as u8,
            bytes,
        }))
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Always valid: the bytes were copied from a `&str`.
            NameRepr::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..*len as usize]).unwrap_or_default()
            }
            NameRepr::Heap(text) => text,
        }
    }
}

impl std::ops::Deref for Name {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Name {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Name {
    fn from(text: &str) -> Name {
        Name::new(text)
    }
}

impl From<String> for Name {
    fn from(text: String) -> Name {
        Name::new(&text)
    }
}

impl From<Name> for String {
    fn from(name: Name) -> String {
        name.as_str().to_owned()
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self.as_str(), f)
    }
}

impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Name {}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Name> for String {
    fn eq(&self, other: &Name) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Name> for str {
    fn eq(&self, other: &Name) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        *self == other.as_str()
    }
}

impl std::hash::Hash for Name {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Name) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Name {
    fn cmp(&self, other: &Name) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
/// Variants holding several expressions box them, keeping `Stmt` small
/// (statements are stored inline in `Vec<Stmt>` bodies).
pub enum StmtKind {
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    Return(Option<Expr>),
    Delete(Vec<Expr>),
    Assign {
        targets: Vec<Expr>,
        value: Box<Expr>,
    },
    AugAssign {
        target: Box<Expr>,
        op: Operator,
        value: Box<Expr>,
    },
    /// `simple` is true for a bare name target not in parentheses.
    AnnAssign {
        target: Box<Expr>,
        annotation: Box<Expr>,
        value: Option<Box<Expr>>,
        simple: bool,
    },
    For(Box<For>),
    While {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    If {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    With {
        is_async: bool,
        items: Vec<WithItem>,
        body: Vec<Stmt>,
    },
    Match {
        subject: Box<Expr>,
        cases: Vec<MatchCase>,
    },
    Raise {
        exc: Option<Box<Expr>>,
        cause: Option<Box<Expr>>,
    },
    /// `is_star` marks `try`/`except*` (CPython's `TryStar`).
    Try(Box<Try>),
    Assert {
        test: Box<Expr>,
        msg: Option<Box<Expr>>,
    },
    Import(Vec<Alias>),
    ImportFrom {
        module: Option<Ident>,
        names: Vec<Alias>,
        level: u32,
    },
    Global(Vec<Ident>),
    Nonlocal(Vec<Ident>),
    Expr(Expr),
    Pass,
    Break,
    Continue,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub id: NodeId,
    pub is_async: bool,
    pub name: Ident,
    pub args: Arguments,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
    pub returns: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub id: NodeId,
    pub name: Ident,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct For {
    pub is_async: bool,
    pub target: Expr,
    pub iter: Expr,
    pub body: Vec<Stmt>,
    pub orelse: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Try {
    pub is_star: bool,
    pub body: Vec<Stmt>,
    pub handlers: Vec<ExceptHandler>,
    pub orelse: Vec<Stmt>,
    pub finalbody: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    pub type_: Option<Expr>,
    pub name: Option<Ident>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Expr>,
}

/// `import a.b as c` / `from m import x as y` / `from m import *` (name `*`).
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// Dotted name, e.g. `os.path`.
    pub name: String,
    pub asname: Option<Ident>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub kind: PatternKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind {
    MatchValue(Expr),
    MatchSingleton(Constant),
    MatchSequence(Vec<Pattern>),
    MatchMapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<Ident>,
    },
    MatchClass {
        cls: Expr,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<Ident>,
        kwd_patterns: Vec<Pattern>,
    },
    /// `*name` or `*_` (None) inside a sequence pattern.
    MatchStar(Option<Ident>),
    /// `pattern as name`, a capture `name` (pattern None), or `_` (both None).
    MatchAs {
        pattern: Option<Box<Pattern>>,
        name: Option<Ident>,
    },
    MatchOr(Vec<Pattern>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

/// No variant holds more than four words, which keeps `Expr` at 48 bytes
/// (an exact size class of the allocator for `Box<Expr>`): a large module
/// has millions of expressions, and parsing it is bound by writing them.
/// Hence boxed slices rather than `Vec`s in `Dict`, `Call` and `Compare`,
/// [`ThinList`]s for a call's keywords and a comparison's operators, and
/// the attribute name's start offset alone (its end is the end of the
/// `Attribute` expression's span).
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    NamedExpr {
        target: Box<Expr>,
        value: Box<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: Operator,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Lambda(Box<Lambda>),
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// A `None` key is a `**mapping` entry.
    Dict {
        keys: Box<[Option<Expr>]>,
        values: Box<[Expr]>,
    },
    Set(Vec<Expr>),
    ListComp(Box<Comprehension>),
    SetComp(Box<Comprehension>),
    DictComp(Box<Comprehension>),
    GeneratorExp(Box<Comprehension>),
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    Compare {
        left: Box<Expr>,
        ops: ThinList<CmpOp>,
        comparators: Box<[Expr]>,
    },
    Call {
        func: Box<Expr>,
        args: Box<[Expr]>,
        keywords: ThinList<Keyword>,
    },
    /// One `{value!conversion:format_spec}` field of an f-string.
    FormattedValue {
        value: Box<Expr>,
        conversion: Conversion,
        format_spec: Option<Box<Expr>>,
    },
    /// An f-string: `Constant` strings and `FormattedValue`s.
    JoinedStr(Vec<Expr>),
    Constant(Constant),
    /// `attr_start` is where the attribute's name starts; it ends where
    /// the expression does.
    Attribute {
        value: Box<Expr>,
        attr: Name,
        attr_start: u32,
        ctx: ExprContext,
    },
    Subscript {
        value: Box<Expr>,
        slice: Box<Expr>,
        ctx: ExprContext,
    },
    Starred {
        value: Box<Expr>,
        ctx: ExprContext,
    },
    Name {
        id: Name,
        ctx: ExprContext,
    },
    List {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    Tuple {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

/// A comprehension or generator expression. For `DictComp`, `elt` is the
/// key and `value` is `Some(value)`; otherwise `value` is `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub id: NodeId,
    pub elt: Expr,
    pub value: Option<Expr>,
    pub generators: Vec<ComprehensionFor>,
}

/// One `for target in iter if cond...` clause.
#[derive(Clone, Debug, PartialEq)]
pub struct ComprehensionFor {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lambda {
    pub id: NodeId,
    pub args: Arguments,
    pub body: Expr,
}

/// A function's parameter list. `defaults` belong to the last positional
/// parameters (positional-only first, then `args`); `kw_defaults` pairs
/// one-to-one with `kwonlyargs`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Arguments {
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Arg>,
    pub kwonlyargs: Vec<Arg>,
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Arg>,
    pub defaults: Vec<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    pub name: Ident,
    pub annotation: Option<Box<Expr>>,
    pub span: Span,
}

/// `name=value` in a call or class header; `arg` is None for `**value`.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    pub arg: Option<Ident>,
    pub value: Expr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    Int(Int),
    Float(f64),
    /// The imaginary part of a complex literal such as `2j`.
    Complex(f64),
    Str(String),
    Bytes(Vec<u8>),
}

/// An integer literal's value: small values avoid the big-integer allocation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Int {
    Small(i64),
    Big(Box<BigInt>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl Operator {
    /// The operator's source spelling, e.g. `"//"`.
    pub fn symbol(self) -> &'static str {
        match self {
            Operator::Add => "+",
            Operator::Sub => "-",
            Operator::Mult => "*",
            Operator::MatMult => "@",
            Operator::Div => "/",
            Operator::Mod => "%",
            Operator::Pow => "**",
            Operator::LShift => "<<",
            Operator::RShift => ">>",
            Operator::BitOr => "|",
            Operator::BitXor => "^",
            Operator::BitAnd => "&",
            Operator::FloorDiv => "//",
        }
    }
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Self {
        Expr { kind, span }
    }
}

impl Stmt {
    pub fn new(kind: StmtKind, span: Span) -> Self {
        Stmt { kind, span }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Node sizes are what parsing a large module costs (see `ExprKind`):
    /// a change here should be deliberate.
    #[test]
    fn node_sizes() {
        assert_eq!(std::mem::size_of::<Name>(), 24);
        assert_eq!(std::mem::size_of::<Expr>(), 48);
        assert_eq!(std::mem::size_of::<Stmt>(), 72);
    }

    #[test]
    fn names_read_compare_and_hash_as_strings() {
        use std::collections::hash_map::DefaultHasher;
        use std::hash::{Hash, Hasher};
        let hash = |value: &dyn Fn(&mut DefaultHasher)| {
            let mut hasher = DefaultHasher::new();
            value(&mut hasher);
            hasher.finish()
        };
        let inline = "x".repeat(Name::INLINE);
        let heap = "y".repeat(Name::INLINE + 1);
        for text in ["", "a", "é𝔘", inline.as_str(), heap.as_str()] {
            let name = Name::new(text);
            assert_eq!(&*name, text);
            assert_eq!(name, text);
            assert_eq!(name, Name::from(text.to_owned()));
            assert_eq!(String::from(name.clone()), text);
            assert_eq!(format!("{name}"), text);
            assert_eq!(format!("{name:?}"), format!("{:?}", text.to_owned()));
            assert_eq!(hash(&|h| name.hash(h)), hash(&|h| text.hash(h)), "{text:?}");
        }
        assert!(Name::new("a") < Name::new("b"));
        // A window past the name holds other bytes: only `len` count.
        for text in ["", "a", "x_1", inline.as_str()] {
            let mut window = [b'z'; Name::INLINE];
            window[..text.len()].copy_from_slice(text.as_bytes());
            let name = Name::from_ascii_window(&window, text.len());
            assert_eq!(name.as_deref(), Some(text));
            assert_eq!(name, Some(Name::new(text)));
        }
        let mut window = [b'a'; Name::INLINE];
        window[..2].copy_from_slice("é".as_bytes());
        assert_eq!(Name::from_ascii_window(&window, 2), None);
        assert_eq!(Name::from_ascii_window(&window, 3), None);
        assert_eq!(
            Name::from_ascii_window(&[b'a'; Name::INLINE], Name::INLINE + 1),
            None
        );
        assert_ne!(Name::new(&inline), Name::new(&heap));
    }
}

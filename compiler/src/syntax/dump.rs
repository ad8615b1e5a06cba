//! Prints an AST the way CPython's `ast.dump(tree, indent=2)` does, for
//! `--emit ast` and the AST snapshot tests.
//!
//! Without spans the output is meant to be byte-for-byte what CPython 3.11
//! prints for the same program, so the two can be diffed mechanically: the
//! same node and field names and field order, fields whose value is `None`
//! left out, empty lists shown as `[]`, a node kept on one line when it has at
//! most three fields and each is an atom, an empty list or a field-less node
//! (`Name(id='x', ctx=Load())`), and Python's `repr` for identifiers,
//! strings, bytes and numbers. The differences are what our AST does not
//! record: no `type_comment` fields and no `kind='u'` on `u'...'` strings.
//!
//! With spans, every node that carries a span (statements, expressions,
//! patterns, `arg`, `keyword`, `alias`, `ExceptHandler` and the module) gets
//! ` @ L:C-L:C` (start and end; 1-based line, 0-based column in characters,
//! as [`LineIndex`] computes them) appended to the line where the node
//! opens, after any brackets and comma that close on that line. To keep that
//! unambiguous, a spanned node never counts as simple, so no line opens two
//! spanned nodes and every annotation belongs to the one node that opens on
//! its line (`def f(a):\n    return a`):
//!
//! ```text
//! Module( @ 1:0-2:12
//!   body=[
//!     FunctionDef( @ 1:0-2:12
//!       name='f',
//!       args=arguments(
//!         posonlyargs=[],
//!         args=[
//!           arg(arg='a')], @ 1:6-1:7
//!         kwonlyargs=[],
//!         kw_defaults=[],
//!         defaults=[]),
//!       body=[
//!         Return( @ 2:4-2:12
//!           value=Name(id='a', ctx=Load()))], @ 2:11-2:12
//!       decorator_list=[])],
//!   type_ignores=[])
//! ```
//!
//! The output is deterministic: it depends only on the tree and, for spans,
//! on the source text.
//!
//! The `repr` helpers ([`repr_str`], [`repr_bytes`], [`repr_float`],
//! [`repr_constant`]) are public because error messages quoting a constant
//! (`mapping pattern checks duplicate key ('a')`) need the same rules.

use super::ast::*;
use super::span::{LineIndex, Span};
use std::fmt::Write as _;

/// Prints the AST in the style of `ast.dump(module, indent=2)`; with
/// `spans`, each spanned node also shows its `L:C-L:C` range (see the module
/// documentation for the exact format).
pub fn dump_module(module: &Module, source: &str, spans: bool) -> String {
    let tree = Node::spanned("Module", module.span)
        .field("body", stmts(&module.body))
        .field("type_ignores", Value::List(Vec::new()));
    let mut printer = Printer {
        out: String::new(),
        pending: String::new(),
        lines: spans.then(|| LineIndex::new(source)),
    };
    printer.node(&tree, 0);
    printer.end_line();
    printer.out
}

// ---------------------------------------------------------------------------
// The generic tree: what `ast.dump` sees of a node.

enum Value {
    /// An already formatted atom: a repr'd identifier, string or number.
    Atom(String),
    List(Vec<Value>),
    Node(Node),
}

struct Node {
    name: &'static str,
    span: Option<Span>,
    fields: Vec<(&'static str, Value)>,
}

impl Node {
    fn new(name: &'static str) -> Self {
        Node {
            name,
            span: None,
            fields: Vec::new(),
        }
    }

    fn spanned(name: &'static str, span: Span) -> Self {
        Node {
            name,
            span: Some(span),
            fields: Vec::new(),
        }
    }

    fn field(mut self, name: &'static str, value: Value) -> Self {
        self.fields.push((name, value));
        self
    }

    /// A field `ast.dump` leaves out when it is `None`.
    fn opt(self, name: &'static str, value: Option<Value>) -> Self {
        match value {
            Some(value) => self.field(name, value),
            None => self,
        }
    }
}

impl From<Node> for Value {
    fn from(node: Node) -> Self {
        Value::Node(node)
    }
}

// ---------------------------------------------------------------------------
// Layout, following `ast.dump`'s `_format`.

struct Printer<'a> {
    out: String,
    /// Span annotations for the current line, written when it ends.
    pending: String,
    lines: Option<LineIndex<'a>>,
}

impl Printer<'_> {
    /// Whether `ast.dump` would count `value` as simple: a node whose fields
    /// are all simple, and at most three, stays on one line.
    fn is_simple(&self, value: &Value) -> bool {
        match value {
            Value::Atom(_) => true,
            Value::List(items) => items.is_empty(),
            Value::Node(node) => {
                node.fields.is_empty() && (self.lines.is_none() || node.span.is_none())
            }
        }
    }

    fn end_line(&mut self) {
        self.out.push_str(&self.pending);
        self.pending.clear();
    }

    fn new_line(&mut self, level: usize) {
        self.end_line();
        self.out.push('\n');
        for _ in 0..level {
            self.out.push_str("  ");
        }
    }

    fn value(&mut self, value: &Value, level: usize) {
        match value {
            Value::Atom(text) => self.out.push_str(text),
            Value::List(items) if items.is_empty() => self.out.push_str("[]"),
            Value::List(items) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.new_line(level + 1);
                    self.value(item, level + 1);
                }
                self.out.push(']');
            }
            Value::Node(node) => self.node(node, level),
        }
    }

    fn node(&mut self, node: &Node, level: usize) {
        if let (Some(lines), Some(span)) = (&self.lines, node.span) {
            let (l1, c1) = lines.line_col(span.start);
            let (l2, c2) = lines.line_col(span.end);
            // Writing to a String cannot fail.
            let _ = write!(self.pending, " @ {l1}:{c1}-{l2}:{c2}");
        }
        let one_line = node.fields.len() <= 3 && node.fields.iter().all(|(_, v)| self.is_simple(v));
        self.out.push_str(node.name);
        self.out.push('(');
        for (i, (name, value)) in node.fields.iter().enumerate() {
            if one_line {
                if i > 0 {
                    self.out.push_str(", ");
                }
            } else {
                if i > 0 {
                    self.out.push(',');
                }
                self.new_line(level + 1);
            }
            self.out.push_str(name);
            self.out.push('=');
            self.value(value, level + 1);
        }
        self.out.push(')');
    }
}

// ---------------------------------------------------------------------------
// AST to generic tree.

fn list<T>(items: &[T], f: impl Fn(&T) -> Value) -> Value {
    Value::List(items.iter().map(f).collect())
}

fn atom(text: impl Into<String>) -> Value {
    Value::Atom(text.into())
}

fn ident(id: &Ident) -> Value {
    atom(repr_str(&id.name))
}

fn flag(b: bool) -> Value {
    atom(if b { "1" } else { "0" })
}

fn bare(name: &'static str) -> Value {
    Node::new(name).into()
}

fn stmts(body: &[Stmt]) -> Value {
    list(body, stmt)
}

fn exprs(items: &[Expr]) -> Value {
    list(items, expr)
}

fn boxed(e: &Option<Box<Expr>>) -> Option<Value> {
    e.as_deref().map(expr)
}

fn stmt(s: &Stmt) -> Value {
    let node = |name| Node::spanned(name, s.span);
    match &s.kind {
        StmtKind::FunctionDef(f) => node(if f.is_async {
            "AsyncFunctionDef"
        } else {
            "FunctionDef"
        })
        .field("name", ident(&f.name))
        .field("args", arguments(&f.args))
        .field("body", stmts(&f.body))
        .field("decorator_list", exprs(&f.decorator_list))
        .opt("returns", f.returns.as_ref().map(expr)),
        StmtKind::ClassDef(c) => node("ClassDef")
            .field("name", ident(&c.name))
            .field("bases", exprs(&c.bases))
            .field("keywords", list(&c.keywords, keyword))
            .field("body", stmts(&c.body))
            .field("decorator_list", exprs(&c.decorator_list)),
        StmtKind::Return(value) => node("Return").opt("value", value.as_ref().map(expr)),
        StmtKind::Delete(targets) => node("Delete").field("targets", exprs(targets)),
        StmtKind::Assign { targets, value } => node("Assign")
            .field("targets", exprs(targets))
            .field("value", expr(value)),
        StmtKind::AugAssign { target, op, value } => node("AugAssign")
            .field("target", expr(target))
            .field("op", bare(operator_name(*op)))
            .field("value", expr(value)),
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        } => node("AnnAssign")
            .field("target", expr(target))
            .field("annotation", expr(annotation))
            .opt("value", value.as_deref().map(expr))
            .field("simple", flag(*simple)),
        StmtKind::For(f) => node(if f.is_async { "AsyncFor" } else { "For" })
            .field("target", expr(&f.target))
            .field("iter", expr(&f.iter))
            .field("body", stmts(&f.body))
            .field("orelse", stmts(&f.orelse)),
        StmtKind::While { test, body, orelse } => node("While")
            .field("test", expr(test))
            .field("body", stmts(body))
            .field("orelse", stmts(orelse)),
        StmtKind::If { test, body, orelse } => node("If")
            .field("test", expr(test))
            .field("body", stmts(body))
            .field("orelse", stmts(orelse)),
        StmtKind::With {
            is_async,
            items,
            body,
        } => node(if *is_async { "AsyncWith" } else { "With" })
            .field("items", list(items, with_item))
            .field("body", stmts(body)),
        StmtKind::Match { subject, cases } => node("Match")
            .field("subject", expr(subject))
            .field("cases", list(cases, match_case)),
        StmtKind::Raise { exc, cause } => node("Raise")
            .opt("exc", exc.as_deref().map(expr))
            .opt("cause", cause.as_deref().map(expr)),
        StmtKind::Try(t) => node(if t.is_star { "TryStar" } else { "Try" })
            .field("body", stmts(&t.body))
            .field("handlers", list(&t.handlers, except_handler))
            .field("orelse", stmts(&t.orelse))
            .field("finalbody", stmts(&t.finalbody)),
        StmtKind::Assert { test, msg } => node("Assert")
            .field("test", expr(test))
            .opt("msg", msg.as_deref().map(expr)),
        StmtKind::Import(names) => node("Import").field("names", list(names, alias)),
        StmtKind::ImportFrom {
            module,
            names,
            level,
        } => node("ImportFrom")
            .opt("module", module.as_ref().map(ident))
            .field("names", list(names, alias))
            .field("level", atom(level.to_string())),
        StmtKind::Global(names) => node("Global").field("names", list(names, ident)),
        StmtKind::Nonlocal(names) => node("Nonlocal").field("names", list(names, ident)),
        StmtKind::Expr(value) => node("Expr").field("value", expr(value)),
        StmtKind::Pass => node("Pass"),
        StmtKind::Break => node("Break"),
        StmtKind::Continue => node("Continue"),
    }
    .into()
}

fn expr(e: &Expr) -> Value {
    let node = |name| Node::spanned(name, e.span);
    match &e.kind {
        ExprKind::BoolOp { op, values } => node("BoolOp")
            .field("op", bare(if *op == BoolOp::And { "And" } else { "Or" }))
            .field("values", exprs(values)),
        ExprKind::NamedExpr { target, value } => node("NamedExpr")
            .field("target", expr(target))
            .field("value", expr(value)),
        ExprKind::BinOp { left, op, right } => node("BinOp")
            .field("left", expr(left))
            .field("op", bare(operator_name(*op)))
            .field("right", expr(right)),
        ExprKind::UnaryOp { op, operand } => node("UnaryOp")
            .field("op", bare(unary_name(*op)))
            .field("operand", expr(operand)),
        ExprKind::Lambda(l) => node("Lambda")
            .field("args", arguments(&l.args))
            .field("body", expr(&l.body)),
        ExprKind::IfExp { test, body, orelse } => node("IfExp")
            .field("test", expr(test))
            .field("body", expr(body))
            .field("orelse", expr(orelse)),
        ExprKind::Dict { keys, values } => node("Dict")
            .field(
                "keys",
                list(keys, |k| k.as_ref().map_or_else(|| atom("None"), expr)),
            )
            .field("values", exprs(values)),
        ExprKind::Set(elts) => node("Set").field("elts", exprs(elts)),
        ExprKind::ListComp(c) => comprehension(node("ListComp"), c),
        ExprKind::SetComp(c) => comprehension(node("SetComp"), c),
        ExprKind::DictComp(c) => comprehension(node("DictComp"), c),
        ExprKind::GeneratorExp(c) => comprehension(node("GeneratorExp"), c),
        ExprKind::Await(value) => node("Await").field("value", expr(value)),
        ExprKind::Yield(value) => node("Yield").opt("value", boxed(value)),
        ExprKind::YieldFrom(value) => node("YieldFrom").field("value", expr(value)),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => node("Compare")
            .field("left", expr(left))
            .field("ops", list(ops, |op| bare(cmp_name(*op))))
            .field("comparators", exprs(comparators)),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => node("Call")
            .field("func", expr(func))
            .field("args", exprs(args))
            .field("keywords", list(keywords, keyword)),
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => node("FormattedValue")
            .field("value", expr(value))
            .field("conversion", atom(conversion_code(*conversion).to_string()))
            .opt("format_spec", boxed(format_spec)),
        ExprKind::JoinedStr(values) => node("JoinedStr").field("values", exprs(values)),
        ExprKind::Constant(c) => node("Constant").field("value", atom(repr_constant(c))),
        ExprKind::Attribute {
            value, attr, ctx, ..
        } => node("Attribute")
            .field("value", expr(value))
            .field("attr", atom(repr_str(attr)))
            .field("ctx", context(*ctx)),
        ExprKind::Subscript { value, slice, ctx } => node("Subscript")
            .field("value", expr(value))
            .field("slice", expr(slice))
            .field("ctx", context(*ctx)),
        ExprKind::Starred { value, ctx } => node("Starred")
            .field("value", expr(value))
            .field("ctx", context(*ctx)),
        ExprKind::Name { id, ctx } => node("Name")
            .field("id", atom(repr_str(id)))
            .field("ctx", context(*ctx)),
        ExprKind::List { elts, ctx } => node("List")
            .field("elts", exprs(elts))
            .field("ctx", context(*ctx)),
        ExprKind::Tuple { elts, ctx } => node("Tuple")
            .field("elts", exprs(elts))
            .field("ctx", context(*ctx)),
        ExprKind::Slice { lower, upper, step } => node("Slice")
            .opt("lower", boxed(lower))
            .opt("upper", boxed(upper))
            .opt("step", boxed(step)),
    }
    .into()
}

/// `elt=` (or `key=`/`value=` for a dict comprehension), then `generators=`.
fn comprehension(node: Node, c: &Comprehension) -> Node {
    let node = match &c.value {
        Some(value) => node.field("key", expr(&c.elt)).field("value", expr(value)),
        None => node.field("elt", expr(&c.elt)),
    };
    node.field(
        "generators",
        list(&c.generators, |g| {
            Node::new("comprehension")
                .field("target", expr(&g.target))
                .field("iter", expr(&g.iter))
                .field("ifs", exprs(&g.ifs))
                .field("is_async", flag(g.is_async))
                .into()
        }),
    )
}

fn arguments(a: &Arguments) -> Value {
    Node::new("arguments")
        .field("posonlyargs", list(&a.posonlyargs, arg))
        .field("args", list(&a.args, arg))
        .opt("vararg", a.vararg.as_ref().map(arg))
        .field("kwonlyargs", list(&a.kwonlyargs, arg))
        .field(
            "kw_defaults",
            list(&a.kw_defaults, |d| {
                d.as_ref().map_or_else(|| atom("None"), expr)
            }),
        )
        .opt("kwarg", a.kwarg.as_ref().map(arg))
        .field("defaults", exprs(&a.defaults))
        .into()
}

fn arg(a: &Arg) -> Value {
    Node::spanned("arg", a.span)
        .field("arg", ident(&a.name))
        .opt("annotation", boxed(&a.annotation))
        .into()
}

fn keyword(k: &Keyword) -> Value {
    Node::spanned("keyword", k.span)
        .opt("arg", k.arg.as_ref().map(ident))
        .field("value", expr(&k.value))
        .into()
}

fn alias(a: &Alias) -> Value {
    Node::spanned("alias", a.span)
        .field("name", atom(repr_str(&a.name)))
        .opt("asname", a.asname.as_ref().map(ident))
        .into()
}

fn with_item(item: &WithItem) -> Value {
    Node::new("withitem")
        .field("context_expr", expr(&item.context_expr))
        .opt("optional_vars", item.optional_vars.as_ref().map(expr))
        .into()
}

fn except_handler(h: &ExceptHandler) -> Value {
    Node::spanned("ExceptHandler", h.span)
        .opt("type", h.type_.as_ref().map(expr))
        .opt("name", h.name.as_ref().map(ident))
        .field("body", stmts(&h.body))
        .into()
}

fn match_case(case: &MatchCase) -> Value {
    Node::new("match_case")
        .field("pattern", pattern(&case.pattern))
        .opt("guard", case.guard.as_ref().map(expr))
        .field("body", stmts(&case.body))
        .into()
}

fn pattern(p: &Pattern) -> Value {
    let node = |name| Node::spanned(name, p.span);
    let patterns = |ps: &[Pattern]| list(ps, pattern);
    match &p.kind {
        PatternKind::MatchValue(value) => node("MatchValue").field("value", expr(value)),
        PatternKind::MatchSingleton(c) => {
            node("MatchSingleton").field("value", atom(repr_constant(c)))
        }
        PatternKind::MatchSequence(ps) => node("MatchSequence").field("patterns", patterns(ps)),
        PatternKind::MatchMapping {
            keys,
            patterns: ps,
            rest,
        } => node("MatchMapping")
            .field("keys", exprs(keys))
            .field("patterns", patterns(ps))
            .opt("rest", rest.as_ref().map(ident)),
        PatternKind::MatchClass {
            cls,
            patterns: ps,
            kwd_attrs,
            kwd_patterns,
        } => node("MatchClass")
            .field("cls", expr(cls))
            .field("patterns", patterns(ps))
            .field("kwd_attrs", list(kwd_attrs, ident))
            .field("kwd_patterns", patterns(kwd_patterns)),
        PatternKind::MatchStar(name) => node("MatchStar").opt("name", name.as_ref().map(ident)),
        PatternKind::MatchAs {
            pattern: inner,
            name,
        } => node("MatchAs")
            .opt("pattern", inner.as_deref().map(pattern))
            .opt("name", name.as_ref().map(ident)),
        PatternKind::MatchOr(ps) => node("MatchOr").field("patterns", patterns(ps)),
    }
    .into()
}

fn context(ctx: ExprContext) -> Value {
    bare(match ctx {
        ExprContext::Load => "Load",
        ExprContext::Store => "Store",
        ExprContext::Del => "Del",
    })
}

fn operator_name(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add",
        Operator::Sub => "Sub",
        Operator::Mult => "Mult",
        Operator::MatMult => "MatMult",
        Operator::Div => "Div",
        Operator::Mod => "Mod",
        Operator::Pow => "Pow",
        Operator::LShift => "LShift",
        Operator::RShift => "RShift",
        Operator::BitOr => "BitOr",
        Operator::BitXor => "BitXor",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
    }
}

fn unary_name(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Invert => "Invert",
        UnaryOp::Not => "Not",
        UnaryOp::UAdd => "UAdd",
        UnaryOp::USub => "USub",
    }
}

fn cmp_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq",
        CmpOp::NotEq => "NotEq",
        CmpOp::Lt => "Lt",
        CmpOp::LtE => "LtE",
        CmpOp::Gt => "Gt",
        CmpOp::GtE => "GtE",
        CmpOp::Is => "Is",
        CmpOp::IsNot => "IsNot",
        CmpOp::In => "In",
        CmpOp::NotIn => "NotIn",
    }
}

/// CPython's `FormattedValue.conversion`: -1 for none, else the character.
fn conversion_code(c: Conversion) -> i32 {
    match c {
        Conversion::None => -1,
        Conversion::Str => i32::from(b's'),
        Conversion::Repr => i32::from(b'r'),
        Conversion::Ascii => i32::from(b'a'),
    }
}

// ---------------------------------------------------------------------------
// Python's repr.

/// `repr(value)` for a literal constant.
pub fn repr_constant(c: &Constant) -> String {
    match c {
        Constant::None => "None".to_owned(),
        Constant::Bool(true) => "True".to_owned(),
        Constant::Bool(false) => "False".to_owned(),
        Constant::Ellipsis => "Ellipsis".to_owned(),
        Constant::Int(Int::Small(i)) => i.to_string(),
        Constant::Int(Int::Big(i)) => i.to_string(),
        Constant::Float(x) => repr_float(*x),
        Constant::Complex(imag) => repr_complex(0.0, *imag),
        Constant::Str(s) => repr_str(s),
        Constant::Bytes(b) => repr_bytes(b),
    }
}

// Python's reprs live in the runtime (`repr_complex(0.0, imag)` prints `2j`).
pub use krait_runtime::types::bytes::repr::repr_bytes;
pub use krait_runtime::types::float::repr::complex_repr as repr_complex;
pub use krait_runtime::types::float::repr::float_repr as repr_float;
pub use krait_runtime::types::string::repr::repr_str;

/// Python's `str.isprintable`, owned by the runtime.
pub use krait_runtime::types::string::printable::is_printable;

#[cfg(test)]
mod tests {
    use super::*;

    fn name(id: &str, ctx: ExprContext, start: u32) -> Expr {
        let span = Span::new(start, start + id.len() as u32);
        Expr::new(ExprKind::Name { id: id.into(), ctx }, span)
    }

    /// `def f(a):\n    return a`, built by hand.
    fn def_f() -> (Module, &'static str) {
        let source = "def f(a):\n    return a";
        let ret = Stmt::new(
            StmtKind::Return(Some(name("a", ExprContext::Load, 21))),
            Span::new(14, 22),
        );
        let def = FunctionDef {
            id: NodeId(0),
            is_async: false,
            name: Ident {
                name: "f".into(),
                span: Span::new(4, 5),
            },
            args: Arguments {
                args: vec![Arg {
                    name: Ident {
                        name: "a".into(),
                        span: Span::new(6, 7),
                    },
                    annotation: None,
                    span: Span::new(6, 7),
                }],
                ..Arguments::default()
            },
            body: vec![ret],
            decorator_list: vec![],
            returns: None,
        };
        let stmt = Stmt::new(StmtKind::FunctionDef(Box::new(def)), Span::new(0, 22));
        (
            Module {
                body: vec![stmt],
                span: Span::new(0, 22),
            },
            source,
        )
    }

    #[test]
    fn matches_cpython_layout() {
        let (module, source) = def_f();
        // python3 -c "import ast; print(ast.dump(ast.parse(SRC), indent=2))"
        let expected = "\
Module(
  body=[
    FunctionDef(
      name='f',
      args=arguments(
        posonlyargs=[],
        args=[
          arg(arg='a')],
        kwonlyargs=[],
        kw_defaults=[],
        defaults=[]),
      body=[
        Return(
          value=Name(id='a', ctx=Load()))],
      decorator_list=[])],
  type_ignores=[])";
        assert_eq!(dump_module(&module, source, false), expected);
    }

    #[test]
    fn spans_end_the_line_that_opens_the_node() {
        let (module, source) = def_f();
        let expected = "\
Module( @ 1:0-2:12
  body=[
    FunctionDef( @ 1:0-2:12
      name='f',
      args=arguments(
        posonlyargs=[],
        args=[
          arg(arg='a')], @ 1:6-1:7
        kwonlyargs=[],
        kw_defaults=[],
        defaults=[]),
      body=[
        Return( @ 2:4-2:12
          value=Name(id='a', ctx=Load()))], @ 2:11-2:12
      decorator_list=[])],
  type_ignores=[])";
        assert_eq!(dump_module(&module, source, true), expected);
    }

    #[test]
    fn constants_use_python_repr() {
        let cases: &[(Constant, &str)] = &[
            (Constant::Str("it's".into()), r#""it's""#),
            (Constant::Str("a\"b".into()), r#"'a"b'"#),
            (Constant::Str("'\"".into()), r#"'\'"'"#),
            (Constant::Str("tab\there\n\\".into()), r"'tab\there\n\\'"),
            (
                Constant::Str("\0\x7f\u{80}\u{a0}\u{ad} é€".into()),
                r"'\x00\x7f\x80\xa0\xad é€'",
            ),
            (
                Constant::Str("\u{200b}\u{feff}😀\u{e0001}\u{d7ff}".into()),
                r"'\u200b\ufeff😀\U000e0001\ud7ff'",
            ),
            (Constant::Bytes(b"'".to_vec()), r#"b"'""#),
            (Constant::Bytes(b"\"'".to_vec()), r#"b'"\''"#),
            (
                Constant::Bytes(b"\x00\xff~ \\".to_vec()),
                r"b'\x00\xff~ \\'",
            ),
            (Constant::Float(0.0), "0.0"),
            (Constant::Float(-0.0), "-0.0"),
            (Constant::Float(0.1), "0.1"),
            (Constant::Float(1e16), "1e+16"),
            (Constant::Float(1e15), "1000000000000000.0"),
            (Constant::Float(123456789.125), "123456789.125"),
            (Constant::Float(1e-4), "0.0001"),
            (Constant::Float(1e-5), "1e-05"),
            (Constant::Float(2.5e-300), "2.5e-300"),
            (Constant::Float(5e-324), "5e-324"),
            (Constant::Float(1.0 / 3.0), "0.3333333333333333"),
            (Constant::Float(f64::INFINITY), "inf"),
            (Constant::Complex(2.0), "2j"),
            (Constant::Complex(1e16), "1e+16j"),
            (Constant::Complex(f64::INFINITY), "infj"),
            (Constant::Int(Int::Small(-7)), "-7"),
            (Constant::Bool(true), "True"),
            (Constant::Ellipsis, "Ellipsis"),
        ];
        for (constant, expected) in cases {
            assert_eq!(repr_constant(constant), *expected, "{constant:?}");
        }
        assert_eq!(repr_complex(1.0, 2.0), "(1+2j)");
        assert_eq!(repr_complex(-0.0, -1.0), "(-0-1j)");
        assert_eq!(repr_complex(1.5, f64::NAN), "(1.5+nanj)");
    }
}

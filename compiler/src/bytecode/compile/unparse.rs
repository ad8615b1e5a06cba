//! Expressions back to source text, for annotations under
//! `from __future__ import annotations` (CPython's `Python/ast_unparse.c`):
//! the same precedence rules and spacing, so `x: list[int | None]` stores
//! the string `'list[int | None]'`.

use super::fold::constant;
use crate::bytecode::constant::Constant;
use crate::syntax::ast::*;

// Precedence levels, lowest first (`ast_unparse.c`).
const TUPLE: u8 = 0;
const TEST: u8 = 1;
const OR: u8 = 2;
const AND: u8 = 3;
const NOT: u8 = 4;
const CMP: u8 = 5;
const BOR: u8 = 6;
const BXOR: u8 = 7;
const BAND: u8 = 8;
const SHIFT: u8 = 9;
const ARITH: u8 = 10;
const TERM: u8 = 11;
const FACTOR: u8 = 12;
const POWER: u8 = 13;
const AWAIT: u8 = 14;
const ATOM: u8 = 15;

pub(super) fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, TEST);
    out
}

fn open(out: &mut String, cond: bool, text: &str) {
    if cond {
        out.push_str(text);
    }
}

fn expr(out: &mut String, e: &Expr, level: u8) {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (pr, sep) = match op {
                BoolOp::And => (AND, " and "),
                BoolOp::Or => (OR, " or "),
            };
            open(out, level > pr, "(");
            for (i, value) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(sep);
                }
                expr(out, value, pr + 1);
            }
            open(out, level > pr, ")");
        }
        ExprKind::NamedExpr { target, value } => {
            open(out, level > TUPLE, "(");
            expr(out, target, ATOM);
            out.push_str(" := ");
            expr(out, value, ATOM);
            open(out, level > TUPLE, ")");
        }
        ExprKind::BinOp { left, op, right } => {
            let pr = match op {
                Operator::Add | Operator::Sub => ARITH,
                Operator::Mult
                | Operator::MatMult
                | Operator::Div
                | Operator::Mod
                | Operator::FloorDiv => TERM,
                Operator::LShift | Operator::RShift => SHIFT,
                Operator::BitOr => BOR,
                Operator::BitXor => BXOR,
                Operator::BitAnd => BAND,
                Operator::Pow => POWER,
            };
            let right_assoc = u8::from(*op == Operator::Pow);
            open(out, level > pr, "(");
            expr(out, left, pr + right_assoc);
            out.push(' ');
            out.push_str(op.symbol());
            out.push(' ');
            expr(out, right, pr + 1 - right_assoc);
            open(out, level > pr, ")");
        }
        ExprKind::UnaryOp { op, operand } => {
            let (symbol, pr) = match op {
                UnaryOp::Invert => ("~", FACTOR),
                UnaryOp::Not => ("not ", NOT),
                UnaryOp::UAdd => ("+", FACTOR),
                UnaryOp::USub => ("-", FACTOR),
            };
            open(out, level > pr, "(");
            out.push_str(symbol);
            expr(out, operand, pr);
            open(out, level > pr, ")");
        }
        ExprKind::Lambda(lambda) => {
            open(out, level > TEST, "(");
            out.push_str("lambda");
            let args = arguments(&lambda.args);
            if !args.is_empty() {
                out.push(' ');
                out.push_str(&args);
            }
            out.push_str(": ");
            expr(out, &lambda.body, TEST);
            open(out, level > TEST, ")");
        }
        ExprKind::IfExp { test, body, orelse } => {
            open(out, level > TEST, "(");
            expr(out, body, TEST + 1);
            out.push_str(" if ");
            expr(out, test, TEST + 1);
            out.push_str(" else ");
            expr(out, orelse, TEST);
            open(out, level > TEST, ")");
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (key, value)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match key {
                    Some(key) => {
                        expr(out, key, TEST);
                        out.push_str(": ");
                        expr(out, value, TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, value, BOR);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Set(elts) => {
            if elts.is_empty() {
                out.push_str("{*()}");
            } else {
                out.push('{');
                sequence(out, elts);
                out.push('}');
            }
        }
        ExprKind::ListComp(c) => comprehension(out, "[", c, "]"),
        ExprKind::SetComp(c) | ExprKind::DictComp(c) => comprehension(out, "{", c, "}"),
        ExprKind::GeneratorExp(c) => comprehension(out, "(", c, ")"),
        ExprKind::Await(value) => {
            open(out, level > AWAIT, "(");
            out.push_str("await ");
            expr(out, value, ATOM);
            open(out, level > AWAIT, ")");
        }
        ExprKind::Yield(value) => {
            out.push_str("(yield");
            if let Some(value) = value {
                out.push(' ');
                expr(out, value, TEST);
            }
            out.push(')');
        }
        ExprKind::YieldFrom(value) => {
            out.push_str("(yield from ");
            expr(out, value, TEST);
            out.push(')');
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            open(out, level > CMP, "(");
            expr(out, left, CMP + 1);
            for (op, comparator) in ops.iter().zip(comparators) {
                out.push_str(match op {
                    CmpOp::Eq => " == ",
                    CmpOp::NotEq => " != ",
                    CmpOp::Lt => " < ",
                    CmpOp::LtE => " <= ",
                    CmpOp::Gt => " > ",
                    CmpOp::GtE => " >= ",
                    CmpOp::Is => " is ",
                    CmpOp::IsNot => " is not ",
                    CmpOp::In => " in ",
                    CmpOp::NotIn => " not in ",
                });
                expr(out, comparator, CMP + 1);
            }
            open(out, level > CMP, ")");
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            expr(out, func, ATOM);
            if let ([arg], []) = (&args[..], &keywords[..]) {
                if let ExprKind::GeneratorExp(c) = &arg.kind {
                    // f(x for x in y): the call's parentheses suffice.
                    comprehension(out, "(", c, ")");
                    return;
                }
            }
            out.push('(');
            let mut first = true;
            for arg in args {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                expr(out, arg, TEST);
            }
            for keyword in keywords {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &keyword.arg {
                    Some(name) => {
                        out.push_str(&name.name);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                expr(out, &keyword.value, TEST);
            }
            out.push(')');
        }
        ExprKind::FormattedValue { .. } | ExprKind::JoinedStr(_) => {
            out.push('f');
            let mut body = String::new();
            fstring_body(&mut body, e);
            out.push_str(&crate::bytecode::constant::str_repr(&body));
        }
        ExprKind::Constant(c) => out.push_str(&constant_text(c)),
        ExprKind::Attribute { value, attr, .. } => {
            expr(out, value, ATOM);
            // `1 .real`: an int literal needs a space before the dot.
            if let ExprKind::Constant(crate::syntax::ast::Constant::Int(_)) = value.kind {
                out.push(' ');
            }
            out.push('.');
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            expr(out, value, ATOM);
            out.push('[');
            match &slice.kind {
                ExprKind::Tuple { elts, .. } if !elts.is_empty() => {
                    for (i, elt) in elts.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        expr(out, elt, TUPLE);
                    }
                    if elts.len() == 1 {
                        out.push(',');
                    }
                }
                _ => expr(out, slice, TUPLE),
            }
            out.push(']');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            expr(out, value, BOR);
        }
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::List { elts, .. } => {
            out.push('[');
            sequence(out, elts);
            out.push(']');
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
                return;
            }
            open(out, level > TUPLE, "(");
            sequence(out, elts);
            if elts.len() == 1 {
                out.push(',');
            }
            open(out, level > TUPLE, ")");
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(lower) = lower {
                expr(out, lower, TEST);
            }
            out.push(':');
            if let Some(upper) = upper {
                expr(out, upper, TEST);
            }
            if let Some(step) = step {
                out.push(':');
                expr(out, step, TEST);
            }
        }
    }
}

fn sequence(out: &mut String, elts: &[Expr]) {
    for (i, elt) in elts.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, elt, TEST);
    }
}

fn comprehension(out: &mut String, open_text: &str, c: &Comprehension, close: &str) {
    out.push_str(open_text);
    expr(out, &c.elt, TEST);
    if let Some(value) = &c.value {
        out.push_str(": ");
        expr(out, value, TEST);
    }
    for generator in &c.generators {
        out.push_str(if generator.is_async {
            " async for "
        } else {
            " for "
        });
        expr(out, &generator.target, TUPLE);
        out.push_str(" in ");
        expr(out, &generator.iter, TEST + 1);
        for condition in &generator.ifs {
            out.push_str(" if ");
            expr(out, condition, TEST + 1);
        }
    }
    out.push_str(close);
}

/// A literal as source: `repr`, except that infinities are written `1e309`
/// and the ellipsis `...`.
fn constant_text(c: &crate::syntax::ast::Constant) -> String {
    match constant(c) {
        Constant::Ellipsis => "...".to_owned(),
        Constant::Float(f) if f.is_infinite() => "1e309".to_owned(),
        Constant::Complex { imag, .. } if imag.is_infinite() => "1e309j".to_owned(),
        other => other.repr(),
    }
}

/// The text inside an f-string's quotes.
fn fstring_body(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::JoinedStr(values) => {
            for value in values {
                fstring_body(out, value);
            }
        }
        ExprKind::Constant(crate::syntax::ast::Constant::Str(text)) => {
            out.push_str(&text.replace('{', "{{").replace('}', "}}"));
        }
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => {
            let mut inner = String::new();
            expr(&mut inner, value, TEST + 1);
            out.push('{');
            if inner.starts_with('{') {
                // Keep `{{` from reading as an escaped brace.
                out.push(' ');
            }
            out.push_str(&inner);
            match conversion {
                Conversion::None => {}
                Conversion::Str => out.push_str("!s"),
                Conversion::Repr => out.push_str("!r"),
                Conversion::Ascii => out.push_str("!a"),
            }
            if let Some(spec) = format_spec {
                out.push(':');
                fstring_body(out, spec);
            }
            out.push('}');
        }
        _ => {}
    }
}

/// A lambda's parameter list, without parentheses.
fn arguments(args: &Arguments) -> String {
    let mut parts = Vec::new();
    let positional: Vec<&Arg> = args.posonlyargs.iter().chain(&args.args).collect();
    let first_default = positional.len().saturating_sub(args.defaults.len());
    for (i, arg) in positional.iter().enumerate() {
        let mut part = arg.name.name.to_string();
        if i >= first_default {
            part.push('=');
            expr(&mut part, &args.defaults[i - first_default], TEST);
        }
        parts.push(part);
        if i + 1 == args.posonlyargs.len() {
            parts.push("/".to_owned());
        }
    }
    if let Some(vararg) = &args.vararg {
        parts.push(format!("*{}", vararg.name.name));
    } else if !args.kwonlyargs.is_empty() {
        parts.push("*".to_owned());
    }
    for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
        let mut part = arg.name.name.to_string();
        if let Some(default) = default {
            part.push('=');
            expr(&mut part, default, TEST);
        }
        parts.push(part);
    }
    if let Some(kwarg) = &args.kwarg {
        parts.push(format!("**{}", kwarg.name.name));
    }
    parts.join(", ")
}

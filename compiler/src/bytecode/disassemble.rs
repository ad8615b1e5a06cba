//! A `dis`-like listing of code objects (`krait build --emit bytecode`).
//!
//! Each code object is headed by its name and signature, then one line per
//! instruction laid out as `dis` lays them out: the source line where a
//! new line starts, `>>` on jump and handler targets, the instruction
//! index, the name, the operand and, in parentheses, what it means (the
//! constant, the name, `to 12` for a jump). The exception table follows.
//! Nested code objects come after their parent, depth first in constant
//! order, as `dis` prints them. The listing is deterministic: no addresses.

use super::code::CodeObject;
use super::instruction::{Conversion, Instruction, Operand};
use std::collections::HashSet;
use std::fmt::Write as _;

const NAME_WIDTH: usize = 20;
const ARG_WIDTH: usize = 5;

/// The listing of `code` and every code object nested in it.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

fn disassemble_into(code: &CodeObject, out: &mut String) {
    header(code, out);
    listing(code, out);
    for nested in code.nested() {
        out.push('\n');
        disassemble_into(nested, out);
    }
}

fn names(list: &[String]) -> String {
    if list.is_empty() {
        "-".to_owned()
    } else {
        list.join(", ")
    }
}

fn header(code: &CodeObject, out: &mut String) {
    let _ = writeln!(out, "Disassembly of <code object {}>:", code.name);
    let _ = writeln!(out, "  qualname:   {}", code.qualname);
    let _ = writeln!(
        out,
        "  arguments:  {} positional ({} positional-only), {} keyword-only",
        code.argcount, code.posonlyargcount, code.kwonlyargcount
    );
    let _ = writeln!(out, "  flags:      {}", code.flags.names());
    let _ = writeln!(
        out,
        "  first line: {}, stack depth: {}",
        code.first_line, code.max_stack_depth
    );
    let _ = writeln!(out, "  varnames:   {}", names(&code.varnames));
    let _ = writeln!(out, "  cellvars:   {}", names(&code.cellvars));
    let _ = writeln!(out, "  freevars:   {}", names(&code.freevars));
    out.push('\n');
}

fn listing(code: &CodeObject, out: &mut String) {
    let mut labels: HashSet<usize> = code
        .instructions
        .iter()
        .filter_map(|i| i.target().map(|t| t.index()))
        .collect();
    labels.extend(code.exception_table.iter().map(|e| e.handler.index()));
    let mut last_line = None;
    for (index, instr) in code.instructions.iter().enumerate() {
        let line = code.locations.get(index).copied().flatten().map(|l| l.line);
        let starts_line = line.is_some() && line != last_line;
        if starts_line {
            if index > 0 {
                out.push('\n');
            }
            last_line = line;
        }
        let mut fields = vec![
            match (starts_line, line) {
                (true, Some(line)) => format!("{line:>3}"),
                _ => "   ".to_owned(),
            },
            "   ".to_owned(),
            if labels.contains(&index) { ">>" } else { "  " }.to_owned(),
            format!("{index:>4}"),
            format!("{:<NAME_WIDTH$}", instr.name()),
        ];
        if let Some((arg, meaning)) = operand(code, instr) {
            fields.push(format!("{arg:>ARG_WIDTH$}"));
            if let Some(meaning) = meaning {
                fields.push(format!("({meaning})"));
            }
        }
        let text = fields.join(" ");
        out.push_str(text.trim_end());
        out.push('\n');
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for entry in &code.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                entry.start.0,
                entry.end.0,
                entry.handler.0,
                entry.depth,
                if entry.push_lasti { " lasti" } else { "" }
            );
        }
    }
}

/// The operand column and the meaning in parentheses.
fn operand(code: &CodeObject, instr: &Instruction) -> Option<(String, Option<String>)> {
    use Instruction as I;
    let unknown = || "?".to_owned();
    let meaning = match *instr {
        I::LoadConst { index } | I::KwNames { names: index } => {
            Some(code.constant(index).map_or_else(unknown, |c| c.repr()))
        }
        I::LoadFast { local } | I::StoreFast { local } | I::DeleteFast { local } => {
            Some(code.local_name(local).map_or_else(unknown, str::to_owned))
        }
        I::MakeCell { cell }
        | I::LoadClosure { cell }
        | I::LoadDeref { cell }
        | I::StoreDeref { cell }
        | I::DeleteDeref { cell }
        | I::LoadClassderef { cell } => {
            Some(code.deref_name(cell).map_or_else(unknown, str::to_owned))
        }
        I::LoadGlobal { name, push_null } => {
            let name = code.name(name).map_or_else(unknown, str::to_owned);
            return Some((
                instr.raw_operands()[0].to_string(),
                Some(if push_null {
                    format!("NULL + {name}")
                } else {
                    name
                }),
            ));
        }
        I::StoreGlobal { name }
        | I::DeleteGlobal { name }
        | I::LoadName { name }
        | I::StoreName { name }
        | I::DeleteName { name }
        | I::LoadAttr { name }
        | I::StoreAttr { name }
        | I::DeleteAttr { name }
        | I::LoadMethod { name }
        | I::ImportName { name }
        | I::ImportFrom { name } => Some(code.name(name).map_or_else(unknown, str::to_owned)),
        I::BinaryOp { op } => Some(op.text().to_owned()),
        I::CompareOp { op } => Some(op.text().to_owned()),
        I::MakeFunction { flags } => Some(flags.text()).filter(|t| !t.is_empty()),
        I::FormatValue {
            conversion,
            with_spec,
        } => {
            // 3.11's oparg: the conversion, plus 4 with a format spec.
            let arg = conversion.raw() + if with_spec { 4 } else { 0 };
            let mut parts = Vec::new();
            if conversion != Conversion::None {
                parts.push(conversion.text());
            }
            if with_spec {
                parts.push("with format");
            }
            let meaning = (!parts.is_empty()).then(|| parts.join(", "));
            return Some((arg.to_string(), meaning));
        }
        I::BuildSlice { with_step } => {
            return Some((if with_step { "3" } else { "2" }.to_owned(), None));
        }
        _ => instr.target().map(|target| format!("to {}", target.0)),
    };
    let operands = instr.raw_operands();
    if operands.is_empty() {
        return None;
    }
    let arg: Vec<String> = operands.iter().map(u32::to_string).collect();
    Some((arg.join(", "), meaning))
}

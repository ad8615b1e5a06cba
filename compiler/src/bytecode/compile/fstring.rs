//! f-strings (`compiler_joined_str`, `compiler_formatted_value`) and the
//! `'%s' % (x,)` formats CPython's AST optimiser turns into f-strings
//! (`optimize_format`).

use super::expr::STACK_USE_GUIDELINE;
use super::{CResult, Compiler};
use crate::bytecode::constant::Constant;
use crate::bytecode::instruction::{Conversion, *};
use crate::syntax::ast::{self, Expr, ExprContext, ExprKind};
use crate::syntax::span::Span;

impl<'a> Compiler<'a> {
    /// An f-string (`compiler_joined_str`). Its literal parts and fields
    /// take the location of the whole f-string, as CPython 3.11's parser
    /// gives them, though our tree has their own.
    pub(super) fn joined_str(&mut self, values: &'a [Expr], outer: Span) -> CResult {
        if values.len() > STACK_USE_GUIDELINE {
            self.load_const(Constant::Str(String::new()));
            let name = self.raw_name_index("join");
            self.emit(Instruction::LoadMethod { name });
            self.emit(Instruction::BuildList { count: Count(0) });
            for value in values {
                self.fstring_part(value, outer)?;
                self.emit(Instruction::ListAppend { pos: StackPos(1) });
            }
            self.emit(Instruction::Call { argc: Count(1) });
            return Ok(());
        }
        for value in values {
            self.fstring_part(value, outer)?;
        }
        if values.len() != 1 {
            self.emit(Instruction::BuildString {
                count: Count(values.len() as u32),
            });
        }
        Ok(())
    }

    /// A literal part, field or format spec of an f-string, at the
    /// f-string's location.
    fn fstring_part(&mut self, e: &'a Expr, outer: Span) -> CResult {
        let saved = self.unit.loc;
        self.set_loc(outer);
        let result = match &e.kind {
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => self.formatted_value(value, *conversion, format_spec.as_deref(), outer),
            ExprKind::JoinedStr(values) => self.joined_str(values, outer),
            _ => self.expr_inner(e),
        };
        self.unit.loc = saved;
        result
    }

    pub(super) fn formatted_value(
        &mut self,
        value: &'a Expr,
        conversion: ast::Conversion,
        spec: Option<&'a Expr>,
        outer: Span,
    ) -> CResult {
        self.expr(value)?;
        if let Some(spec) = spec {
            // A format spec has the location of the string token it is in.
            let start = self
                .string_token_start(outer, spec.span.start)
                .unwrap_or(spec.span.start);
            self.fstring_part(spec, Span::new(start, spec.span.end))?;
        }
        use crate::bytecode::instruction::Conversion as C;
        let conversion = match conversion {
            ast::Conversion::None => C::None,
            ast::Conversion::Str => C::Str,
            ast::Conversion::Repr => C::Repr,
            ast::Conversion::Ascii => C::Ascii,
        };
        self.emit(Instruction::FormatValue {
            conversion,
            with_spec: spec.is_some(),
        });
        Ok(())
    }

    /// `'%s and %r' % (a, b)` with a literal format of `%s`, `%r`, `%a`
    /// units only (with width and precision) and a tuple display that is
    /// not constant: the pieces of the f-string CPython's AST optimiser
    /// rewrites it to (`optimize_format`).
    pub(super) fn percent_format(
        &self,
        left: &Expr,
        right: &'a Expr,
    ) -> Option<Vec<FormatPiece<'a>>> {
        let ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        } = &right.kind
        else {
            return None;
        };
        if elts
            .iter()
            .any(|e| matches!(e.kind, ExprKind::Starred { .. }))
            || self.fold(right).is_some()
        {
            return None;
        }
        let Some(Constant::Str(format)) = self.fold(left) else {
            return None;
        };
        parse_percent_format(&format, elts)
    }

    pub(super) fn compile_percent_format(&mut self, pieces: &[FormatPiece<'a>]) -> CResult {
        let big = pieces.len() > STACK_USE_GUIDELINE;
        if big {
            self.load_const(Constant::Str(String::new()));
            let name = self.raw_name_index("join");
            self.emit(Instruction::LoadMethod { name });
            self.emit(Instruction::BuildList { count: Count(0) });
        }
        for piece in pieces {
            let saved = self.unit.loc;
            match piece {
                // Literal pieces have no location in CPython.
                FormatPiece::Literal(text) => {
                    self.unit.loc = None;
                    self.load_const(Constant::Str(text.clone()));
                }
                FormatPiece::Field {
                    arg,
                    conversion,
                    spec,
                } => {
                    self.set_loc(arg.span);
                    self.expr(arg)?;
                    if let Some(spec) = spec {
                        self.unit.loc = None;
                        self.load_const(Constant::Str(spec.clone()));
                        self.set_loc(arg.span);
                    }
                    self.emit(Instruction::FormatValue {
                        conversion: *conversion,
                        with_spec: spec.is_some(),
                    });
                }
            }
            self.unit.loc = saved;
            if big {
                self.emit(Instruction::ListAppend { pos: StackPos(1) });
            }
        }
        if big {
            self.emit(Instruction::Call { argc: Count(1) });
        } else if pieces.len() != 1 {
            self.emit(Instruction::BuildString {
                count: Count(pieces.len() as u32),
            });
        }
        Ok(())
    }
}

/// A piece of a `%`-format rewritten as an f-string.
pub(super) enum FormatPiece<'a> {
    Literal(String),
    Field {
        arg: &'a Expr,
        conversion: Conversion,
        spec: Option<String>,
    },
}

/// Splits a `%`-format into literal text and `%s`/`%r`/`%a` fields, one
/// per item of `args`; `None` if the format has other units, or more or
/// fewer units than items (`optimize_format`, `parse_format`).
fn parse_percent_format<'a>(format: &str, args: &'a [Expr]) -> Option<Vec<FormatPiece<'a>>> {
    let chars: Vec<char> = format.chars().collect();
    let len = chars.len();
    let mut pos = 0;
    let mut pieces = Vec::new();
    let mut used = 0;
    loop {
        let start = pos;
        let mut has_percents = false;
        while pos < len {
            if chars[pos] != '%' {
                pos += 1;
            } else if pos + 1 < len && chars[pos + 1] == '%' {
                has_percents = true;
                pos += 2;
            } else {
                break;
            }
        }
        if start != pos {
            let text: String = chars[start..pos].iter().collect();
            let text = if has_percents {
                text.replace("%%", "%")
            } else {
                text
            };
            pieces.push(FormatPiece::Literal(text));
        }
        if pos >= len {
            break;
        }
        let arg = args.get(used)?;
        pos += 1; // the '%'
        let mut next = || {
            let ch = chars.get(pos).copied();
            pos += 1;
            ch
        };
        let mut ch = next()?;
        let mut left_justify = false;
        while matches!(ch, '-' | '+' | ' ' | '#' | '0') {
            left_justify |= ch == '-';
            ch = next()?;
        }
        // Widths and precisions of three digits or more are left alone
        // (`MAXDIGITS`).
        let mut width: Option<u32> = None;
        let mut digits = 0;
        while let Some(digit) = ch.to_digit(10) {
            width = Some(width.unwrap_or(0) * 10 + digit);
            ch = next()?;
            digits += 1;
            if digits >= 3 {
                return None;
            }
        }
        let mut precision: Option<u32> = None;
        if ch == '.' {
            ch = next()?;
            precision = Some(0);
            let mut digits = 0;
            while let Some(digit) = ch.to_digit(10) {
                precision = Some(precision.unwrap_or(0) * 10 + digit);
                ch = next()?;
                digits += 1;
                if digits >= 3 {
                    return None;
                }
            }
        }
        let conversion = match ch {
            's' => Conversion::Str,
            'r' => Conversion::Repr,
            'a' => Conversion::Ascii,
            _ => return None,
        };
        let mut spec = String::new();
        if let Some(width) = width {
            if !left_justify && width > 0 {
                spec.push('>');
            }
            spec.push_str(&width.to_string());
        }
        if let Some(precision) = precision {
            spec.push_str(&format!(".{precision}"));
        }
        pieces.push(FormatPiece::Field {
            arg,
            conversion,
            spec: (!spec.is_empty()).then_some(spec),
        });
        used += 1;
    }
    (used == args.len()).then_some(pieces)
}

//! Calls: positional and keyword arguments, `*args` and `**kwargs`, and
//! method calls through `LOAD_METHOD` (`compiler_call`,
//! `compiler_call_helper`, `maybe_optimize_method_call`).

use super::expr::{Collection, STACK_USE_GUIDELINE};
use super::{CResult, Compiler};
use crate::bytecode::constant::Constant;
use crate::bytecode::instruction::*;
use crate::syntax::ast::{Expr, ExprContext, ExprKind, Keyword};

impl<'a> Compiler<'a> {
    pub(super) fn call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        if self.method_call(e, func, args, keywords)? {
            return Ok(());
        }
        self.set_loc(func.span);
        self.emit(Instruction::PushNull);
        self.set_loc(e.span);
        self.expr(func)?;
        self.call_helper(0, args, keywords)
    }

    /// `obj.method(args)` with `LOAD_METHOD`, when no `*`/`**` arguments
    /// are involved (`maybe_optimize_method_call`). Returns whether it
    /// compiled the call.
    fn method_call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult<bool> {
        let ExprKind::Attribute {
            value,
            attr,
            attr_start,
            ctx: ExprContext::Load,
        } = &func.kind
        else {
            return Ok(false);
        };
        if self.is_import_originated(value) {
            return Ok(false);
        }
        let nargs = args.len();
        let nkw = keywords.len();
        if nargs + nkw + usize::from(nkw != 0) >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args
            .iter()
            .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        self.expr(value)?;
        self.set_loc(func.span);
        self.set_attribute_loc(func, *attr_start);
        let name = self.name_index(attr);
        self.emit(Instruction::LoadMethod { name });
        self.exprs(args)?;
        if nkw > 0 {
            for keyword in keywords {
                self.expr(&keyword.value)?;
            }
            self.kw_names(keywords);
        }
        self.set_loc(e.span);
        self.set_attribute_loc(func, *attr_start);
        self.emit(Instruction::Call {
            argc: Count((nargs + nkw) as u32),
        });
        Ok(true)
    }

    /// Whether `e` is a name the module imports (`is_import_originated`):
    /// calls on it use `LOAD_ATTR`, not `LOAD_METHOD`.
    fn is_import_originated(&self, e: &Expr) -> bool {
        let ExprKind::Name { id, .. } = &e.kind else {
            return false;
        };
        self.table
            .scope(crate::scopes::SymbolTable::MODULE)
            .flags(id)
            .contains(crate::scopes::SymbolFlags::IMPORTED)
    }

    fn kw_names(&mut self, keywords: &[Keyword]) {
        let names = keywords
            .iter()
            .filter_map(|k| k.arg.as_ref())
            .map(|name| Constant::Str(name.name.to_string()))
            .collect();
        let names = self.add_const(Constant::Tuple(names));
        self.emit(Instruction::KwNames { names });
    }

    /// The arguments and the call, with `pushed` positional arguments
    /// already on the stack (`compiler_call_helper`).
    pub(super) fn call_helper(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        let nargs = args.len();
        let nkw = keywords.len();
        let simple = nargs + nkw * 2 <= STACK_USE_GUIDELINE
            && !args
                .iter()
                .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            && !keywords.iter().any(|k| k.arg.is_none());
        if simple {
            self.exprs(args)?;
            if nkw > 0 {
                for keyword in keywords {
                    self.expr(&keyword.value)?;
                }
                self.kw_names(keywords);
            }
            self.emit(Instruction::Call {
                argc: Count(pushed + (nargs + nkw) as u32),
            });
            return Ok(());
        }
        // Positional arguments as a tuple.
        match args {
            [Expr {
                kind: ExprKind::Starred { value, .. },
                ..
            }] if pushed == 0 => self.expr(value)?,
            _ => self.star_unpack(args, pushed, Collection::Tuple)?,
        }
        // Keyword arguments as a dict.
        if nkw > 0 {
            let mut have_dict = false;
            let mut seen = 0;
            for (i, keyword) in keywords.iter().enumerate() {
                if keyword.arg.is_none() {
                    if seen > 0 {
                        self.subkwargs(&keywords[i - seen..i])?;
                        if have_dict {
                            self.emit(Instruction::DictMerge { pos: StackPos(1) });
                        }
                        have_dict = true;
                        seen = 0;
                    }
                    if !have_dict {
                        self.emit(Instruction::BuildMap { count: Count(0) });
                        have_dict = true;
                    }
                    self.expr(&keyword.value)?;
                    self.emit(Instruction::DictMerge { pos: StackPos(1) });
                } else {
                    seen += 1;
                }
            }
            if seen > 0 {
                self.subkwargs(&keywords[nkw - seen..])?;
                if have_dict {
                    self.emit(Instruction::DictMerge { pos: StackPos(1) });
                }
            }
        }
        self.emit(Instruction::CallFunctionEx {
            has_kwargs: nkw > 0,
        });
        Ok(())
    }

    /// Named keyword arguments as one dict (`compiler_subkwargs`).
    fn subkwargs(&mut self, keywords: &'a [Keyword]) -> CResult {
        let n = keywords.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for keyword in keywords {
                self.expr(&keyword.value)?;
            }
            let names = keywords
                .iter()
                .filter_map(|k| k.arg.as_ref())
                .map(|name| Constant::Str(name.name.to_string()))
                .collect();
            self.load_const(Constant::Tuple(names));
            self.emit(Instruction::BuildConstKeyMap {
                count: Count(n as u32),
            });
            return Ok(());
        }
        if big {
            self.emit_noline(Instruction::BuildMap { count: Count(0) });
        }
        for keyword in keywords {
            let name = keyword
                .arg
                .as_ref()
                .map_or(String::new(), |a| a.name.to_string());
            self.load_const(Constant::Str(name));
            self.expr(&keyword.value)?;
            if big {
                self.emit_noline(Instruction::MapAdd { pos: StackPos(1) });
            }
        }
        if !big {
            self.emit(Instruction::BuildMap {
                count: Count(n as u32),
            });
        }
        Ok(())
    }
}

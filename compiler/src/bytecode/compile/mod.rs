//! The bytecode compiler: AST and symbol table to code objects, following
//! CPython 3.11's `Python/compile.c` in structure and output, so that a
//! listing can be compared with `python3 -m dis`.
//!
//! [`compile_module`] walks the module. Each scope (module, class body,
//! function, lambda, comprehension) is compiled in a [`Unit`] of its own,
//! into a control-flow graph of basic blocks (`ir.rs`); finishing a unit
//! runs the assembler (`assemble.rs`, with CPython's CFG clean-ups and
//! peephole optimisations in `optimize.rs`: stack depths, the exception
//! table, the line table) and
//! yields a [`CodeObject`] that becomes a constant of the enclosing unit.
//!
//! The code generation is split by construct:
//! - `scope.rs`: modules, functions, classes, lambdas, closures, decorators,
//!   annotations;
//! - `stmt.rs`: statements (assignments, loops, `if`, imports, …);
//! - `expr.rs`: expressions, comparisons, boolean jumps, displays;
//! - `call.rs`: calls, with `*`/`**` arguments and methods;
//! - `fstring.rs`: f-strings and `%`-formats rewritten as f-strings;
//! - `comprehension.rs`: list/set/dict comprehensions and generator
//!   expressions;
//! - `exception.rs`: `try`/`except`/`finally`, `except*`, `with`,
//!   `async with`, and the unwinding of `return`/`break`/`continue`;
//! - `pattern.rs`: `match` statements;
//! - `consts.rs`: each unit's constant pool, de-duplicated as CPython's
//!   (equal code objects merge, compared through numbers given once);
//! - `fold.rs`: the constant folding CPython's AST optimiser does;
//! - `positions.rs`: node positions as CPython gives them, where our
//!   spans differ;
//! - `unparse.rs`: annotations as strings under
//!   `from __future__ import annotations`.
//!
//! The compiler expects a program that passed `scopes::check_module`: a
//! construct the front-end should have rejected is an internal error.

mod assemble;
mod call;
mod comprehension;
mod consts;
mod exception;
mod expr;
mod fold;
mod fstring;
pub(crate) mod ir;
mod optimize;
mod pattern;
mod positions;
mod scope;
mod stmt;
mod unparse;

use super::code::{CodeObject, Location};
use super::constant::Constant;
use super::error::{InternalError, InternalErrorKind, Stage};
use super::instruction::*;
use crate::scopes::{mangle, ScopeId, SymbolFlags, SymbolScope, SymbolTable};
use crate::syntax::ast::{Module, Stmt};
use crate::syntax::span::{LineIndex, Span};
use consts::{frozenset, CodeIds, ConstPool, FinishedCode};
use ir::{Block, BlockId, Instr, JumpKind, Op, SetupKind};
use std::collections::HashMap;

type CResult<T = ()> = Result<T, InternalError>;

/// Compiles a checked module (its symbol table from
/// `scopes::analyze_module`) into the module's code object; `source` is
/// the text it was parsed from (for line numbers).
pub fn compile_module(
    module: &Module,
    table: &SymbolTable,
    source: &str,
    filename: &str,
) -> Result<CodeObject, InternalError> {
    let mut compiler = Compiler {
        table,
        source,
        fold_failures: Default::default(),
        span_cache: Default::default(),
        previous_token_cache: Default::default(),
        lines: LineIndex::new(source),
        filename: filename.to_owned(),
        unit: Unit::placeholder(),
        outer: Vec::new(),
        code_ids: CodeIds::default(),
    };
    compiler.compile_module(module)
}

/// The kind of code a unit compiles (CPython's `u_scope_type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

impl UnitKind {
    /// CPython's `FunctionBlock`: locals are fast locals.
    fn is_function_like(self) -> bool {
        !matches!(self, UnitKind::Module | UnitKind::Class)
    }
}

/// A frame block: an enclosing construct that `return`, `break` and
/// `continue` must unwind (CPython's `fblockinfo`).
#[derive(Clone, Copy)]
pub(crate) struct FBlock<'a> {
    kind: FBlockKind<'a>,
    /// The loop's start (`continue` target).
    block: Option<BlockId>,
    /// The loop's exit (`break` target).
    exit: Option<BlockId>,
}

#[derive(Clone, Copy)]
pub(crate) enum FBlockKind<'a> {
    WhileLoop,
    ForLoop,
    TryExcept,
    /// The `try` body of `try`/`finally`, with the `finally` body to run
    /// when leaving it.
    FinallyTry(&'a [Stmt]),
    FinallyEnd,
    /// `with` / `async with`, with the statement's location for the
    /// `__exit__` call.
    With(Option<Location>),
    AsyncWith(Option<Location>),
    /// An `except` body; the handler's `as` name, if any.
    HandlerCleanup(Option<&'a str>),
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

/// An insertion-ordered set of names, numbered by first insertion.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameSet {
    names: Vec<String>,
    index: HashMap<String, u32>,
}

impl NameSet {
    fn from_names(names: Vec<String>) -> Self {
        let mut set = NameSet::default();
        for name in names {
            set.insert(&name);
        }
        set
    }

    /// The index of `name`, adding it if new.
    fn insert(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_owned());
        self.index.insert(name.to_owned(), i);
        i
    }

    fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    fn len(&self) -> usize {
        self.names.len()
    }

    fn into_vec(self) -> Vec<String> {
        self.names
    }
}

/// The compilation state of one code object (CPython's `compiler_unit`).
pub(crate) struct Unit<'a> {
    scope: ScopeId,
    kind: UnitKind,
    name: String,
    qualname: String,
    /// The class whose name mangles private names.
    private: Option<String>,
    consts: ConstPool,
    names: NameSet,
    varnames: NameSet,
    cellvars: NameSet,
    freevars: NameSet,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    first_line: u32,
    blocks: Vec<Block>,
    current: BlockId,
    /// The last instruction ended a block: the next one starts a new one.
    need_new_block: bool,
    fblocks: Vec<FBlock<'a>>,
    /// Where the instructions being emitted come from; `None` marks them
    /// artificial.
    loc: Option<Location>,
}

impl Unit<'_> {
    /// The unit that sits in `Compiler::unit` before the module's.
    fn placeholder() -> Self {
        Unit {
            scope: SymbolTable::MODULE,
            kind: UnitKind::Module,
            name: String::new(),
            qualname: String::new(),
            private: None,
            consts: ConstPool::default(),
            names: NameSet::default(),
            varnames: NameSet::default(),
            cellvars: NameSet::default(),
            freevars: NameSet::default(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            first_line: 1,
            blocks: vec![Block::default()],
            current: BlockId(0),
            need_new_block: false,
            fblocks: Vec::new(),
            loc: None,
        }
    }
}

/// How a name is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

impl From<crate::syntax::ast::ExprContext> for Ctx {
    fn from(ctx: crate::syntax::ast::ExprContext) -> Self {
        match ctx {
            crate::syntax::ast::ExprContext::Load => Ctx::Load,
            crate::syntax::ast::ExprContext::Store => Ctx::Store,
            crate::syntax::ast::ExprContext::Del => Ctx::Del,
        }
    }
}

pub(crate) struct Compiler<'a> {
    table: &'a SymbolTable,
    source: &'a str,
    /// Expressions (by address) known not to fold to a constant.
    fold_failures: std::cell::RefCell<std::collections::HashSet<usize>>,
    /// CPython's span of each expression asked for (by address).
    span_cache: std::cell::RefCell<HashMap<usize, Span>>,
    /// `previous_token` by offset.
    previous_token_cache: std::cell::RefCell<HashMap<u32, Option<usize>>>,
    lines: LineIndex<'a>,
    filename: String,
    /// The unit being compiled; enclosing ones are in `outer`.
    unit: Unit<'a>,
    outer: Vec<Unit<'a>>,
    /// Numbers the finished code objects, for de-duplication.
    code_ids: CodeIds,
}

impl<'a> Compiler<'a> {
    // ---- errors ----

    fn error(&self, kind: InternalErrorKind) -> InternalError {
        let name = if self.unit.qualname.is_empty() {
            "<module>"
        } else {
            &self.unit.qualname
        };
        InternalError::new(Stage::Compiler, name, kind)
    }

    fn unchecked(&self, what: &'static str) -> InternalError {
        self.error(InternalErrorKind::UncheckedConstruct { what })
    }

    // ---- locations ----

    fn location(&self, span: Span) -> Location {
        Location {
            line: self.lines.line(span.start) as u32,
            span,
        }
    }

    /// Sets the location of the instructions that follow (`SET_LOC`).
    fn set_loc(&mut self, span: Span) {
        self.unit.loc = Some(self.location(span));
    }

    /// Marks the instructions that follow artificial (`UNSET_LOC`).
    fn unset_loc(&mut self) {
        self.unit.loc = None;
    }

    // ---- blocks and instructions ----

    fn new_block(&mut self) -> BlockId {
        let id = BlockId(self.unit.blocks.len() as u32);
        self.unit.blocks.push(Block::default());
        id
    }

    /// Continues in `block`, laid out after the current one
    /// (`compiler_use_next_block`).
    fn use_next_block(&mut self, block: BlockId) {
        let current = self.unit.current;
        self.unit.blocks[current.index()].next = Some(block);
        self.unit.current = block;
        self.unit.need_new_block = false;
    }

    fn add_op(&mut self, op: Op, loc: Option<Location>) {
        if self.unit.need_new_block {
            let block = self.new_block();
            self.use_next_block(block);
        }
        let block = &mut self.unit.blocks[self.unit.current.index()];
        if op == Op::Real(Instruction::ReturnValue) {
            block.has_return = true;
        }
        block.instrs.push(Instr::new(op, loc));
        if op.ends_block() {
            self.unit.need_new_block = true;
        }
    }

    /// Emits a real instruction at the current location (`ADDOP`).
    fn emit(&mut self, instr: Instruction) {
        self.add_op(Op::Real(instr), self.unit.loc);
    }

    /// Emits an artificial instruction (`ADDOP_NOLINE`).
    fn emit_noline(&mut self, instr: Instruction) {
        self.add_op(Op::Real(instr), None);
    }

    fn jump(&mut self, kind: JumpKind, target: BlockId) {
        self.add_op(Op::Jump(kind, target), self.unit.loc);
    }

    fn jump_noline(&mut self, kind: JumpKind, target: BlockId) {
        self.add_op(Op::Jump(kind, target), None);
    }

    fn setup(&mut self, kind: SetupKind, handler: BlockId) {
        self.add_op(Op::Setup(kind, handler), self.unit.loc);
    }

    fn pop_block(&mut self) {
        self.add_op(Op::PopBlock, self.unit.loc);
    }

    fn pop_block_noline(&mut self) {
        self.add_op(Op::PopBlock, None);
    }

    fn emit_copy(&mut self, pos: u32) {
        self.emit(Instruction::Copy { pos: StackPos(pos) });
    }

    fn emit_swap(&mut self, pos: u32) {
        self.emit(Instruction::Swap { pos: StackPos(pos) });
    }

    // ---- constants and names ----

    fn add_const(&mut self, constant: Constant) -> ConstIdx {
        self.unit.consts.add(constant)
    }

    fn load_const(&mut self, constant: Constant) {
        let index = self.add_const(constant);
        self.emit(Instruction::LoadConst { index });
    }

    fn load_none(&mut self) {
        self.load_const(Constant::None);
    }

    fn mangle(&self, name: &str) -> String {
        mangle(self.unit.private.as_deref(), name).into_owned()
    }

    /// The index of a name in `names`, mangled (`ADDOP_NAME`).
    fn name_index(&mut self, name: &str) -> NameIdx {
        let mangled = self.mangle(name);
        NameIdx(self.unit.names.insert(&mangled))
    }

    /// The index of a name in `names`, not mangled (`ADDOP_N`).
    fn raw_name_index(&mut self, name: &str) -> NameIdx {
        NameIdx(self.unit.names.insert(name))
    }

    /// Where `mangled` lives in the current unit's scope.
    fn scope_of(&self, mangled: &str) -> Option<SymbolScope> {
        self.table.scope(self.unit.scope).scope_of_name(mangled)
    }

    /// The index of a cell or free variable in the `DerefIdx` space.
    fn deref_index(&self, mangled: &str, scope: SymbolScope) -> CResult<DerefIdx> {
        let index = match scope {
            SymbolScope::Cell => self.unit.cellvars.get(mangled),
            _ => self
                .unit
                .freevars
                .get(mangled)
                .map(|i| i + self.unit.cellvars.len() as u32),
        };
        index.map(DerefIdx).ok_or_else(|| {
            self.error(InternalErrorKind::MissingCell {
                name: mangled.to_owned(),
            })
        })
    }

    /// Loads, stores or deletes a variable (`compiler_nameop`).
    fn name_op(&mut self, name: &str, ctx: Ctx) -> CResult {
        let mangled = self.mangle(name);
        let function_like = self.unit.kind.is_function_like();
        let scope = self.scope_of(&mangled);
        let instr = match scope {
            Some(scope @ (SymbolScope::Free | SymbolScope::Cell)) => {
                let cell = self.deref_index(&mangled, scope)?;
                match ctx {
                    Ctx::Load if self.unit.kind == UnitKind::Class => {
                        Instruction::LoadClassderef { cell }
                    }
                    Ctx::Load => Instruction::LoadDeref { cell },
                    Ctx::Store => Instruction::StoreDeref { cell },
                    Ctx::Del => Instruction::DeleteDeref { cell },
                }
            }
            Some(SymbolScope::Local) if function_like => {
                let local = LocalIdx(self.unit.varnames.insert(&mangled));
                match ctx {
                    Ctx::Load => Instruction::LoadFast { local },
                    Ctx::Store => Instruction::StoreFast { local },
                    Ctx::Del => Instruction::DeleteFast { local },
                }
            }
            Some(SymbolScope::GlobalExplicit) | Some(SymbolScope::GlobalImplicit)
                if function_like || scope == Some(SymbolScope::GlobalExplicit) =>
            {
                let name = NameIdx(self.unit.names.insert(&mangled));
                match ctx {
                    Ctx::Load => Instruction::LoadGlobal {
                        name,
                        push_null: false,
                    },
                    Ctx::Store => Instruction::StoreGlobal { name },
                    Ctx::Del => Instruction::DeleteGlobal { name },
                }
            }
            _ => {
                if function_like && scope.is_none() {
                    return Err(self.error(InternalErrorKind::MissingSymbol { name: mangled }));
                }
                let name = NameIdx(self.unit.names.insert(&mangled));
                match ctx {
                    Ctx::Load => Instruction::LoadName { name },
                    Ctx::Store => Instruction::StoreName { name },
                    Ctx::Del => Instruction::DeleteName { name },
                }
            }
        };
        self.emit(instr);
        Ok(())
    }

    // ---- units ----

    /// Starts compiling a new code object (`compiler_enter_scope`).
    fn enter_scope(
        &mut self,
        name: &str,
        kind: UnitKind,
        scope: ScopeId,
        first_line: u32,
        first_span: Span,
    ) -> CResult {
        let symbols = self.table.scope(scope);
        // Argument cells first, in argument order, then the others sorted
        // (the order of 3.11's `co_cellvars`).
        let cells = symbols.names_sorted(SymbolScope::Cell, SymbolFlags::NONE);
        let mut cellvars: Vec<String> = symbols
            .parameters
            .iter()
            .filter(|p| cells.contains(p))
            .cloned()
            .collect();
        cellvars.extend(
            cells
                .into_iter()
                .filter(|c| !symbols.parameters.contains(c)),
        );
        if symbols.needs_class_closure {
            // The implicit `__class__` cell of a class body.
            cellvars.insert(0, "__class__".to_owned());
        }
        let freevars = symbols.names_sorted(SymbolScope::Free, SymbolFlags::FREE_CLASS);
        let unit = Unit {
            scope,
            kind,
            name: name.to_owned(),
            qualname: String::new(),
            private: self.unit.private.clone(),
            consts: ConstPool::default(),
            names: NameSet::default(),
            varnames: NameSet::from_names(symbols.parameters.clone()),
            cellvars: NameSet::from_names(cellvars),
            freevars: NameSet::from_names(freevars),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            first_line,
            blocks: vec![Block::default()],
            current: BlockId(0),
            need_new_block: false,
            fblocks: Vec::new(),
            loc: None,
        };
        let is_module = kind == UnitKind::Module;
        let outer = std::mem::replace(&mut self.unit, unit);
        if !is_module {
            self.outer.push(outer);
            self.unit.qualname = self.qualname();
        }
        let line = if is_module { 0 } else { first_line };
        self.unit.loc = Some(Location {
            line,
            span: first_span,
        });
        self.emit(Instruction::Resume {
            kind: ResumeKind::Start,
        });
        if is_module {
            self.unset_loc();
        }
        Ok(())
    }

    /// The qualified name of the unit just entered (`compiler_set_qualname`).
    fn qualname(&self) -> String {
        let Some(parent) = self.outer.last() else {
            return self.unit.name.clone();
        };
        if parent.kind == UnitKind::Module {
            return self.unit.name.clone();
        }
        if matches!(
            self.unit.kind,
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Class
        ) {
            let mangled = mangle(parent.private.as_deref(), &self.unit.name);
            let scope = self.table.scope(parent.scope).scope_of_name(&mangled);
            if scope == Some(SymbolScope::GlobalExplicit) {
                return self.unit.name.clone();
            }
        }
        let base = if matches!(
            parent.kind,
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda
        ) {
            format!("{}.<locals>", parent.qualname)
        } else {
            parent.qualname.clone()
        };
        format!("{base}.{}", self.unit.name)
    }

    /// Finishes the current unit: assembles its code object and returns to
    /// the enclosing unit (`assemble` then `compiler_exit_scope`).
    fn exit_scope(&mut self, add_none: bool) -> CResult<FinishedCode> {
        let code = self.assemble(add_none)?;
        let keys = self.unit.consts.take_keys();
        let outer = self
            .outer
            .pop()
            .ok_or_else(|| self.error(InternalErrorKind::UnbalancedScopes))?;
        self.unit = outer;
        Ok(self.code_ids.finish(code, keys))
    }

    /// The symbol-table scope opened by a function, class, lambda or
    /// comprehension node.
    fn scope_of_node(&self, node: crate::syntax::ast::NodeId) -> CResult<ScopeId> {
        self.table
            .scope_of(node)
            .ok_or_else(|| self.error(InternalErrorKind::MissingScope))
    }

    // ---- frame blocks ----

    fn push_fblock(&mut self, kind: FBlockKind<'a>, block: Option<BlockId>, exit: Option<BlockId>) {
        self.unit.fblocks.push(FBlock { kind, block, exit });
    }

    fn pop_fblock(&mut self) {
        self.unit.fblocks.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scopes::analyze_module;
    use crate::syntax::ast::{ExprKind, StmtKind};
    use crate::syntax::parse_module;

    /// Compiles `module` against the symbol table of another program, as
    /// a stage fed an inconsistent or unchecked tree would.
    fn compile_against(module: &Module, table_source: &str) -> Result<CodeObject, InternalError> {
        let table = analyze_module(&parse_module(table_source).unwrap()).unwrap();
        compile_module(module, &table, "", "t.py")
    }

    #[test]
    fn a_scope_missing_from_the_table_is_an_internal_error() {
        let module = parse_module("def f():\n    pass\n").unwrap();
        let error = compile_against(&module, "pass\n").unwrap_err();
        assert_eq!(error.stage, Stage::Compiler);
        assert_eq!(error.kind, InternalErrorKind::MissingScope);
        assert!(error
            .to_string()
            .starts_with("internal compiler error in the bytecode compiler"));
    }

    #[test]
    fn unchecked_constructs_are_internal_errors_not_panics() {
        // `return` and `break` at module level, lifted out of a function.
        let function = parse_module("def f():\n    return 1\n    break\n").unwrap();
        let StmtKind::FunctionDef(def) = &function.body[0].kind else {
            panic!()
        };
        for stmt in &def.body {
            let mut module = parse_module("pass\n").unwrap();
            module.body = vec![stmt.clone()];
            let error = compile_against(&module, "pass\n").unwrap_err();
            assert!(
                matches!(error.kind, InternalErrorKind::UncheckedConstruct { .. }),
                "{error}"
            );
        }
        // A comparison with more operators than operands.
        let mut module = parse_module("a < b\n").unwrap();
        if let StmtKind::Expr(e) = &mut module.body[0].kind {
            if let ExprKind::Compare { ops, .. } = &mut e.kind {
                *ops = [&ops[..], &ops[..1]].concat().into();
            }
        }
        let error = compile_against(&module, "a < b\n").unwrap_err();
        assert!(matches!(
            error.kind,
            InternalErrorKind::UncheckedConstruct { .. }
        ));
    }

    #[test]
    fn every_code_object_verifies_and_records_its_depth() {
        let source = "def f(a, *b, **c):\n    try:\n        return [x for x in b]\n    finally:\n        print(a)\n";
        let module = parse_module(source).unwrap();
        let table = analyze_module(&module).unwrap();
        let code = compile_module(&module, &table, source, "t.py").unwrap();
        crate::bytecode::verify::verify(&code).unwrap();
        let f = code.nested().next().unwrap();
        assert_eq!(f.qualname, "f");
        assert_eq!(f.varnames, ["a", "b", "c"]);
        assert!(f.flags.contains(crate::bytecode::code::CodeFlags::VARARGS));
        assert!(f
            .flags
            .contains(crate::bytecode::code::CodeFlags::VARKEYWORDS));
        assert!(!f.exception_table.is_empty());
        let listcomp = f.nested().next().unwrap();
        assert_eq!(listcomp.qualname, "f.<locals>.<listcomp>");
        assert_eq!(listcomp.argcount, 1);
        assert_eq!(f.line(f.instructions.len() - 1), Some(5));
    }
}

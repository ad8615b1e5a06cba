//! Pattern tree → program for the backtracking matcher in `exec`.
//!
//! Alternation and general repeats become `Split`/`Jmp` and counted loops
//! (`RepInit`/`RepLoop`, with CPython's rule that a loop stops iterating
//! once an iteration matched the empty string); a repeat of a single
//! character test becomes one `RepeatOne` instruction, which backtracks by
//! giving back one character at a time (sre's `REPEAT_ONE`).

use super::parse::{fixed_width, At, CharSet, Node};

/// A single-character test.
#[derive(Clone, Debug)]
pub enum CharTest {
    Char(char),
    /// Case-insensitive literal (`ascii`: fold ASCII letters only).
    CharIgnore {
        c: char,
        ascii: bool,
    },
    Any,
    AnyAll,
    Set(Box<CharSet>),
}

#[derive(Clone, Debug)]
pub enum Inst {
    Test(CharTest),
    /// Try `.0` first, backtrack to `.1`.
    Split(usize, usize),
    Jmp(usize),
    /// Records the position in capture slot `slot`.
    Save(usize),
    At(At),
    Backref {
        group: usize,
        ignore_case: bool,
    },
    /// `x{min,max}` for a single-character `x`; continues at the next
    /// instruction.
    RepeatOne {
        test: CharTest,
        min: usize,
        max: usize,
        greedy: bool,
    },
    /// Starts counted loop `reg`.
    RepInit {
        reg: usize,
    },
    /// Loop head: body at `pc + 1`, exit at `exit`.
    RepLoop {
        reg: usize,
        min: usize,
        max: usize,
        greedy: bool,
        exit: usize,
    },
    /// Runs the sub-program at `pc + 1` (ending at `Succeed`) as one
    /// unit, then continues at `next`. `behind`: it must match exactly
    /// the `width` characters before the position.
    Look {
        behind: bool,
        negate: bool,
        width: usize,
        next: usize,
    },
    /// Atomic group: the sub-program at `pc + 1` matches once, without
    /// backtracking into it; continue at `next`.
    Atomic {
        next: usize,
    },
    /// Conditional group: continue at `pc + 1` when `group` matched,
    /// else at `no`.
    Cond {
        group: usize,
        no: usize,
    },
    /// End of a sub-program (lookaround, atomic group).
    Succeed,
    Match,
}

pub struct Program {
    pub insts: Vec<Inst>,
    /// Counted-loop registers.
    pub regs: usize,
    pub groups: usize,
}

pub fn compile(node: &Node, groups: usize) -> Program {
    let mut c = Compiler {
        insts: Vec::new(),
        regs: 0,
    };
    c.emit(node);
    c.insts.push(Inst::Match);
    Program {
        insts: c.insts,
        regs: c.regs,
        groups,
    }
}

struct Compiler {
    insts: Vec<Inst>,
    regs: usize,
}

fn single_test(node: &Node) -> Option<CharTest> {
    match node {
        Node::Char { c, ignore_case } => Some(char_test(*c, *ignore_case, false)),
        Node::Any { dotall } => Some(if *dotall {
            CharTest::AnyAll
        } else {
            CharTest::Any
        }),
        Node::Set(s) => Some(CharTest::Set(Box::new(s.clone()))),
        _ => None,
    }
}

fn char_test(c: char, ignore_case: bool, ascii: bool) -> CharTest {
    if ignore_case && super::chars::has_case(c) {
        CharTest::CharIgnore { c, ascii }
    } else {
        CharTest::Char(c)
    }
}

impl Compiler {
    fn pc(&self) -> usize {
        self.insts.len()
    }

    fn patch(&mut self, at: usize, target: usize) {
        match &mut self.insts[at] {
            Inst::Jmp(t) => *t = target,
            Inst::Split(_, b) => *b = target,
            Inst::RepLoop { exit, .. } => *exit = target,
            Inst::Look { next, .. } | Inst::Atomic { next } => *next = target,
            Inst::Cond { no, .. } => *no = target,
            _ => {}
        }
    }

    fn emit(&mut self, node: &Node) {
        match node {
            Node::Empty => {}
            Node::Char { .. } | Node::Any { .. } | Node::Set(_) => {
                if let Some(t) = single_test(node) {
                    self.insts.push(Inst::Test(t));
                }
            }
            Node::Cat(items) => {
                for n in items {
                    self.emit(n);
                }
            }
            Node::Alt(alts) => {
                let mut jumps = Vec::new();
                for (i, a) in alts.iter().enumerate() {
                    if i + 1 < alts.len() {
                        let split = self.pc();
                        self.insts.push(Inst::Split(split + 1, 0));
                        self.emit(a);
                        jumps.push(self.pc());
                        self.insts.push(Inst::Jmp(0));
                        let next = self.pc();
                        self.patch(split, next);
                    } else {
                        self.emit(a);
                    }
                }
                let end = self.pc();
                for j in jumps {
                    self.patch(j, end);
                }
            }
            Node::Group(g, body) => {
                self.insts.push(Inst::Save(2 * g));
                self.emit(body);
                self.insts.push(Inst::Save(2 * g + 1));
            }
            Node::Repeat {
                node,
                min,
                max,
                greedy,
            } => self.repeat(
                node,
                *min as usize,
                max.map_or(usize::MAX, |m| m as usize),
                *greedy,
            ),
            Node::Atomic(body) => {
                let at = self.pc();
                self.insts.push(Inst::Atomic { next: 0 });
                self.emit(body);
                self.insts.push(Inst::Succeed);
                let next = self.pc();
                self.patch(at, next);
            }
            Node::Backref { group, ignore_case } => self.insts.push(Inst::Backref {
                group: *group,
                ignore_case: *ignore_case,
            }),
            Node::At(a) => self.insts.push(Inst::At(*a)),
            Node::Look {
                behind,
                negate,
                node,
            } => {
                let at = self.pc();
                self.insts.push(Inst::Look {
                    behind: *behind,
                    negate: *negate,
                    width: if *behind {
                        fixed_width(node).unwrap_or(0)
                    } else {
                        0
                    },
                    next: 0,
                });
                self.emit(node);
                self.insts.push(Inst::Succeed);
                let next = self.pc();
                self.patch(at, next);
            }
            Node::Cond { group, yes, no } => {
                let at = self.pc();
                self.insts.push(Inst::Cond {
                    group: *group,
                    no: 0,
                });
                self.emit(yes);
                let j = self.pc();
                self.insts.push(Inst::Jmp(0));
                let no_pc = self.pc();
                self.patch(at, no_pc);
                self.emit(no);
                let end = self.pc();
                self.patch(j, end);
            }
        }
    }

    fn repeat(&mut self, node: &Node, min: usize, max: usize, greedy: bool) {
        if let Some(test) = single_test(node) {
            self.insts.push(Inst::RepeatOne {
                test,
                min,
                max,
                greedy,
            });
            return;
        }
        if min == 1 && max == 1 {
            self.emit(node);
            return;
        }
        let reg = self.regs;
        self.regs += 1;
        self.insts.push(Inst::RepInit { reg });
        let head = self.pc();
        self.insts.push(Inst::RepLoop {
            reg,
            min,
            max,
            greedy,
            exit: 0,
        });
        self.emit(node);
        self.insts.push(Inst::Jmp(head));
        let exit = self.pc();
        self.patch(head, exit);
    }
}

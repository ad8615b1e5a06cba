//! The backtracking matcher: runs a [`Program`] over a slice of characters
//! with an explicit backtrack stack (no recursion per character, so long
//! subjects cannot overflow the Rust stack).
//!
//! Every change to the capture slots, loop registers and `lastindex` pushes
//! an undo entry, so failing back to a choice point restores the state it
//! saw. Lookarounds and atomic groups run their sub-program as a unit:
//! when it succeeds its choice points are dropped and its undo entries
//! kept. Semantics follow sre: leftmost match, alternatives in order,
//! greedy/lazy repeats, a loop stops once an iteration matched empty, and
//! a top-level match may be required to be non-empty at the start
//! position (`must_advance`, for the 3.7+ empty-match rule of
//! `sub`/`split`/`findall`).

use super::chars::{eq_ignore_case, is_word, test};
use super::compile::{CharTest, Inst, Program};
use super::parse::At;

enum Frame {
    Alt {
        pc: usize,
        pos: usize,
    },
    Slot {
        slot: usize,
        old: Option<usize>,
    },
    Reg {
        reg: usize,
        old: (usize, Option<usize>),
    },
    LastIndex(Option<usize>),
    /// A `RepeatOne` that can give back (greedy) or take (lazy) characters.
    RepOne {
        inst: usize,
        base: usize,
        n: usize,
    },
    /// A lazy loop that may still take one more iteration.
    RepIter {
        reg: usize,
        body: usize,
        pos: usize,
    },
}

/// Where a top-level match must end.
#[derive(Clone, Copy, PartialEq)]
pub enum Mode {
    /// Anywhere (`match`, `search`).
    Prefix,
    /// At the end of the subject (`fullmatch`).
    Full,
}

/// A successful match: capture slots (start, end per group, group 0
/// first) and the last closed group.
pub struct MatchResult {
    pub slots: Vec<Option<usize>>,
    pub lastindex: Option<usize>,
}

struct Vm<'a> {
    prog: &'a Program,
    s: &'a [char],
    slots: Vec<Option<usize>>,
    regs: Vec<(usize, Option<usize>)>,
    lastindex: Option<usize>,
    stack: Vec<Frame>,
    start: usize,
    mode: Mode,
    must_advance: bool,
}

/// Matches `prog` against `s` (already cut at `endpos`) anchored at
/// `start`.
pub fn match_at(
    prog: &Program,
    s: &[char],
    start: usize,
    mode: Mode,
    must_advance: bool,
) -> Option<MatchResult> {
    let mut vm = Vm::new(prog, s, mode);
    vm.try_at(start, must_advance)
}

/// The leftmost match of `prog` in `s` at or after `start`.
pub fn search(
    prog: &Program,
    s: &[char],
    start: usize,
    mode: Mode,
    must_advance: bool,
) -> Option<MatchResult> {
    let mut vm = Vm::new(prog, s, mode);
    let first = first_char(prog);
    let mut pos = start;
    let mut advance = must_advance;
    while pos <= s.len() {
        if let Some(c) = first {
            match s[pos..].iter().position(|&x| x == c) {
                Some(off) => {
                    if off > 0 {
                        advance = false;
                    }
                    pos += off;
                }
                None => return None,
            }
        }
        if let Some(m) = vm.try_at(pos, advance) {
            return Some(m);
        }
        advance = false;
        pos += 1;
    }
    None
}

/// A literal every match must start with, if the program begins so.
fn first_char(prog: &Program) -> Option<char> {
    for inst in &prog.insts {
        match inst {
            Inst::Save(_) => continue,
            Inst::Test(CharTest::Char(c)) => return Some(*c),
            _ => return None,
        }
    }
    None
}

impl<'a> Vm<'a> {
    fn new(prog: &'a Program, s: &'a [char], mode: Mode) -> Vm<'a> {
        Vm {
            prog,
            s,
            slots: vec![None; 2 * (prog.groups + 1)],
            regs: vec![(0, None); prog.regs],
            lastindex: None,
            stack: Vec::new(),
            start: 0,
            mode,
            must_advance: false,
        }
    }

    fn try_at(&mut self, start: usize, must_advance: bool) -> Option<MatchResult> {
        self.start = start;
        self.must_advance = must_advance;
        self.stack.clear();
        self.slots.iter_mut().for_each(|s| *s = None);
        self.lastindex = None;
        let end = self.run(0, start, 0, true)?;
        let mut slots = self.slots.clone();
        slots[0] = Some(start);
        slots[1] = Some(end);
        Some(MatchResult {
            slots,
            lastindex: self.lastindex,
        })
    }

    fn set_slot(&mut self, slot: usize, v: Option<usize>) {
        self.stack.push(Frame::Slot {
            slot,
            old: self.slots[slot],
        });
        self.slots[slot] = v;
    }

    fn set_reg(&mut self, reg: usize, v: (usize, Option<usize>)) {
        self.stack.push(Frame::Reg {
            reg,
            old: self.regs[reg],
        });
        self.regs[reg] = v;
    }

    fn at(&self, a: At, pos: usize) -> bool {
        let s = self.s;
        let end = s.len();
        match a {
            At::Start => pos == 0,
            At::LineStart => pos == 0 || s[pos - 1] == '\n',
            At::End => pos == end || (pos + 1 == end && s[pos] == '\n'),
            At::LineEnd => pos == end || s[pos] == '\n',
            At::StrEnd => pos == end,
            At::Boundary { ascii } | At::NotBoundary { ascii } => {
                if end == 0 {
                    return false;
                }
                let before = pos > 0 && is_word(s[pos - 1], ascii);
                let here = pos < end && is_word(s[pos], ascii);
                (before != here) == matches!(a, At::Boundary { .. })
            }
        }
    }

    /// Compares group `group`'s text with the subject at `pos`.
    fn backref(&self, group: usize, ignore_case: bool, pos: usize) -> Option<usize> {
        let (Some(a), Some(b)) = (self.slots[2 * group], self.slots[2 * group + 1]) else {
            return None;
        };
        if b < a {
            return None;
        }
        let len = b - a;
        if pos + len > self.s.len() {
            return None;
        }
        let same = (0..len).all(|i| {
            let (x, y) = (self.s[pos + i], self.s[a + i]);
            if ignore_case {
                eq_ignore_case(x, y, false)
            } else {
                x == y
            }
        });
        same.then_some(pos + len)
    }

    /// Pops to the latest choice point above `base`, undoing changes.
    fn backtrack(&mut self, base: usize) -> Option<(usize, usize)> {
        while self.stack.len() > base {
            match self.stack.pop()? {
                Frame::Alt { pc, pos } => return Some((pc, pos)),
                Frame::Slot { slot, old } => self.slots[slot] = old,
                Frame::Reg { reg, old } => self.regs[reg] = old,
                Frame::LastIndex(old) => self.lastindex = old,
                Frame::RepOne { inst, base: b, n } => {
                    let Inst::RepeatOne {
                        test: t,
                        min,
                        max,
                        greedy,
                    } = &self.prog.insts[inst]
                    else {
                        continue;
                    };
                    if *greedy {
                        if n > *min {
                            // Give back characters until the next literal fits.
                            let mut k = n - 1;
                            if let Some(Inst::Test(CharTest::Char(c))) =
                                self.prog.insts.get(inst + 1)
                            {
                                while k > *min && self.s.get(b + k) != Some(c) {
                                    k -= 1;
                                }
                            }
                            self.stack.push(Frame::RepOne {
                                inst,
                                base: b,
                                n: k,
                            });
                            return Some((inst + 1, b + k));
                        }
                    } else if n < *max && b + n < self.s.len() && test(t, self.s[b + n]) {
                        self.stack.push(Frame::RepOne {
                            inst,
                            base: b,
                            n: n + 1,
                        });
                        return Some((inst + 1, b + n + 1));
                    }
                }
                Frame::RepIter { reg, body, pos } => {
                    let (count, _) = self.regs[reg];
                    self.set_reg(reg, (count + 1, Some(pos)));
                    return Some((body, pos));
                }
            }
        }
        None
    }

    /// Drops the choice points above `base`, keeping the undo entries.
    fn commit(&mut self, base: usize) {
        let mut kept = Vec::new();
        for f in self.stack.drain(base..) {
            match f {
                Frame::Alt { .. } | Frame::RepOne { .. } | Frame::RepIter { .. } => {}
                f => kept.push(f),
            }
        }
        self.stack.extend(kept);
    }

    /// Runs from `pc` at `pos` until `Match` (top level) or `Succeed`
    /// (a sub-program); returns the end position, or None after undoing
    /// everything above `base`.
    fn run(&mut self, mut pc: usize, mut pos: usize, base: usize, top: bool) -> Option<usize> {
        let prog = self.prog;
        let s = self.s;
        loop {
            let ok = match &prog.insts[pc] {
                Inst::Test(t) => {
                    if pos < s.len() && test(t, s[pos]) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Split(a, b) => {
                    self.stack.push(Frame::Alt { pc: *b, pos });
                    pc = *a;
                    true
                }
                Inst::Jmp(t) => {
                    pc = *t;
                    true
                }
                Inst::Save(slot) => {
                    self.set_slot(*slot, Some(pos));
                    if slot % 2 == 1 {
                        self.stack.push(Frame::LastIndex(self.lastindex));
                        self.lastindex = Some(slot / 2);
                    }
                    pc += 1;
                    true
                }
                Inst::At(a) => {
                    pc += 1;
                    self.at(*a, pos)
                }
                Inst::Backref { group, ignore_case } => {
                    match self.backref(*group, *ignore_case, pos) {
                        Some(p) => {
                            pos = p;
                            pc += 1;
                            true
                        }
                        None => false,
                    }
                }
                Inst::RepeatOne {
                    test: t,
                    min,
                    max,
                    greedy,
                } => {
                    let limit = if *greedy { *max } else { *min };
                    let avail = s.len() - pos;
                    let mut n = 0;
                    while n < limit && n < avail && test(t, s[pos + n]) {
                        n += 1;
                    }
                    if n < *min {
                        false
                    } else {
                        if (*greedy && n > *min) || (!*greedy && n < *max) {
                            self.stack.push(Frame::RepOne {
                                inst: pc,
                                base: pos,
                                n,
                            });
                        }
                        pos += n;
                        pc += 1;
                        true
                    }
                }
                Inst::RepInit { reg } => {
                    self.set_reg(*reg, (0, None));
                    pc += 1;
                    true
                }
                Inst::RepLoop {
                    reg,
                    min,
                    max,
                    greedy,
                    exit,
                } => {
                    let (count, last) = self.regs[*reg];
                    if count < *min {
                        self.set_reg(*reg, (count + 1, Some(pos)));
                        pc += 1;
                    } else if count < *max && last != Some(pos) {
                        if *greedy {
                            self.stack.push(Frame::Alt { pc: *exit, pos });
                            self.set_reg(*reg, (count + 1, Some(pos)));
                            pc += 1;
                        } else {
                            self.stack.push(Frame::RepIter {
                                reg: *reg,
                                body: pc + 1,
                                pos,
                            });
                            pc = *exit;
                        }
                    } else {
                        pc = *exit;
                    }
                    true
                }
                Inst::Look {
                    behind,
                    negate,
                    width,
                    next,
                } => {
                    let mark = self.stack.len();
                    let from = if *behind {
                        pos.checked_sub(*width)
                    } else {
                        Some(pos)
                    };
                    let found = match from {
                        Some(from) => self.run(pc + 1, from, mark, false).is_some(),
                        None => false,
                    };
                    if found && *negate {
                        // Undo what the sub-match recorded.
                        while self.stack.len() > mark {
                            self.backtrack(mark);
                        }
                    }
                    pc = *next;
                    found != *negate
                }
                Inst::Atomic { next } => {
                    let mark = self.stack.len();
                    match self.run(pc + 1, pos, mark, false) {
                        Some(p) => {
                            pos = p;
                            pc = *next;
                            true
                        }
                        None => false,
                    }
                }
                Inst::Cond { group, no } => {
                    let set =
                        self.slots[2 * group].is_some() && self.slots[2 * group + 1].is_some();
                    pc = if set { pc + 1 } else { *no };
                    true
                }
                Inst::Succeed => {
                    self.commit(base);
                    return Some(pos);
                }
                Inst::Match => {
                    let bad = (top && self.mode == Mode::Full && pos != s.len())
                        || (top && self.must_advance && pos == self.start);
                    if !bad {
                        return Some(pos);
                    }
                    false
                }
            };
            if !ok {
                let (p, q) = self.backtrack(base)?;
                pc = p;
                pos = q;
            }
        }
    }
}

//! Property/mutation fuzzing of the front-end: no input may make lexing,
//! parsing, the scope analysis, the AST dump, the rendering of an error or
//! (for a program the front-end accepts) the bytecode compiler, verifier
//! and disassembler panic, overflow the stack or hang.
//!
//! For a time budget it generates inputs — random bytes, soups of Python's
//! characters and tokens, deep nestings of every construct, and mutations of
//! a seed pool (`tests/fixtures/**/*.py`, `examples/*.py`,
//! `../shared/conformance/**/*.py` when present, plus built-in snippets) —
//! and runs each through the stages the driver runs
//! (`compiler/fuzz/pipeline.rs`, shared with the cargo-fuzz target), on a
//! worker thread with the compiler's 256 MiB stack (as in `main.rs`). A
//! panic fails the test with the input (shrunk) saved under
//! `target/tmp/fuzz_front_end/`; an input that takes more than 2 s of CPU
//! time (60 s in a debug build) fails it as a hang. A stack overflow aborts the
//! process, so the input being run is always mirrored into
//! `target/tmp/fuzz_front_end/current-input.py`, printed at the start.
//!
//! ```text
//! cargo test --release -p krait --test fuzz_front_end -- --nocapture
//!     KRAIT_FUZZ_SECONDS=600   time budget (default 20)
//!     KRAIT_FUZZ_SEED=1234     generator seed (default: a fixed seed, so CI is deterministic)
//!     KRAIT_FUZZ_REPLAY=path   run one saved input instead of fuzzing
//! ```
//!
//! The inputs are a pure function of the seed (and of the seed files); only
//! how many of them run depends on the budget.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Once;
use std::time::{Duration, Instant};

/// Any single input taking longer than this is reported as a hang: 2 s of
/// the worker thread's CPU time in release builds, 60 s in unoptimised ones,
/// which are ~30 times slower at dumping an AST near MAX_DEPTH (hundreds of
/// MB of indentation). CPU time, so that a busy machine does not make a
/// slow input look like a hang; where it cannot be read, wall-clock time.
const HANG_LIMIT: Duration = Duration::from_secs(if cfg!(debug_assertions) { 60 } else { 2 });
/// Wall-clock time after which an input is a hang whatever its CPU time.
const WALL_LIMIT: Duration = Duration::from_secs(120);
const DEFAULT_SECONDS: u64 = 20;
const WORKER_NAME: &str = "krait-fuzz-worker";

// The pipeline under test, shared with the cargo-fuzz target.
#[path = "../compiler/fuzz/pipeline.rs"]
mod pipeline;
use pipeline::{front_end, STACK_BYTES};

// ---- the worker thread ---------------------------------------------------------

thread_local! {
    /// A worker thread's last panic message, kept here instead of printed
    /// (shrinking a crash panics hundreds of times).
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default_hook = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() == Some(WORKER_NAME) {
                let message = if let Some(s) = info.payload().downcast_ref::<&str>() {
                    (*s).to_owned()
                } else if let Some(s) = info.payload().downcast_ref::<String>() {
                    s.clone()
                } else {
                    "<non-string panic payload>".to_owned()
                };
                let location = info
                    .location()
                    .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
                    .unwrap_or_default();
                let message = format!("{message} (at {location})");
                LAST_PANIC.with(|last| *last.borrow_mut() = Some(message));
            } else {
                default_hook(info);
            }
        }));
    });
}

#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Clean,
    /// The panic message and where it was raised.
    Panicked(String),
}

enum Verdict {
    Done(Outcome),
    /// No answer within [`HANG_LIMIT`]; the worker is lost.
    Hung,
}

/// A long-lived thread with the compiler's stack that runs inputs one at a
/// time and answers each with its [`Outcome`].
struct Worker {
    inputs: Sender<Vec<u8>>,
    outcomes: Receiver<Outcome>,
    /// The worker thread's `/proc/self/task/TID/schedstat`, whose first
    /// field is the CPU time it has used, in nanoseconds.
    schedstat: Option<PathBuf>,
}

impl Worker {
    fn spawn() -> Worker {
        let (input_tx, input_rx) = mpsc::channel::<Vec<u8>>();
        let (outcome_tx, outcome_rx) = mpsc::channel();
        let (schedstat_tx, schedstat_rx) = mpsc::channel();
        std::thread::Builder::new()
            .name(WORKER_NAME.to_owned())
            .stack_size(STACK_BYTES)
            .spawn(move || {
                // `/proc/thread-self` links to `PID/task/TID`.
                let schedstat = std::fs::read_link("/proc/thread-self")
                    .ok()
                    .map(|task| Path::new("/proc").join(task).join("schedstat"));
                drop(schedstat_tx.send(schedstat));
                for input in input_rx {
                    let result = panic::catch_unwind(AssertUnwindSafe(|| front_end(&input)));
                    let outcome = match result {
                        Ok(()) => Outcome::Clean,
                        Err(_) => Outcome::Panicked(
                            LAST_PANIC
                                .with(|last| last.borrow_mut().take())
                                .unwrap_or_else(|| "<panic message lost>".to_owned()),
                        ),
                    };
                    if outcome_tx.send(outcome).is_err() {
                        break;
                    }
                }
            })
            .expect("spawn the fuzz worker thread");
        let mut worker = Worker {
            inputs: input_tx,
            outcomes: outcome_rx,
            schedstat: schedstat_rx.recv().ok().flatten(),
        };
        if worker.cpu_time().is_none() {
            worker.schedstat = None;
        }
        worker
    }

    /// The CPU time the worker thread has used so far.
    fn cpu_time(&self) -> Option<Duration> {
        let text = std::fs::read_to_string(self.schedstat.as_ref()?).ok()?;
        let nanos = text.split_whitespace().next()?.parse().ok()?;
        Some(Duration::from_nanos(nanos))
    }

    /// Runs one input; also returns the time it took (CPU time when
    /// available).
    fn run(&self, input: &[u8]) -> (Verdict, Duration) {
        self.inputs
            .send(input.to_vec())
            .expect("the fuzz worker thread is gone");
        let cpu_start = self.cpu_time();
        let wall_start = Instant::now();
        let used = || match (cpu_start, self.cpu_time()) {
            (Some(start), Some(now)) => now.saturating_sub(start),
            _ => wall_start.elapsed(),
        };
        loop {
            match self.outcomes.recv_timeout(Duration::from_millis(100)) {
                Ok(outcome) => return (Verdict::Done(outcome), used()),
                Err(RecvTimeoutError::Timeout) => {
                    let used = used();
                    if used > HANG_LIMIT || wall_start.elapsed() > WALL_LIMIT {
                        return (Verdict::Hung, used);
                    }
                }
                Err(RecvTimeoutError::Disconnected) => {
                    let outcome = Outcome::Panicked("the worker thread died".to_owned());
                    return (Verdict::Done(outcome), used());
                }
            }
        }
    }
}

// ---- the PRNG -----------------------------------------------------------------

/// SplitMix64: tiny, fast, and good enough to drive a fuzzer.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `1/n`.
    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Small numbers mostly, sometimes large: `1..=max`, log-uniform.
    fn size(&mut self, max: usize) -> usize {
        let bits = usize::BITS - max.leading_zeros();
        let limit = 1usize << self.below(bits as usize + 1);
        1 + self.below(limit.min(max))
    }
}

// ---- the alphabet ---------------------------------------------------------------

/// Characters that mean something to the lexer, plus some that should not.
#[rustfmt::skip]
const CHARS: &[&str] = &[
    "a", "b", "x", "_", "Z", "0", "1", "7", "9", "e", "E", "j", "J", "x", "o", "b", "l", "r", "R",
    "f", "F", "u", "U", " ", " ", " ", "\t", "\n", "\n", "\r", "\r\n", "\x0c", "\x0b", "\\", "#",
    "'", "\"", "(", ")", "[", "]", "{", "}", ":", ";", ",", ".", "+", "-", "*", "/", "%", "@", "&",
    "|", "^", "~", "<", ">", "=", "!", "?", "$", "`", "\0", "\x7f", "é", "ß", "ǅ", "µ", "𝔘",
    "\u{0300}", "\u{00a0}", "\u{2028}", "\u{85}", "\u{feff}", "\u{fffd}", "\u{200b}", "٣", "Ⅻ",
    "℘", "·", "中",
];

/// Python's tokens and the pieces of them that trip lexers up.
#[rustfmt::skip]
const TOKENS: &[&str] = &[
    // keywords and soft keywords
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "except*", "finally", "for", "from", "global", "if",
    "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield", "yield from", "match", "case", "_", "type", "print", "__future__",
    "annotations", "barry_as_FLUFL", "__debug__", "__class__", "super", "self", "cls",
    // names
    "x", "y", "z", "f", "g", "C", "a1", "_x", "__x", "é", "ﬁ", "𝔘nicode", "ǅ", "x\u{0300}",
    // numbers
    "0", "1", "42", "007", "0_0", "1_000", "1__0", "1_", "0x", "0xFF", "0x_f", "0o17", "0o8",
    "0b101", "0b2", "1.", ".5", "1.5e10", "1e", "1e+", "1e-5", "1j", "1.5J", "0j", "1_0.0_1e1_0j",
    "99999999999999999999999999999", "1e999", "0.0", "1if", "1or", "0x1for", "1_a", "09", "0e0",
    // strings
    "'a'", "\"b\"", "''", "\"\"", "'''", "\"\"\"", "'''x'''", "r'\\'", "b'x'", "b'\\xff'", "rb'x'",
    "BR\"x\"", "u'x'", "'\\N{BULLET}'", "'\\N{'", "'\\N{NOT A NAME}'", "'\\x'", "'\\x4'",
    "'\\u12'", "'\\U0010ffff'", "'\\U00110000'", "'\\777'", "'\\q'", "b'é'", "'\\\n'", "'", "\"",
    "ur''", "bu''",
    // f-strings
    "f'", "f\"", "f'''", "f\"\"\"", "rf'", "fr\"", "F'", "f'{", "f\"{", "f'{x}'", "f'{x!r}'",
    "f'{x:>10}'", "f'{x=}'", "f'{x = !r:^{w}}'", "f'{{'", "f'}}'", "f'{'", "f'}'", "f'{}'",
    "f'{!r}'", "f'{x!}'", "f'{x!z}'", "f'{x:{y:{z}}}'", "f'{lambda x: 1}'", "f'{yield}'",
    "f'{*x}'", "f'{x:='", "f'{#}'", "f'{\\n}'", "f'\\N{DASH}'", "f'{f'{x}'}'", "f\"{f'{x}'}\"",
    "!r", "!s", "!a", "!",
    // operators and delimiters
    "(", ")", "[", "]", "{", "}", ":", ";", ",", ".", "...", "+", "-", "*", "**", "/", "//", "%",
    "@", "&", "|", "^", "~", "<<", ">>", "<", ">", "<=", ">=", "==", "!=", "<>", "=", ":=", "->",
    "+=", "-=", "*=", "/=", "//=", "%=", "@=", "&=", "|=", "^=", "<<=", ">>=", "**=", "\\", "$",
    "?", "`",
    // layout
    " ", " ", "\n", "\n", "\n    ", "\n        ", "\n\t", "\n  ", "\\\n", "\r", "\r\n", "\x0c",
    "# comment\n", "#", "\0", ";\n",
];

/// Fragments inserted into seeds: brackets, quotes, indentation, backslashes
/// and f-string openers.
#[rustfmt::skip]
const FRAGMENTS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", "'", "\"", "'''", "\"\"\"", "f\"{", "f'{", "f\"", "}\"", "}'",
    "{", "\\", "\\\n", "\n", "    ", "\t", "\n    ", "\n  ", " \t", "\r", "#", ":", "\n\n",
    "\u{feff}", "\0", "async ", "await ", "lambda: ", "yield ", "*", "**", "not ", "global x\n",
    "nonlocal x\n", "return\n", "break\n", "continue\n", "from __future__ import annotations\n",
    "match x:\n    case ", "case _:\n", ":=", "=", ", ", "del ", "def f():\n    ",
    "class C:\n    ", "async def f():\n    ", "with x as y:\n    ", "try:\n    pass\n",
    "except* E:\n    ", "finally:\n    ", "for x in y:\n    ", "if x:\n    ", "else:\n    ",
    "elif y:\n    ", "@d\n", "import x\n", "from . import (x,\n", "print(", "x = ", "__class__",
    "super()", "(yield)",
];

// ---- seeds --------------------------------------------------------------------

/// Snippets that exercise corners of the grammar, in case the fixture
/// directories are thin.
const BUILTIN_SEEDS: &[&str] = &[
    "",
    "x = 1\n",
    "def f(a, /, b=1, *args, c, d=2, **kw) -> int:\n    return a\n",
    "async def f():\n    async with a as b, c:\n        async for x in y:\n            await z\n    return [x async for x in y]\n",
    "class C(B, metaclass=M):\n    x: int = 1\n    def m(self):\n        return super().m(__class__)\n",
    "def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        global y\n        x = y = 2\n    return inner\n",
    "match p:\n    case {'a': [1, 2, *rest], **kw} if rest:\n        pass\n    case Point(x=0, y=_) | Point(1, 2) as q:\n        pass\n    case -1 | 1.5 | 2+3j | 'x' | None | True:\n        pass\n    case [*_]:\n        pass\n    case (a, b) if (c := a):\n        pass\n    case _:\n        pass\n",
    "try:\n    pass\nexcept* (A, B) as e:\n    raise X from e\nelse:\n    pass\nfinally:\n    del a, b[0], c.d\n",
    "x = [y for y in z if y for w in y]\ny = {k: v for k, v in d.items()}\nz = {a for a in b}\ng = (i async for i in j)\n",
    "f = lambda x, *y, z=1, **w: (yield)\n",
    "@dec(1)\n@a.b.c\nclass C: pass\n",
    "with (open(x) as a, open(y) as b,):\n    pass\n",
    "from __future__ import annotations, barry_as_FLUFL\nx: list[int] = []\n",
    "s = f'{a!r:>{w}.{p}} {b=} {{}} {c:{d}}' rb'\\x00' u'' '''\n''' \"\"\"x\"\"\"\n",
    "x = 0x_ff + 0o17 + 0b1 + 1_000.5e-3j + 1. + .5\n",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\nwhile c:\n    break\nelse:\n    continue\n",
    "for x, *y in z:\n    x[1:2:3], y.a = a @ b, c ** -d // e\n",
    "assert x, 'msg'\nimport a.b.c as d\nfrom ..x import (y as z, w)\nfrom . import *\n",
    "def g():\n    yield from x\n    return (yield)\n",
    "x = a if b else c\ny = not a and b or c\nz = a < b <= c != d is not e in f not in g\n",
    "print(*a, *b, k=1, **c, **d)\nx[1:2, ::3, ...]\n",
    "def f():\n    x: int\n    (y): int = 1\n    z.a: str\n",
    "class A:\n    def f(self):\n        __x = 1\n        return [__x for _ in self]\n",
    "type = 1\nmatch = 2\ncase = 3\n_ = match, case, type\n",
    "x = (  # comment\n    1 +\n    2\n)\ny = \\\n    3\n",
    "if True:\n\tx = 1\n        y = 2\n",
    "def f[T](x): pass\n",
    "print 'hello'\n",
    "f(**x, *y)\nf(a=1, a=2)\nf(x for x in y, 1)\n",
    "del (a, [b, c])\n(a, b) += 1\n",
    "nonlocal x\n",
    "def f():\n    global x\n    x = 1\n    global x\n",
    "def f(x):\n    nonlocal x\n",
    "async def f():\n    yield 1\n    return 2\n",
    "class C:\n    [__class__ for x in y]\n    def f(): super\n",
    "lambda: (yield)\n",
    "[(yield) for x in y]\n",
    "[x := 1 for x in y]\n[i for i in (j := k)]\n",
    "def f(a, a): pass\n",
    "return\nbreak\ncontinue\nawait x\nyield x\n",
    "x = '\\N{LATIN SMALL LETTER E WITH ACUTE}'\n",
    "é = ﬁ = 𝔘 = 1\n",
    "\u{feff}x = 1\n",
    "'''unterminated\n",
    "x = (\n",
    "f'{x\n",
    "    x = 1\n",
    "if x:\npass\n",
];

/// Every `.py` file under `dir`, recursively, sorted.
fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            python_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

fn seed_pool() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    python_files(&root.join("tests/fixtures"), &mut files);
    python_files(&root.join("examples"), &mut files);
    python_files(&root.join("../shared/conformance"), &mut files);
    let mut seeds: Vec<Vec<u8>> = BUILTIN_SEEDS
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect();
    seeds.extend(files.iter().filter_map(|path| std::fs::read(path).ok()));
    seeds
}

// ---- generators ------------------------------------------------------------------

struct Generator {
    rng: Rng,
    seeds: Vec<Vec<u8>>,
}

impl Generator {
    fn next_input(&mut self) -> Vec<u8> {
        match self.rng.below(100) {
            0..=4 => self.random_bytes(),
            5..=14 => self.char_soup(),
            15..=29 => self.token_soup(),
            30..=34 => self.deep_nesting(),
            _ => self.mutated_seed(),
        }
    }

    fn random_bytes(&mut self) -> Vec<u8> {
        let len = self.rng.size(2048) - 1;
        (0..len).map(|_| self.rng.next_u64() as u8).collect()
    }

    fn char_soup(&mut self) -> Vec<u8> {
        let len = self.rng.size(1024);
        let mut out = String::new();
        for _ in 0..len {
            out.push_str(self.rng.pick::<&str>(CHARS));
        }
        out.into_bytes()
    }

    fn token_soup(&mut self) -> Vec<u8> {
        let len = self.rng.size(400);
        let mut out = String::new();
        for _ in 0..len {
            out.push_str(self.rng.pick::<&str>(TOKENS));
            if self.rng.one_in(2) {
                out.push(' ');
            }
        }
        out.into_bytes()
    }

    /// One construct repeated many times, inside itself or after itself,
    /// with counts around the parser's and lexer's limits and far past them.
    fn deep_nesting(&mut self) -> Vec<u8> {
        let template = *self.rng.pick(NESTINGS);
        let count = match self.rng.below(4) {
            0 => self.rng.range(180, 220),
            1 => self.rng.range(90, 110),
            2 => self.rng.range(2400, 2600),
            _ => self.rng.size(60_000),
        };
        let closed = !self.rng.one_in(8);
        nesting(template, count, closed)
    }

    fn mutated_seed(&mut self) -> Vec<u8> {
        let mut input = self.rng.pick(&self.seeds).clone();
        let rounds = self.rng.size(16);
        for _ in 0..rounds {
            self.mutate(&mut input);
        }
        input
    }

    fn other_seed(&mut self) -> &[u8] {
        let index = self.rng.below(self.seeds.len());
        &self.seeds[index]
    }

    /// A random range `start..end` of `len` bytes (`start == end` allowed).
    fn span(&mut self, len: usize) -> (usize, usize) {
        let start = self.rng.below(len + 1);
        let end = start + self.rng.size(len - start + 1) - 1;
        (start, end.min(len))
    }

    fn mutate(&mut self, input: &mut Vec<u8>) {
        let len = input.len();
        match self.rng.below(17) {
            // flip a bit
            0 if len > 0 => {
                let at = self.rng.below(len);
                input[at] ^= 1 << self.rng.below(8);
            }
            // overwrite a byte with a meaningful character
            1 if len > 0 => {
                let at = self.rng.below(len);
                let ch = self.rng.pick(CHARS).as_bytes()[0];
                input[at] = ch;
            }
            // insert random bytes
            2 => {
                let at = self.rng.below(len + 1);
                let n = self.rng.size(8);
                let bytes: Vec<u8> = (0..n).map(|_| self.rng.next_u64() as u8).collect();
                input.splice(at..at, bytes);
            }
            // delete a range
            3 => {
                let (start, end) = self.span(len);
                input.drain(start..end);
            }
            // duplicate a range, possibly many times over
            4 => {
                let (start, end) = self.span(len);
                let piece = input[start..end].to_vec();
                let times = if self.rng.one_in(4) {
                    self.rng.size(300)
                } else {
                    1
                };
                let at = if self.rng.one_in(2) {
                    end
                } else {
                    self.rng.below(len + 1)
                };
                let repeated: Vec<u8> = piece.repeat(times);
                input.splice(at..at, repeated);
            }
            // splice: this seed's head, another's tail
            5 => {
                let cut = self.rng.below(len + 1);
                let other = self.other_seed().to_vec();
                let from = self.rng.below(other.len() + 1);
                input.truncate(cut);
                input.extend_from_slice(&other[from..]);
            }
            // insert a piece of another seed
            6 => {
                let other = self.other_seed().to_vec();
                let (start, end) = self.span(other.len());
                let at = self.rng.below(len + 1);
                input.splice(at..at, other[start..end].iter().copied());
            }
            // insert brackets, quotes, indentation, backslashes, `f"{`, ...
            7 | 8 => {
                let at = char_boundary_near(input, self.rng.below(len + 1));
                let fragment = self.rng.pick(FRAGMENTS).as_bytes();
                input.splice(at..at, fragment.iter().copied());
            }
            // insert a token
            9 => {
                let at = char_boundary_near(input, self.rng.below(len + 1));
                let token = self.rng.pick(TOKENS).as_bytes();
                input.splice(at..at, token.iter().copied());
            }
            // truncate
            10 => {
                let at = self.rng.below(len + 1);
                input.truncate(at);
            }
            // line operations: keep lines whole so more inputs parse and
            // reach the scope checks
            11 | 12 => self.mutate_lines(input),
            // replace a word with a token
            13 => {
                let words = word_ranges(input);
                if !words.is_empty() {
                    let (start, end) = *self.rng.pick(&words);
                    let token = self.rng.pick(TOKENS).as_bytes();
                    input.splice(start..end, token.iter().copied());
                }
            }
            // wrap a range in brackets or an f-string
            14 => {
                const WRAPS: &[(&str, &str)] = &[
                    ("(", ")"),
                    ("[", "]"),
                    ("{", "}"),
                    ("f'{", "}'"),
                    ("f\"{", "}\""),
                    ("f'''{", "}'''"),
                    ("(yield ", ")"),
                    ("(lambda: ", ")"),
                    ("(await ", ")"),
                    ("[", " for x in y]"),
                    ("(x := ", ")"),
                    ("not ", ""),
                    ("*", ""),
                    ("-", ""),
                ];
                let (open, close) = *self.rng.pick(WRAPS);
                let (start, end) = self.span(len);
                let start = char_boundary_near(input, start);
                let end = char_boundary_near(input, end).max(start);
                let times = if self.rng.one_in(8) {
                    self.rng.size(300)
                } else {
                    1
                };
                input.splice(end..end, close.repeat(times).bytes());
                input.splice(start..start, open.repeat(times).bytes());
            }
            // swap two bytes
            15 if len > 1 => {
                let a = self.rng.below(len);
                let b = self.rng.below(len);
                input.swap(a, b);
            }
            // change the indentation of a line
            _ => {
                let starts = line_starts(input);
                let at = *self.rng.pick(&starts);
                match self.rng.below(3) {
                    0 => {
                        let n = self.rng.size(12);
                        input.splice(at..at, std::iter::repeat_n(b' ', n));
                    }
                    1 => input.insert(at, b'\t'),
                    _ => {
                        let n = input[at..]
                            .iter()
                            .take_while(|&&b| b == b' ' || b == b'\t')
                            .count();
                        let keep = self.rng.below(n + 1);
                        input.drain(at + keep..at + n);
                    }
                }
            }
        }
        // Keep inputs small enough to run quickly.
        input.truncate(1 << 20);
    }

    fn mutate_lines(&mut self, input: &mut Vec<u8>) {
        let mut lines: Vec<Vec<u8>> = split_lines(input);
        let n = lines.len();
        match self.rng.below(5) {
            0 if n > 0 => {
                lines.remove(self.rng.below(n));
            }
            1 if n > 0 => {
                let i = self.rng.below(n);
                let line = lines[i].clone();
                lines.insert(self.rng.below(n + 1), line);
            }
            2 if n > 1 => {
                let a = self.rng.below(n);
                let b = self.rng.below(n);
                lines.swap(a, b);
            }
            _ => {
                let other = split_lines(self.other_seed());
                if !other.is_empty() {
                    let count = self.rng.size(8).min(other.len());
                    let from = self.rng.below(other.len() - count + 1);
                    let at = self.rng.below(n + 1);
                    lines.splice(at..at, other[from..from + count].iter().cloned());
                }
            }
        }
        *input = lines.concat();
    }
}

/// `at`, moved back to the start of a UTF-8 character if it was inside one
/// (insertions in the middle of a character only make U+FFFD).
fn char_boundary_near(input: &[u8], at: usize) -> usize {
    let mut at = at.min(input.len());
    while at > 0 && at < input.len() && (input[at] & 0xC0) == 0x80 {
        at -= 1;
    }
    at
}

/// Constructs that nest or chain: (prefix, repeated part, closing part,
/// middle); see [`nesting`].
const NESTINGS: &[(&str, &str, &str, &str)] = &[
    ("x = ", "(", ")", ""),
    ("x = ", "[", "]", ""),
    ("x = ", "{", "}", ""),
    ("x = ", "{1:", "}", ""),
    ("x = ", "-", "", "1"),
    ("x = ", "not ", "", "1"),
    ("x = ", "~+-", "", "1"),
    ("x = ", "await ", "", "1"),
    ("x = ", "lambda: ", "", "1"),
    ("x = ", "lambda x=", ": 0", "1"),
    ("x = ", "1 if 2 else ", "", "3"),
    ("x = ", "a**", "", "b"),
    ("x = ", "a.", "", "b"),
    ("x = ", "a + ", "", "b"),
    ("x = ", "a < ", "", "b"),
    ("x = ", "a or ", "", "b"),
    ("x = ", "a and ", "", "b"),
    ("x = ", "'s' ", "", ""),
    ("x = ", "f'{x}' ", "", ""),
    ("x = ", "a, ", "", "b"),
    ("x = ", "*", "", "a"),
    ("", "x = ", "", "1"),
    ("", "x := ", "", "1"),
    ("x = ", "(x := ", ")", "1"),
    ("x = ", "(yield ", ")", ""),
    ("x = ", "f(", ")", ""),
    ("x = ", "f(x=", ")", "1"),
    ("x = f", "()", "", ""),
    ("x = a", "[0]", "", ""),
    ("x = a", ".b()", "", ""),
    ("x = ", "[x for x in ", "]", "y"),
    ("x = ", "(x for x in y if ", ")", "z"),
    ("x = ", "f'{", "}'", "x"),
    ("x = ", "f\"{", "}\"", "x"),
    ("x = ", "f'{x:{", "}}'", "y"),
    ("x = ", "f'''{", "}'''", "x"),
    ("x = ", "f'{'", "'}'", ""),
    ("x = ", "\\\n", "", "1"),
    ("", "@d\n", "", "def f(): pass\n"),
    ("", "if x:\n", "", "pass\n"),
    ("", "if x: pass\nel", "", "se: pass\n"),
    ("if x: pass\n", "elif y: pass\n", "", "else: pass\n"),
    ("try: pass\n", "except E: pass\n", "", "finally: pass\n"),
    ("", "with a as b, ", "", "c: pass\n"),
    ("", "def f():\n", "", "pass\n"),
    ("", "class C:\n", "", "pass\n"),
    ("", "for x in y:\n", "", "pass\n"),
    ("", "while x:\n", "", "pass\n"),
    ("", "try:\n", "", "pass\n"),
    ("", "async def f():\n", "", "pass\n"),
    ("", "x = 1;", "", "\n"),
    ("", "global x\n", "", ""),
    ("def f():\n", " nonlocal x\n", "", ""),
    ("", "import a.", "", "b\n"),
    ("", "del a, ", "", "b\n"),
    ("", "assert ", "", "1\n"),
    ("match x:\n    case ", "[", "]", ": pass\n"),
    ("match x:\n    case ", "(", ")", ": pass\n"),
    ("match x:\n    case ", "{1: ", "}", ": pass\n"),
    ("match x:\n    case ", "C(", ")", ": pass\n"),
    ("match x:\n    case ", "C(a=", ")", ": pass\n"),
    ("match x:\n    case ", "1 | ", "", "2: pass\n"),
    ("match x:\n    case ", "(a as b) | ", "", "c: pass\n"),
    ("match x:\n    case ", "a.", "", "b: pass\n"),
    ("match x:\n    case {", "a.", "", "b: 1}: pass\n"),
    ("match x:\n    case ", "a.", "", "b(c=d): pass\n"),
    ("match x:\n", "    case 1: pass\n", "", ""),
    ("", "#", "", "\n"),
    ("", "\n", "", "x\n"),
    ("", " ", "", "x\n"),
    ("x = '", "\\N{BULLET}", "", "'\n"),
    ("x = 1", "0", "", ""),
    ("x = 0x", "f_", "", "f"),
    ("x = 1.", "5", "", "e10"),
    ("x = 1e", "9", "", ""),
    ("x = b'", "\\xff", "", "'"),
    ("from ", ".", "", " import x"),
    ("from ", "...", "", "a import x"),
    ("", "del a.", "", "b"),
    ("", "a.", "", "b = 1"),
    ("", "a[0].", "", "b += 1"),
    ("f(", "*", "", "a)"),
    ("f(", "**", "", "a)"),
    ("", "print(", ")", ""),
    ("def f(x=", "lambda: ", "", "1): pass"),
    ("class C(", "lambda: ", "", "1): pass"),
    ("x = ", "-", "", "1j"),
    ("x = ", "a if ", " else c", "b"),
    ("x = [", "a for a in b ", "", "]"),
    ("x = [a ", "for a in b if c ", "", "]"),
    ("x = ", "a @ ", "", "b"),
    ("x = ", "a in ", "", "b"),
    ("x = ", "a is not ", "", "b"),
    ("x = '", "\\x4", "", "'\n"),
];

/// `prefix`, `open` `count` times, `middle`, then (if `closed`) `close`
/// `count` times. Block openers (`if x:\n`) nest by indentation.
fn nesting(template: (&str, &str, &str, &str), count: usize, closed: bool) -> Vec<u8> {
    let (prefix, open, close, middle) = template;
    let indent = open.ends_with(":\n") && close.is_empty();
    // The lexer allows 100 indentation levels; the indentation is quadratic.
    let count = if indent { count.min(2000) } else { count };
    let mut out = String::from(prefix);
    for level in 0..count {
        if indent {
            out.extend(std::iter::repeat_n(' ', level));
        }
        out.push_str(open);
    }
    if indent {
        out.extend(std::iter::repeat_n(' ', count));
    }
    out.push_str(middle);
    if closed {
        for _ in 0..count {
            out.push_str(close);
        }
    }
    out.push('\n');
    out.into_bytes()
}

/// Lines with their terminators.
fn split_lines(input: &[u8]) -> Vec<Vec<u8>> {
    input
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

fn line_starts(input: &[u8]) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(
        input
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .map(|(i, _)| i + 1),
    );
    starts
}

/// The byte ranges of identifier-like words.
fn word_ranges(input: &[u8]) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, &b) in input.iter().enumerate() {
        let word = b.is_ascii_alphanumeric() || b == b'_';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, input.len()));
    }
    words
}

// ---- reporting -------------------------------------------------------------------

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz_front_end");
    std::fs::create_dir_all(&dir).expect("create the fuzz output directory");
    dir
}

/// The input as a Rust string literal, cut to `max` characters.
fn preview(input: &[u8], max: usize) -> String {
    let text = String::from_utf8_lossy(input);
    let mut out: String = text
        .chars()
        .take(max)
        .collect::<String>()
        .escape_debug()
        .collect();
    if text.chars().count() > max {
        let _ = write!(out, "… ({} bytes in all)", input.len());
    }
    format!("\"{out}\"")
}

fn save(input: &[u8], name: &str) -> PathBuf {
    let path = out_dir().join(name);
    std::fs::write(&path, input).expect("write the failing input");
    path
}

/// Deletes chunks of a panicking input while it still panics in the same
/// place, for up to `budget`.
fn shrink(worker: &Worker, input: &[u8], message: &str, budget: Duration) -> Vec<u8> {
    let location = |m: &str| m.rsplit_once(" (at ").map(|(_, l)| l.to_owned());
    let wanted = location(message);
    let start = Instant::now();
    let mut best = input.to_vec();
    let mut chunk = best.len().div_ceil(2).max(1);
    while start.elapsed() < budget {
        let mut progress = false;
        let mut at = 0;
        while at < best.len() && start.elapsed() < budget {
            let end = (at + chunk).min(best.len());
            let mut candidate = best.clone();
            candidate.drain(at..end);
            match worker.run(&candidate).0 {
                Verdict::Done(Outcome::Panicked(m)) if location(&m) == wanted => {
                    best = candidate;
                    progress = true;
                }
                Verdict::Hung => return best,
                _ => at += chunk,
            }
        }
        if !progress {
            if chunk == 1 {
                break;
            }
            chunk = chunk.div_ceil(2);
        }
    }
    best
}

// ---- the tests ---------------------------------------------------------------------

fn env_u64(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    match value.trim().parse() {
        Ok(n) => Some(n),
        Err(_) => panic!("{name}={value:?} is not a number"),
    }
}

/// The file mirroring the input in flight, for when the process dies.
struct InFlight(File);

impl InFlight {
    fn record(&self, input: &[u8]) {
        // Two syscalls per input; the page cache makes them cheap.
        let _ = self.0.set_len(0);
        let _ = self.0.write_all_at(input, 0);
    }
}

#[test]
fn front_end_survives_fuzzing() {
    install_panic_hook();
    let worker = Worker::spawn();

    if let Ok(path) = std::env::var("KRAIT_FUZZ_REPLAY") {
        // Tests run in compiler/; a relative path may be from the root too.
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let path = [PathBuf::from(&path), root.join(&path)]
            .into_iter()
            .find(|p| p.exists())
            .unwrap_or_else(|| PathBuf::from(&path));
        let path = path.display();
        let input =
            std::fs::read(path.to_string()).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let (verdict, used) = worker.run(&input);
        match verdict {
            Verdict::Done(Outcome::Clean) => {
                println!("replay: {path}: clean in {used:?}");
            }
            Verdict::Done(Outcome::Panicked(message)) => {
                panic!("replay: {path}: the front-end panicked: {message}")
            }
            Verdict::Hung => panic!("replay: {path}: still running after {used:?}"),
        }
        return;
    }

    let seconds = env_u64("KRAIT_FUZZ_SECONDS").unwrap_or(DEFAULT_SECONDS);
    // A fixed default keeps CI deterministic (a failure there is
    // reproducible by rerunning); set KRAIT_FUZZ_SEED to explore further.
    let seed = env_u64("KRAIT_FUZZ_SEED").unwrap_or(0x006b_7261_6974);
    let seeds = seed_pool();
    let in_flight_path = out_dir().join("current-input.py");
    let in_flight = InFlight(File::create(&in_flight_path).expect("create the in-flight file"));
    println!(
        "fuzz_front_end: seed {seed} (KRAIT_FUZZ_SEED), budget {seconds} s (KRAIT_FUZZ_SECONDS), \
         {} seed files; if the process dies, the input it was running is {}",
        seeds.len(),
        in_flight_path.display()
    );

    let mut generator = Generator {
        rng: Rng::new(seed),
        seeds,
    };
    let started = Instant::now();
    let budget = Duration::from_secs(seconds);
    let mut count: u64 = 0;
    let mut bytes: u64 = 0;
    let mut slowest = (Duration::ZERO, Vec::new());
    while started.elapsed() < budget {
        let input = generator.next_input();
        count += 1;
        bytes += input.len() as u64;
        in_flight.record(&input);
        let (verdict, elapsed) = worker.run(&input);
        match verdict {
            Verdict::Done(Outcome::Clean) => {
                if elapsed > slowest.0 {
                    slowest = (elapsed, input);
                }
            }
            Verdict::Done(Outcome::Panicked(message)) => {
                let original = save(&input, &format!("panic-{seed}-{count}.py"));
                let small = shrink(&worker, &input, &message, Duration::from_secs(60));
                let shrunk = save(&small, &format!("panic-{seed}-{count}-min.py"));
                panic!(
                    "input #{count} of seed {seed} made the front-end panic: {message}\n\
                     input ({} bytes): {}\n\
                     shrunk ({} bytes): {}\n\
                     preview: {}",
                    input.len(),
                    original.display(),
                    small.len(),
                    shrunk.display(),
                    preview(&small, 400),
                );
            }
            Verdict::Hung => {
                let path = save(&input, &format!("hang-{seed}-{count}.py"));
                panic!(
                    "input #{count} of seed {seed} was still running after {elapsed:?} \
                     (a hang): {}\npreview: {}",
                    path.display(),
                    preview(&input, 400),
                );
            }
        }
    }
    drop(std::fs::remove_file(&in_flight_path));
    let slowest_path = save(&slowest.1, "slowest-input.py");
    println!(
        "fuzz_front_end: seed {seed}: {count} inputs ({bytes} bytes) in {:.1?}, no failures; \
         slowest input took {:.1?} ({} bytes, saved as {}): {}",
        started.elapsed(),
        slowest.0,
        slowest.1.len(),
        slowest_path.display(),
        preview(&slowest.1, 100),
    );
}

/// Every construct of [`NESTINGS`], far past the parser's and lexer's
/// limits, deterministically: the regression test for the depth bugs that
/// fuzzing found (`elif` chains, dotted names in patterns).
#[test]
fn deep_nestings_are_bounded() {
    install_panic_hook();
    let worker = Worker::spawn();
    let in_flight_path = out_dir().join("current-nesting.py");
    let in_flight = InFlight(File::create(&in_flight_path).expect("create the in-flight file"));
    let mut failures = Vec::new();
    for &template in NESTINGS {
        for count in [250, 3000, 30_000] {
            let input = nesting(template, count, true);
            in_flight.record(&input);
            let what = format!("{count} × {:?} in {}", template.1, preview(&input, 60));
            match worker.run(&input).0 {
                Verdict::Done(Outcome::Clean) => {}
                Verdict::Done(Outcome::Panicked(message)) => {
                    failures.push(format!("{what}: {message}"));
                }
                Verdict::Hung => panic!("{what}: still running after {HANG_LIMIT:?}"),
            }
        }
    }
    drop(std::fs::remove_file(&in_flight_path));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

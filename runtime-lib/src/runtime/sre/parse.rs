//! The regular-expression parser: pattern text → [`Node`] tree, following
//! CPython 3.11's `re._parser` grammar and error messages (each error
//! carries the message and the position in the pattern, in code points).
//!
//! Flags are resolved here: case-insensitivity, DOTALL, MULTILINE and
//! ASCII are baked into the nodes they affect, so scoped flags
//! (`(?i:...)`) need no run-time state. VERBOSE whitespace and comments are
//! skipped while reading.

use std::collections::HashMap;

/// Flag bits, as in CPython's `re` module.
pub const IGNORECASE: u32 = 2;
pub const LOCALE: u32 = 4;
pub const MULTILINE: u32 = 8;
pub const DOTALL: u32 = 16;
pub const UNICODE: u32 = 32;
pub const VERBOSE: u32 = 64;
pub const ASCII: u32 = 256;

/// A parse error: CPython's message and the position it names (None for
/// errors CPython reports without one).
#[derive(Debug)]
pub struct ParseError {
    pub msg: String,
    pub pos: Option<usize>,
}

/// A character-class test.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Category {
    Digit,
    NotDigit,
    Word,
    NotWord,
    Space,
    NotSpace,
}

/// One item of a `[...]` set.
#[derive(Clone, Debug)]
pub enum SetItem {
    Char(char),
    Range(char, char),
    Cat(Category),
}

/// A `[...]` set (or a category escape outside one).
#[derive(Clone, Debug)]
pub struct CharSet {
    pub items: Vec<SetItem>,
    pub negate: bool,
    pub ignore_case: bool,
    pub ascii: bool,
}

/// Zero-width assertions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum At {
    /// `^` without MULTILINE, `\A`.
    Start,
    /// `^` with MULTILINE.
    LineStart,
    /// `$` without MULTILINE: the end or before a final newline.
    End,
    /// `$` with MULTILINE.
    LineEnd,
    /// `\Z`.
    StrEnd,
    Boundary {
        ascii: bool,
    },
    NotBoundary {
        ascii: bool,
    },
}

/// The pattern tree.
#[derive(Clone, Debug)]
pub enum Node {
    Empty,
    Char {
        c: char,
        ignore_case: bool,
    },
    /// `.`: any character but `\n`, or any at all under DOTALL.
    Any {
        dotall: bool,
    },
    Set(CharSet),
    Cat(Vec<Node>),
    Alt(Vec<Node>),
    Group(usize, Box<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
    Atomic(Box<Node>),
    Backref {
        group: usize,
        ignore_case: bool,
    },
    At(At),
    Look {
        behind: bool,
        negate: bool,
        node: Box<Node>,
    },
    Cond {
        group: usize,
        yes: Box<Node>,
        no: Box<Node>,
    },
}

/// A parsed pattern.
pub struct Parsed {
    pub node: Node,
    /// Capturing groups (group 0 not counted).
    pub groups: usize,
    /// Named groups in definition order.
    pub names: Vec<(String, usize)>,
    /// The final flags (inline global flags and UNICODE included).
    pub flags: u32,
}

/// Parses `pattern` (a str pattern when `is_str`) with `flags`.
pub fn parse(pattern: &str, flags: u32, is_str: bool) -> Result<Parsed, ParseError> {
    let mut flags = flags;
    if is_str {
        if flags & LOCALE != 0 {
            return Err(ParseError {
                msg: "cannot use LOCALE flag with a str pattern".into(),
                pos: None,
            });
        }
        if flags & ASCII == 0 {
            flags |= UNICODE;
        } else if flags & UNICODE != 0 {
            return Err(ParseError {
                msg: "ASCII and UNICODE flags are incompatible".into(),
                pos: None,
            });
        }
    } else {
        if flags & UNICODE != 0 {
            return Err(ParseError {
                msg: "cannot use UNICODE flag with a bytes pattern".into(),
                pos: None,
            });
        }
        flags |= ASCII;
    }
    let mut p = Parser {
        src: pattern.chars().collect(),
        pos: 0,
        flags,
        groups: 0,
        names: Vec::new(),
        name_map: HashMap::new(),
        open: Vec::new(),
        is_str,
    };
    let node = p.alternation(0)?;
    if p.pos < p.src.len() {
        // Only a stray `)` stops the top level early.
        return Err(p.err("unbalanced parenthesis", p.pos));
    }
    // Global flags may have been set by `(?x)` at the start; re-parse so
    // they apply to the whole pattern (CPython does the same for VERBOSE).
    if p.flags != flags && p.flags & VERBOSE != 0 && flags & VERBOSE == 0 {
        return parse(pattern, p.flags & !UNICODE | (flags & UNICODE), is_str);
    }
    Ok(Parsed {
        node,
        groups: p.groups,
        names: p.names,
        flags: p.flags,
    })
}

struct Parser {
    src: Vec<char>,
    pos: usize,
    flags: u32,
    groups: usize,
    names: Vec<(String, usize)>,
    name_map: HashMap<String, usize>,
    /// Capturing groups still open.
    open: Vec<usize>,
    is_str: bool,
}

fn is_repeat_char(c: char) -> bool {
    matches!(c, '*' | '+' | '?' | '{')
}

impl Parser {
    fn err(&self, msg: impl Into<String>, pos: usize) -> ParseError {
        ParseError {
            msg: msg.into(),
            pos: Some(pos),
        }
    }

    fn peek(&self) -> Option<char> {
        self.src.get(self.pos).copied()
    }

    fn verbose(&self) -> bool {
        self.flags & VERBOSE != 0
    }

    /// Skips VERBOSE whitespace and comments.
    fn skip_verbose(&mut self) {
        if !self.verbose() {
            return;
        }
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.pos += 1;
            } else if c == '#' {
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    fn alternation(&mut self, depth: usize) -> Result<Node, ParseError> {
        let mut alts = vec![self.sequence(depth)?];
        while self.peek() == Some('|') {
            self.pos += 1;
            alts.push(self.sequence(depth)?);
        }
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(alts)
        })
    }

    fn sequence(&mut self, depth: usize) -> Result<Node, ParseError> {
        let mut items: Vec<Node> = Vec::new();
        loop {
            self.skip_verbose();
            let Some(c) = self.peek() else { break };
            if c == '|' || c == ')' {
                break;
            }
            let start = self.pos;
            if is_repeat_char(c) {
                if c == '{' && !self.is_quantifier_brace() {
                    self.pos += 1;
                    items.push(self.literal('{'));
                    continue;
                }
                match items.last() {
                    None | Some(Node::At(_)) => return Err(self.err("nothing to repeat", start)),
                    Some(Node::Repeat { .. }) => return Err(self.err("multiple repeat", start)),
                    _ => {}
                }
                let (min, max) = self.quantifier()?;
                let mut greedy = true;
                let mut possessive = false;
                match self.peek() {
                    Some('?') => {
                        self.pos += 1;
                        greedy = false;
                    }
                    Some('+') => {
                        self.pos += 1;
                        possessive = true;
                    }
                    _ => {}
                }
                let node = items.pop().unwrap_or(Node::Empty);
                let rep = Node::Repeat {
                    node: Box::new(node),
                    min,
                    max,
                    greedy,
                };
                items.push(if possessive {
                    // Marked as a repeat for the "multiple repeat" check.
                    Node::Repeat {
                        node: Box::new(Node::Atomic(Box::new(rep))),
                        min: 1,
                        max: Some(1),
                        greedy: true,
                    }
                } else {
                    rep
                });
                continue;
            }
            self.pos += 1;
            let node = match c {
                '.' => Node::Any {
                    dotall: self.flags & DOTALL != 0,
                },
                '^' => Node::At(if self.flags & MULTILINE != 0 {
                    At::LineStart
                } else {
                    At::Start
                }),
                '$' => Node::At(if self.flags & MULTILINE != 0 {
                    At::LineEnd
                } else {
                    At::End
                }),
                '[' => self.set(start)?,
                '\\' => self.escape(start)?,
                '(' => match self.group(start, depth)? {
                    Some(n) => n,
                    None => continue,
                },
                c => self.literal(c),
            };
            items.push(node);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Cat(items),
        })
    }

    fn literal(&self, c: char) -> Node {
        Node::Char {
            c,
            ignore_case: self.flags & IGNORECASE != 0,
        }
    }

    fn ascii(&self) -> bool {
        self.flags & ASCII != 0
    }

    /// Whether the `{` at `pos` starts a valid `{m,n}` quantifier.
    fn is_quantifier_brace(&self) -> bool {
        let mut i = self.pos + 1;
        let digits = |i: &mut usize| {
            let s = *i;
            while self.src.get(*i).is_some_and(|c| c.is_ascii_digit()) {
                *i += 1;
            }
            *i > s
        };
        let lo = digits(&mut i);
        if self.src.get(i) == Some(&'}') {
            return lo;
        }
        if self.src.get(i) != Some(&',') {
            return false;
        }
        i += 1;
        digits(&mut i);
        self.src.get(i) == Some(&'}')
    }

    fn number(&mut self) -> Option<u32> {
        let s = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.pos == s {
            return None;
        }
        let text: String = self.src[s..self.pos].iter().collect();
        Some(text.parse::<u32>().unwrap_or(u32::MAX))
    }

    fn quantifier(&mut self) -> Result<(u32, Option<u32>), ParseError> {
        let start = self.pos;
        let c = self.peek().unwrap_or('*');
        self.pos += 1;
        Ok(match c {
            '*' => (0, None),
            '+' => (1, None),
            '?' => (0, Some(1)),
            _ => {
                let lo = self.number();
                let hi = if self.peek() == Some(',') {
                    self.pos += 1;
                    self.number()
                } else {
                    Some(lo.unwrap_or(0))
                };
                self.pos += 1; // '}'
                let lo = lo.unwrap_or(0);
                if let Some(h) = hi {
                    if h < lo {
                        return Err(self.err("min repeat greater than max repeat", start + 1));
                    }
                }
                (lo, hi)
            }
        })
    }

    fn read_name(&mut self, end: char, start: usize) -> Result<String, ParseError> {
        let s = self.pos;
        loop {
            match self.peek() {
                None => {
                    if self.pos == s {
                        return Err(self.err("missing group name", s));
                    }
                    return Err(self.err(format!("missing {end}, unterminated name"), s));
                }
                Some(c) if c == end => break,
                Some(_) => self.pos += 1,
            }
        }
        let name: String = self.src[s..self.pos].iter().collect();
        self.pos += 1;
        if name.is_empty() {
            return Err(self.err("missing group name", s));
        }
        let _ = start;
        Ok(name)
    }

    fn check_identifier(&self, name: &str, at: usize) -> Result<(), ParseError> {
        let mut cs = name.chars();
        let ok = cs.next().is_some_and(|c| c == '_' || c.is_alphabetic())
            && cs.all(|c| c == '_' || c.is_alphanumeric());
        if ok {
            Ok(())
        } else {
            Err(self.err(format!("bad character in group name '{name}'"), at))
        }
    }

    fn new_group(&mut self) -> usize {
        self.groups += 1;
        self.groups
    }

    /// A capturing group's body up to `)`.
    fn group_body(&mut self, start: usize, depth: usize) -> Result<Node, ParseError> {
        let node = self.alternation(depth + 1)?;
        if self.peek() != Some(')') {
            return Err(self.err("missing ), unterminated subpattern", start));
        }
        self.pos += 1;
        Ok(node)
    }

    /// After `(`. Returns None for constructs that produce no node
    /// (comments, global flags).
    fn group(&mut self, start: usize, depth: usize) -> Result<Option<Node>, ParseError> {
        if self.peek() != Some('?') {
            let g = self.new_group();
            self.open.push(g);
            let body = self.group_body(start, depth)?;
            self.open.pop();
            return Ok(Some(Node::Group(g, Box::new(body))));
        }
        self.pos += 1;
        let Some(c) = self.peek() else {
            return Err(self.err("unexpected end of pattern", self.pos));
        };
        self.pos += 1;
        match c {
            ':' => Ok(Some(self.group_body(start, depth)?)),
            '>' => Ok(Some(Node::Atomic(Box::new(self.group_body(start, depth)?)))),
            '#' => {
                loop {
                    match self.peek() {
                        None => return Err(self.err("missing ), unterminated comment", start)),
                        Some(')') => break,
                        _ => self.pos += 1,
                    }
                }
                self.pos += 1;
                Ok(None)
            }
            '=' | '!' => {
                let body = self.group_body(start, depth)?;
                Ok(Some(Node::Look {
                    behind: false,
                    negate: c == '!',
                    node: Box::new(body),
                }))
            }
            '<' => {
                let Some(d) = self.peek() else {
                    return Err(self.err("unexpected end of pattern", self.pos));
                };
                if d != '=' && d != '!' {
                    return Err(self.err(format!("unknown extension ?<{d}"), start + 1));
                }
                self.pos += 1;
                let body = self.group_body(start, depth)?;
                if fixed_width(&body).is_none() {
                    return Err(ParseError {
                        msg: "look-behind requires fixed-width pattern".into(),
                        pos: None,
                    });
                }
                Ok(Some(Node::Look {
                    behind: true,
                    negate: d == '!',
                    node: Box::new(body),
                }))
            }
            'P' => {
                let Some(d) = self.peek() else {
                    return Err(self.err("unexpected end of pattern", self.pos));
                };
                self.pos += 1;
                match d {
                    '<' => {
                        let at = self.pos;
                        let name = self.read_name('>', start)?;
                        self.check_identifier(&name, at)?;
                        let g = self.new_group();
                        if let Some(&old) = self.name_map.get(&name) {
                            return Err(self.err(
                                format!(
                                    "redefinition of group name '{name}' as group {g}; was group {old}"
                                ),
                                at,
                            ));
                        }
                        self.name_map.insert(name.clone(), g);
                        self.names.push((name, g));
                        self.open.push(g);
                        let body = self.group_body(start, depth)?;
                        self.open.pop();
                        Ok(Some(Node::Group(g, Box::new(body))))
                    }
                    '=' => {
                        let at = self.pos;
                        let name = self.read_name(')', start)?;
                        self.check_identifier(&name, at)?;
                        let Some(&g) = self.name_map.get(&name) else {
                            return Err(self.err(format!("unknown group name '{name}'"), at));
                        };
                        if self.open.contains(&g) {
                            return Err(self.err("cannot refer to an open group", at));
                        }
                        Ok(Some(Node::Backref {
                            group: g,
                            ignore_case: self.flags & IGNORECASE != 0,
                        }))
                    }
                    _ => Err(self.err(format!("unknown extension ?P{d}"), start + 1)),
                }
            }
            '(' => {
                let at = self.pos;
                let name = self.read_name(')', start)?;
                let group = if name.chars().all(|c| c.is_ascii_digit()) {
                    let g: usize = name.parse().unwrap_or(usize::MAX);
                    if g == 0 {
                        return Err(self.err(format!("bad group number {name}"), at));
                    }
                    if g > self.groups {
                        return Err(self.err(format!("invalid group reference {g}"), at));
                    }
                    g
                } else {
                    self.check_identifier(&name, at)?;
                    match self.name_map.get(&name) {
                        Some(&g) => g,
                        None => return Err(self.err(format!("unknown group name '{name}'"), at)),
                    }
                };
                let yes = self.sequence(depth + 1)?;
                let no = if self.peek() == Some('|') {
                    self.pos += 1;
                    let no = self.sequence(depth + 1)?;
                    if self.peek() == Some('|') {
                        return Err(
                            self.err("conditional backref with more than two branches", self.pos)
                        );
                    }
                    no
                } else {
                    Node::Empty
                };
                if self.peek() != Some(')') {
                    return Err(self.err("missing ), unterminated subpattern", start));
                }
                self.pos += 1;
                Ok(Some(Node::Cond {
                    group,
                    yes: Box::new(yes),
                    no: Box::new(no),
                }))
            }
            c if "aiLmsux-".contains(c) => {
                self.pos -= 1;
                self.flag_group(start, depth)
            }
            c => Err(self.err(format!("unknown extension ?{c}"), start + 1)),
        }
    }

    fn flag_bit(c: char) -> u32 {
        match c {
            'a' => ASCII,
            'i' => IGNORECASE,
            'L' => LOCALE,
            'm' => MULTILINE,
            's' => DOTALL,
            'u' => UNICODE,
            'x' => VERBOSE,
            _ => 0,
        }
    }

    /// `(?flags)` or `(?flags-flags:...)`.
    fn flag_group(&mut self, start: usize, depth: usize) -> Result<Option<Node>, ParseError> {
        let mut add = 0;
        let mut del = 0;
        while let Some(c) = self.peek() {
            let b = Self::flag_bit(c);
            if b == 0 {
                break;
            }
            add |= b;
            self.pos += 1;
        }
        if self.peek() == Some('-') {
            self.pos += 1;
            let Some(c) = self.peek() else {
                return Err(self.err("missing flag", self.pos));
            };
            while let Some(c) = self.peek() {
                let b = Self::flag_bit(c);
                if b == 0 {
                    break;
                }
                if matches!(c, 'a' | 'L' | 'u') {
                    return Err(self.err(
                        "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                        self.pos,
                    ));
                }
                del |= b;
                self.pos += 1;
            }
            if Self::flag_bit(c) == 0 {
                let msg = if c.is_alphabetic() {
                    "unknown flag"
                } else {
                    "missing flag"
                };
                return Err(self.err(msg, self.pos));
            }
        }
        match self.peek() {
            Some(')') if del == 0 => {
                self.pos += 1;
                if start != 0 {
                    return Err(self.err("global flags not at the start of the expression", start));
                }
                self.flags |= add;
                if add & ASCII != 0 {
                    self.flags &= !UNICODE;
                }
                Ok(None)
            }
            Some(':') => {
                self.pos += 1;
                let saved = self.flags;
                self.flags = (self.flags | add) & !del;
                if add & ASCII != 0 {
                    self.flags &= !UNICODE;
                }
                let body = self.group_body(start, depth);
                self.flags = saved;
                Ok(Some(body?))
            }
            None => Err(self.err("missing -, : or )", self.pos)),
            Some(c) => {
                let msg = if c.is_alphabetic() {
                    "unknown flag"
                } else if del == 0 {
                    "missing -, : or )"
                } else {
                    "missing :"
                };
                Err(self.err(msg, self.pos))
            }
        }
    }

    fn category_set(&self, cat: Category) -> Node {
        Node::Set(CharSet {
            items: vec![SetItem::Cat(cat)],
            negate: false,
            ignore_case: false,
            ascii: self.ascii(),
        })
    }

    /// Reads `n` hex digits after an escape letter.
    fn hex(&mut self, n: usize, start: usize, letter: char) -> Result<char, ParseError> {
        let s = self.pos;
        let mut v: u32 = 0;
        for _ in 0..n {
            match self.peek().and_then(|c| c.to_digit(16)) {
                Some(d) => {
                    v = v * 16 + d;
                    self.pos += 1;
                }
                None => {
                    let text: String = self.src[s..self.pos].iter().collect();
                    return Err(self.err(format!("incomplete escape \\{letter}{text}"), start));
                }
            }
        }
        char::from_u32(v).ok_or_else(|| {
            let text: String = self.src[s..self.pos].iter().collect();
            self.err(format!("bad escape \\{letter}{text}"), start)
        })
    }

    /// An escape outside a set (after the backslash).
    fn escape(&mut self, start: usize) -> Result<Node, ParseError> {
        let Some(c) = self.peek() else {
            return Err(self.err("bad escape (end of pattern)", start));
        };
        self.pos += 1;
        Ok(match c {
            'A' => Node::At(At::Start),
            'Z' => Node::At(At::StrEnd),
            'b' => Node::At(At::Boundary {
                ascii: self.ascii(),
            }),
            'B' => Node::At(At::NotBoundary {
                ascii: self.ascii(),
            }),
            'd' => self.category_set(Category::Digit),
            'D' => self.category_set(Category::NotDigit),
            'w' => self.category_set(Category::Word),
            'W' => self.category_set(Category::NotWord),
            's' => self.category_set(Category::Space),
            'S' => self.category_set(Category::NotSpace),
            '0' => {
                let v = self.octal_tail(0, 2);
                self.literal(char::from_u32(v).unwrap_or('\0'))
            }
            '1'..='9' => {
                // Three octal digits make an octal escape; otherwise a
                // group reference of one or two digits.
                let d1 = c.to_digit(10).unwrap_or(0);
                if let (Some(a), Some(b)) = (self.peek(), self.src.get(self.pos + 1).copied()) {
                    if c <= '7' && a.is_digit(8) && b.is_digit(8) {
                        self.pos += 2;
                        let v =
                            d1 * 64 + a.to_digit(8).unwrap_or(0) * 8 + b.to_digit(8).unwrap_or(0);
                        if v > 0o377 {
                            return Err(self.err(
                                format!("octal escape value \\{c}{a}{b} outside of range 0-0o377"),
                                start,
                            ));
                        }
                        return Ok(self.literal(char::from_u32(v).unwrap_or('\0')));
                    }
                }
                let mut g = d1 as usize;
                if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    g = g * 10 + self.peek().and_then(|c| c.to_digit(10)).unwrap_or(0) as usize;
                    self.pos += 1;
                }
                if g > self.groups {
                    return Err(self.err(format!("invalid group reference {g}"), start + 1));
                }
                if self.open.contains(&g) {
                    return Err(self.err("cannot refer to an open group", start));
                }
                Node::Backref {
                    group: g,
                    ignore_case: self.flags & IGNORECASE != 0,
                }
            }
            c => {
                let ch = self.simple_escape(c, start)?;
                self.literal(ch)
            }
        })
    }

    fn octal_tail(&mut self, mut v: u32, max: usize) -> u32 {
        for _ in 0..max {
            match self.peek().and_then(|c| c.to_digit(8)) {
                Some(d) => {
                    v = v * 8 + d;
                    self.pos += 1;
                }
                None => break,
            }
        }
        v
    }

    /// Escapes that denote one character (shared by sets and the rest).
    fn simple_escape(&mut self, c: char, start: usize) -> Result<char, ParseError> {
        Ok(match c {
            'a' => '\x07',
            'f' => '\x0c',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\x0b',
            'x' => self.hex(2, start, 'x')?,
            'u' if self.is_str => self.hex(4, start, 'u')?,
            'U' if self.is_str => self.hex(8, start, 'U')?,
            c if c.is_ascii_alphanumeric() => {
                return Err(self.err(format!("bad escape \\{c}"), start));
            }
            c => c,
        })
    }

    /// After `[`.
    fn set(&mut self, start: usize) -> Result<Node, ParseError> {
        let mut negate = false;
        if self.peek() == Some('^') {
            self.pos += 1;
            negate = true;
        }
        let mut items = Vec::new();
        let first = self.pos;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.err("unterminated character set", start));
            };
            if c == ']' && self.pos != first {
                self.pos += 1;
                break;
            }
            let item_start = self.pos;
            let lo = self.set_atom()?;
            if self.peek() == Some('-') {
                self.pos += 1;
                match self.peek() {
                    None => return Err(self.err("unterminated character set", start)),
                    Some(']') => {
                        items.push(lo);
                        items.push(SetItem::Char('-'));
                        continue;
                    }
                    _ => {}
                }
                let hi = self.set_atom()?;
                let range_text =
                    |p: &Parser| -> String { p.src[item_start..p.pos].iter().collect() };
                match (lo, hi) {
                    (SetItem::Char(a), SetItem::Char(b)) => {
                        if b < a {
                            return Err(self.err(
                                format!("bad character range {}", range_text(self)),
                                item_start,
                            ));
                        }
                        items.push(SetItem::Range(a, b));
                    }
                    _ => {
                        return Err(self.err(
                            format!("bad character range {}", range_text(self)),
                            item_start,
                        ))
                    }
                }
            } else {
                items.push(lo);
            }
        }
        Ok(Node::Set(CharSet {
            items,
            negate,
            ignore_case: self.flags & IGNORECASE != 0,
            ascii: self.ascii(),
        }))
    }

    fn set_atom(&mut self) -> Result<SetItem, ParseError> {
        let start = self.pos;
        let c = self.peek().unwrap_or('\0');
        self.pos += 1;
        if c != '\\' {
            return Ok(SetItem::Char(c));
        }
        let Some(e) = self.peek() else {
            return Err(self.err("unterminated character set", start));
        };
        self.pos += 1;
        Ok(match e {
            'd' => SetItem::Cat(Category::Digit),
            'D' => SetItem::Cat(Category::NotDigit),
            'w' => SetItem::Cat(Category::Word),
            'W' => SetItem::Cat(Category::NotWord),
            's' => SetItem::Cat(Category::Space),
            'S' => SetItem::Cat(Category::NotSpace),
            'b' => SetItem::Char('\x08'),
            '0'..='7' => {
                let v = self.octal_tail(e.to_digit(8).unwrap_or(0), 2);
                if v > 0o377 {
                    let text: String = self.src[start..self.pos].iter().collect();
                    return Err(self.err(
                        format!("octal escape value {text} outside of range 0-0o377"),
                        start,
                    ));
                }
                SetItem::Char(char::from_u32(v).unwrap_or('\0'))
            }
            e => SetItem::Char(self.simple_escape(e, start)?),
        })
    }
}

/// The fixed width of `node` in characters, or None when it varies.
pub fn fixed_width(node: &Node) -> Option<usize> {
    match node {
        Node::Empty | Node::At(_) | Node::Look { .. } => Some(0),
        Node::Char { .. } | Node::Any { .. } | Node::Set(_) => Some(1),
        Node::Cat(items) => items.iter().try_fold(0, |a, n| Some(a + fixed_width(n)?)),
        Node::Alt(alts) => {
            let w = fixed_width(alts.first()?)?;
            alts.iter().all(|a| fixed_width(a) == Some(w)).then_some(w)
        }
        Node::Group(_, n) | Node::Atomic(n) => fixed_width(n),
        Node::Repeat { node, min, max, .. } => {
            if Some(*min) != *max {
                return None;
            }
            Some(fixed_width(node)? * *min as usize)
        }
        Node::Backref { .. } => None,
        Node::Cond { yes, no, .. } => {
            let w = fixed_width(yes)?;
            (fixed_width(no) == Some(w)).then_some(w)
        }
    }
}

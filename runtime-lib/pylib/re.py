"""Regular expressions (krait's re, written for krait).

Provides CPython's pattern syntax and semantics through the `_sre` engine
(written in Rust): compile, match, search, fullmatch, findall, finditer,
sub, subn (templates with \\1, \\g<name>, \\g<0>, or a function), split,
escape, purge, the flags (I, M, S, X, A, U, L and their long names, inline
(?aimsx) and scoped (?i:...) flags), Pattern and Match objects with their
attributes and methods, and re.error with CPython's messages.

Missing compared with CPython 3.11: LOCALE semantics, the DEBUG flag's
output, \\N{name} escapes, Pattern.scanner and re.Scanner, re.template,
full Unicode case folding (ignore-case uses simple lower/upper mapping);
Pattern.groupindex is a dict rather than a read-only mapping proxy.
"""

import _sre

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
    "compile", "purge", "escape", "error", "Pattern", "Match", "A", "I", "L", "M",
    "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

_FLAG_NAMES = [
    (1, "TEMPLATE"), (2, "IGNORECASE"), (4, "LOCALE"), (8, "MULTILINE"), (16, "DOTALL"),
    (32, "UNICODE"), (64, "VERBOSE"), (128, "DEBUG"), (256, "ASCII"),
]


class RegexFlag(int):
    """An int with the flags' names as its repr (CPython's enum.IntFlag)."""

    def __repr__(self):
        value = int(self)
        if value == 0:
            return "re.NOFLAG"
        names = []
        for bit, name in _FLAG_NAMES:
            if value & bit:
                names.append("re." + name)
                value &= ~bit
        if value:
            names.append(hex(value))
        return "|".join(names)

    __str__ = __repr__

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 511)


NOFLAG = RegexFlag(0)
T = TEMPLATE = RegexFlag(1)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
U = UNICODE = RegexFlag(32)
X = VERBOSE = RegexFlag(64)
DEBUG = RegexFlag(128)
A = ASCII = RegexFlag(256)

_MAXSIZE = 9223372036854775807


class error(Exception):
    """A bad pattern or template: msg, pattern, pos, lineno, colno."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = None
        self.colno = None
        if pattern is not None and pos is not None:
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s at position %d (line %d, column %d)" % (msg, pos, self.lineno, self.colno)
            else:
                msg = "%s at position %d" % (msg, pos)
        Exception.__init__(self, msg)


def _check_subject(pattern, string):
    if isinstance(pattern.pattern, str):
        if not isinstance(string, str):
            if isinstance(string, (bytes, bytearray)):
                raise TypeError("cannot use a string pattern on a bytes-like object")
            raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
    elif isinstance(string, str):
        raise TypeError("cannot use a bytes pattern on a string-like object")
    elif not isinstance(string, (bytes, bytearray)):
        raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, pos, endpos, regs):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._regs = regs
        self.lastindex = regs[-1]

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        for name, index in self.re.groupindex.items():
            if index == self.lastindex:
                return name
        return None

    @property
    def regs(self):
        r = self._regs
        return tuple((r[2 * i], r[2 * i + 1]) for i in range(self.re.groups + 1))

    def _index(self, group):
        if isinstance(group, int):
            if 0 <= group <= self.re.groups:
                return group
        elif isinstance(group, str):
            index = self.re.groupindex.get(group)
            if index is not None:
                return index
        elif hasattr(type(group), "__index__"):
            return self._index(group.__index__())
        raise IndexError("no such group")

    def _get(self, index, default=None):
        start = self._regs[2 * index]
        if start < 0:
            return default
        return self.string[start:self._regs[2 * index + 1]]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._get(self._index(group))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(index, default) for name, index in self.re.groupindex.items()}

    def start(self, group=0):
        return self._regs[2 * self._index(group)]

    def end(self, group=0):
        return self._regs[2 * self._index(group) + 1]

    def span(self, group=0):
        index = self._index(group)
        return (self._regs[2 * index], self._regs[2 * index + 1])

    def expand(self, template):
        return _expand(self.re, self, template)

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%r>" % (
            self._regs[0], self._regs[1], self._get(0))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls


class Pattern:
    """A compiled regular expression."""

    def __init__(self, pattern, flags, program, groups, groupindex):
        self.pattern = pattern
        self.flags = flags
        self._program = program
        self.groups = groups
        self.groupindex = groupindex

    def __repr__(self):
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        flags = self.flags
        if isinstance(self.pattern, str):
            flags &= ~32
        if flags:
            return "re.compile(%s, %r)" % (text, RegexFlag(flags))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls

    def _run(self, string, pos, endpos, mode):
        _check_subject(self, string)
        regs = _sre.match(self._program, string, pos, endpos, mode)
        if regs is None:
            return None
        n = len(string)
        pos = min(max(pos, 0), n)
        endpos = min(max(endpos, 0), n)
        return Match(self, string, pos, endpos, regs)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 2)

    def _scan(self, string, pos=0, endpos=_MAXSIZE, limit=0):
        _check_subject(self, string)
        return _sre.scan(self._program, string, pos, endpos, limit)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        n = len(string)
        p = min(max(pos, 0), n)
        e = min(max(endpos, 0), n)
        for regs in self._scan(string, pos, endpos):
            yield Match(self, string, p, e, regs)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        out = []
        groups = self.groups
        empty = string[:0]
        for r in self._scan(string, pos, endpos):
            if groups == 0:
                out.append(string[r[0]:r[1]])
            elif groups == 1:
                out.append(string[r[2]:r[3]] if r[2] >= 0 else empty)
            else:
                out.append(tuple(string[r[2 * i]:r[2 * i + 1]] if r[2 * i] >= 0 else empty
                                 for i in range(1, groups + 1)))
        return out

    def split(self, string, maxsplit=0):
        if maxsplit < 0:
            return [string]
        out = []
        last = 0
        for r in self._scan(string, 0, _MAXSIZE, maxsplit):
            out.append(string[last:r[0]])
            for i in range(1, self.groups + 1):
                out.append(string[r[2 * i]:r[2 * i + 1]] if r[2 * i] >= 0 else None)
            last = r[1]
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if count < 0:
            return (string, 0)
        n = len(string)
        if callable(repl):
            expand = None
        else:
            if isinstance(self.pattern, str):
                if not isinstance(repl, str):
                    raise TypeError("expected str instance, %s found" % type(repl).__name__)
            elif isinstance(repl, str):
                raise TypeError("expected a bytes-like object, str found")
            items = _template(self, repl)
            if len(items) == 1 and not isinstance(items[0], int):
                literal = items[0]
                expand = None
                repl = None
            elif not items:
                literal = repl[:0]
                repl = None
            else:
                literal = None
        pieces = []
        last = 0
        done = 0
        for r in self._scan(string, 0, _MAXSIZE, count):
            pieces.append(string[last:r[0]])
            if repl is None:
                pieces.append(literal)
            elif callable(repl):
                piece = repl(Match(self, string, 0, n, r))
                if piece is not None:
                    pieces.append(piece)
            else:
                for item in items:
                    if isinstance(item, int):
                        if r[2 * item] >= 0:
                            pieces.append(string[r[2 * item]:r[2 * item + 1]])
                    else:
                        pieces.append(item)
            last = r[1]
            done += 1
        pieces.append(string[last:])
        joiner = string[:0]
        if isinstance(joiner, bytearray):
            joiner = b""
        return (joiner.join(pieces), done)

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_OCTAL = "01234567"
_template_cache = {}


def _template(pattern, template):
    """A replacement template as a list of literal pieces and group numbers."""
    key = (pattern.pattern, pattern.flags, type(template), template)
    items = _template_cache.get(key)
    if items is None:
        is_bytes = not isinstance(template, str)
        text = template.decode("latin-1") if is_bytes else template
        items = _parse_template(text, pattern, template)
        if is_bytes:
            items = [item if isinstance(item, int) else item.encode("latin-1") for item in items]
        if len(_template_cache) >= 512:
            _template_cache.clear()
        _template_cache[key] = items
    return items


def _parse_template(s, pattern, original):
    items = []
    literal = []
    groups = pattern.groups
    i = 0
    n = len(s)

    def flush():
        if literal:
            items.append("".join(literal))
            literal.clear()

    while i < n:
        c = s[i]
        if c != "\\":
            literal.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise error("bad escape (end of pattern)", original, i)
        d = s[i + 1]
        if d == "g":
            j = i + 2
            if j >= n or s[j] != "<":
                raise error("missing <", original, j)
            k = s.find(">", j + 1)
            if k < 0:
                if j + 1 >= n:
                    raise error("missing group name", original, j + 1)
                raise error("missing >, unterminated name", original, j + 1)
            name = s[j + 1:k]
            if not name:
                raise error("missing group name", original, j + 1)
            if name.isdecimal() and name.isascii():
                index = int(name)
                if index > groups:
                    raise error("invalid group reference %d" % index, original, j + 1)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                index = pattern.groupindex[name]
            else:
                raise error("bad character in group name '%s'" % name, original, j + 1)
            flush()
            items.append(index)
            i = k + 1
        elif d == "0":
            j = i + 2
            value = 0
            while j < n and j < i + 4 and s[j] in _OCTAL:
                value = value * 8 + int(s[j])
                j += 1
            literal.append(chr(value))
            i = j
        elif d in "123456789":
            if (i + 3 < n and d in _OCTAL and s[i + 2] in _OCTAL and s[i + 3] in _OCTAL):
                value = int(s[i + 1:i + 4], 8)
                if value > 0o377:
                    raise error("octal escape value %s outside of range 0-0o377" % s[i:i + 4],
                                original, i)
                literal.append(chr(value))
                i += 4
                continue
            j = i + 2
            if j < n and s[j] in "0123456789":
                j += 1
            index = int(s[i + 1:j])
            if index > groups:
                raise error("invalid group reference %d" % index, original, i + 1)
            flush()
            items.append(index)
            i = j
        elif d in _ESCAPES:
            literal.append(_ESCAPES[d])
            i += 2
        elif d in _ASCII_LETTERS:
            raise error("bad escape \\%s" % d, original, i)
        else:
            literal.append("\\" + d)
            i += 2
    flush()
    return items


def _expand(pattern, match, template):
    items = _template(pattern, template)
    pieces = []
    for item in items:
        if isinstance(item, int):
            g = match.group(item)
            if g is not None:
                pieces.append(g)
        else:
            pieces.append(item)
    return template[:0].join(pieces)


_cache = {}


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is not None:
        return p
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    result = _sre.compile(pattern, flags)
    if result[0] is None:
        raise error(result[1], pattern, result[2])
    p = Pattern(pattern, result[3], result[0], result[1], result[2])
    if len(_cache) >= 512:
        _cache.clear()
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def purge():
    _cache.clear()
    _template_cache.clear()


_SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"


def escape(pattern):
    if isinstance(pattern, str):
        return "".join("\\" + c if c in _SPECIAL else c for c in pattern)
    out = bytearray()
    for b in pattern:
        if chr(b) in _SPECIAL:
            out.append(92)
        out.append(b)
    return bytes(out)

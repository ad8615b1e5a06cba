"""JSON encoding (krait's json.encoder, written for krait).

Provides JSONEncoder (encode, iterencode, default; skipkeys, ensure_ascii,
check_circular, allow_nan, sort_keys, indent, separators, default) with
CPython's output byte for byte, and the string helpers
py_encode_basestring / py_encode_basestring_ascii. Missing compared with
CPython 3.11: the C accelerators (`c_make_encoder`), INFINITY constant.
"""

__all__ = ["JSONEncoder"]

_ESCAPE = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def py_encode_basestring(s):
    """The JSON representation of str `s` (non-ASCII kept)."""
    out = ['"']
    for c in s:
        e = _ESCAPE.get(c)
        if e is not None:
            out.append(e)
        elif c < " ":
            out.append("\\u%04x" % ord(c))
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def py_encode_basestring_ascii(s):
    """The ASCII-only JSON representation of str `s`."""
    if s.isascii():
        simple = True
        for c in s:
            if c < " " or c == '"' or c == "\\":
                simple = False
                break
        if simple:
            return '"' + s + '"'
    out = ['"']
    for c in s:
        e = _ESCAPE.get(c)
        if e is not None:
            out.append(e)
        elif " " <= c <= "~":
            out.append(c)
        else:
            n = ord(c)
            if n < 0x10000:
                out.append("\\u%04x" % n)
            else:
                n -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | ((n >> 10) & 0x3FF), 0xDC00 | (n & 0x3FF)))
    out.append('"')
    return "".join(out)


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder:
    """Extensible JSON encoder for Python data structures."""

    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return "".join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        chunks = []
        _Writer(self, chunks).value(o, 0)
        return iter(chunks)


def _float_repr(o, allow_nan):
    if o != o:
        text = "NaN"
    elif o == float("inf"):
        text = "Infinity"
    elif o == float("-inf"):
        text = "-Infinity"
    else:
        return float.__repr__(o)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class _Writer:
    def __init__(self, encoder, out):
        self.enc = encoder
        self.out = out
        self.markers = {} if encoder.check_circular else None
        indent = encoder.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        self.indent = indent
        self.string = encode_basestring_ascii if encoder.ensure_ascii else encode_basestring

    def mark(self, o):
        if self.markers is not None:
            key = id(o)
            if key in self.markers:
                raise ValueError("Circular reference detected")
            self.markers[key] = o

    def unmark(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def value(self, o, level):
        out = self.out
        if isinstance(o, str):
            out.append(self.string(o))
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_float_repr(o, self.enc.allow_nan))
        elif isinstance(o, (list, tuple)):
            self.array(o, level)
        elif isinstance(o, dict):
            self.object(o, level)
        else:
            self.mark(o)
            self.value(self.enc.default(o), level)
            self.unmark(o)

    def newline(self, level):
        return "\n" + self.indent * level

    def array(self, lst, level):
        out = self.out
        if not lst:
            out.append("[]")
            return
        self.mark(lst)
        if self.indent is not None:
            level += 1
            sep = self.enc.item_separator + self.newline(level)
            out.append("[" + self.newline(level))
        else:
            sep = self.enc.item_separator
            out.append("[")
        first = True
        for item in lst:
            if not first:
                out.append(sep)
            first = False
            self.value(item, level)
        if self.indent is not None:
            level -= 1
            out.append(self.newline(level))
        out.append("]")
        self.unmark(lst)

    def key(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return _float_repr(key, self.enc.allow_nan)
        if key is True:
            return "true"
        if key is False:
            return "false"
        if key is None:
            return "null"
        if isinstance(key, int):
            return int.__repr__(key)
        if self.enc.skipkeys:
            return None
        raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")

    def object(self, dct, level):
        out = self.out
        if not dct:
            out.append("{}")
            return
        self.mark(dct)
        out.append("{")
        if self.indent is not None:
            level += 1
            sep = self.enc.item_separator + self.newline(level)
            out.append(self.newline(level))
        else:
            sep = self.enc.item_separator
        items = sorted(dct.items()) if self.enc.sort_keys else dct.items()
        first = True
        for key, value in items:
            key = self.key(key)
            if key is None:
                continue
            if not first:
                out.append(sep)
            first = False
            out.append(self.string(key))
            out.append(self.enc.key_separator)
            self.value(value, level)
        if self.indent is not None:
            level -= 1
            out.append(self.newline(level))
        out.append("}")
        self.unmark(dct)

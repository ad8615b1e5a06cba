"""Common string operations (krait's string, written for krait).

Provides the constants (ascii_letters, ascii_lowercase, ascii_uppercase,
digits, hexdigits, octdigits, punctuation, printable, whitespace),
capwords, Template ($name, ${name}, $$; substitute, safe_substitute,
get_identifiers, is_valid; a subclass may change `delimiter`) and
Formatter (format, vformat, parse, get_field, get_value,
check_unused_args, format_field, convert_field) with str.format's
automatic and manual field numbering.

Missing compared with CPython 3.11: Template subclasses cannot change
`idpattern`, `braceidpattern`, `flags` or `pattern` (no regular
expressions are used: identifiers are ASCII letters, digits and
underscores, as the default pattern says).
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s into words with sep (whitespace by default), capitalize each
    word and join them with sep (a single space by default)."""
    return (sep or ' ').join(word.capitalize() for word in s.split(sep))


_ID_START = frozenset('_' + ascii_letters)
_ID_CHARS = frozenset('_' + ascii_letters + digits)


def _identifier_end(text, start):
    # The end of the identifier starting at `start`, or `start` if none.
    if start >= len(text) or text[start] not in _ID_START:
        return start
    end = start + 1
    while end < len(text) and text[end] in _ID_CHARS:
        end += 1
    return end


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _scan(self):
        # The template as a list of pieces: ('text', s), ('name', name,
        # source) for $name / ${name}, ('invalid', index of the character
        # after the delimiter, source).
        text = self.template
        delim = self.delimiter
        dlen = len(delim)
        pieces = []
        pos = 0
        literal_start = 0
        n = len(text)
        while True:
            i = text.find(delim, pos)
            if i < 0:
                break
            after = i + dlen
            if text.startswith(delim, after):
                pieces.append(('text', text[literal_start:i] + delim))
                pos = literal_start = after + dlen
                continue
            end = _identifier_end(text, after)
            if end > after:
                pieces.append(('text', text[literal_start:i]))
                pieces.append(('name', text[after:end], text[i:end]))
                pos = literal_start = end
                continue
            if after < n and text[after] == '{':
                end = _identifier_end(text, after + 1)
                if end > after + 1 and end < n and text[end] == '}':
                    pieces.append(('text', text[literal_start:i]))
                    pieces.append(('name', text[after + 1:end], text[i:end + 1]))
                    pos = literal_start = end + 1
                    continue
            pieces.append(('text', text[literal_start:i]))
            pieces.append(('invalid', after, delim))
            pos = literal_start = after
        pieces.append(('text', text[literal_start:]))
        return pieces

    def _invalid(self, index):
        lines = self.template[:index].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = index - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError(f'Invalid placeholder in string: line {lineno}, col {colno}')

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _Layered(kws, mapping)
        out = []
        for piece in self._scan():
            kind = piece[0]
            if kind == 'text':
                out.append(piece[1])
            elif kind == 'name':
                out.append(str(mapping[piece[1]]))
            else:
                self._invalid(piece[1])
        return ''.join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _Layered(kws, mapping)
        out = []
        for piece in self._scan():
            kind = piece[0]
            if kind == 'text':
                out.append(piece[1])
            elif kind == 'name':
                try:
                    out.append(str(mapping[piece[1]]))
                except KeyError:
                    out.append(piece[2])
            else:
                out.append(piece[2])
        return ''.join(out)

    def is_valid(self):
        return all(piece[0] != 'invalid' for piece in self._scan())

    def get_identifiers(self):
        ids = []
        for piece in self._scan():
            if piece[0] == 'name' and piece[1] not in ids:
                ids.append(piece[1])
            elif piece[0] == 'invalid':
                self._invalid(piece[1])
        return ids


class _Layered:
    """Two mappings looked up in order (keywords before the mapping)."""

    __slots__ = ('_first', '_second')

    def __init__(self, first, second):
        self._first = first
        self._second = second

    def __getitem__(self, key):
        try:
            return self._first[key]
        except KeyError:
            return self._second[key]


class Formatter:
    """str.format's machinery, with each step a method a subclass can
    override."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            # An empty field name (or one starting with . or [) is the next
            # automatic argument, which manual numbering excludes.
            if field_name == '' or field_name[0] in '.[':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index) + field_name
                auto_arg_index += 1
            elif field_name[0].isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError(f'Unknown conversion specifier {conversion!s}')

    def parse(self, format_string):
        """The (literal_text, field_name, format_spec, conversion) tuples
        of format_string, as _string.formatter_parser yields them."""
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            if is_attr:
                obj = getattr(obj, key)
            else:
                obj = obj[key]
        return obj, first


def _parse_format(s):
    result = []
    literal = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c == '{':
            if i + 1 < n and s[i + 1] == '{':
                literal.append('{')
                result.append((''.join(literal), None, None, None))
                literal = []
                i += 2
                continue
            # A replacement field: up to the matching close brace.
            depth = 1
            j = i + 1
            while j < n:
                if s[j] == '{':
                    depth += 1
                elif s[j] == '}':
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                raise ValueError("expected '}' before end of string")
            field = s[i + 1:j]
            name, conversion, spec = _split_field(field)
            result.append((''.join(literal), name, spec, conversion))
            literal = []
            i = j + 1
        elif c == '}':
            if i + 1 < n and s[i + 1] == '}':
                literal.append('}')
                result.append((''.join(literal), None, None, None))
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            literal.append(c)
            i += 1
    if literal:
        result.append((''.join(literal), None, None, None))
    return iter(result)


def _split_field(field):
    # name[!conversion][:spec], where the name may contain [..] with any
    # characters but ! and : end it outside brackets.
    i = 0
    n = len(field)
    while i < n:
        c = field[i]
        if c == '[':
            while i < n and field[i] != ']':
                i += 1
        elif c == '!' or c == ':':
            break
        i += 1
    name = field[:i]
    conversion = None
    spec = ''
    if i < n and field[i] == '!':
        if i + 1 >= n:
            raise ValueError('end of string while looking for conversion specifier')
        conversion = field[i + 1]
        i += 2
        if i < n and field[i] != ':':
            raise ValueError('expected \':\' after conversion specifier')
    if i < n and field[i] == ':':
        spec = field[i + 1:]
    return name, conversion, spec


def _split_field_name(name):
    # 'a.b[0]' -> ('a', [(True, 'b'), (False, 0)]); numeric parts are ints.
    i = 0
    n = len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError('Empty attribute in format string')
            rest.append((True, attr))
            i = j
        elif name[i] == '[':
            j = name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError('Empty attribute in format string')
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and name[i] not in '.[':
                raise ValueError('Only \'.\' or \'[\' may follow \']\' in format field specifier')
        else:
            raise ValueError('Only \'.\' or \'[\' may follow \']\' in format field specifier')
    return first, rest

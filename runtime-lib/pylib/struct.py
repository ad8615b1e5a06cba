"""Packing values into bytes and back (krait's struct, written for krait).

Provides pack, pack_into, unpack, unpack_from, iter_unpack, calcsize, the
Struct class and struct.error, for the formats x c b B ? h H i I l L q Q n N
e f d s p P with the byte-order prefixes @ = < > ! and repeat counts; native
mode (@, the default) uses x86-64/aarch64 Linux sizes and alignment.
Missing compared with CPython 3.11: nothing of the public interface; the
messages of a few rare errors differ.
"""

import math

__all__ = ["calcsize", "pack", "pack_into", "unpack", "unpack_from",
           "iter_unpack", "Struct", "error"]


class error(Exception):
    pass


# code -> (standard size, native size, kind)
_CODES = {
    "x": (1, 1, "pad"), "c": (1, 1, "char"), "b": (1, 1, "int"), "B": (1, 1, "uint"),
    "?": (1, 1, "bool"), "h": (2, 2, "int"), "H": (2, 2, "uint"), "i": (4, 4, "int"),
    "I": (4, 4, "uint"), "l": (4, 8, "int"), "L": (4, 8, "uint"), "q": (8, 8, "int"),
    "Q": (8, 8, "uint"), "n": (None, 8, "int"), "N": (None, 8, "uint"),
    "e": (2, 2, "float"), "f": (4, 4, "float"), "d": (8, 8, "float"),
    "s": (1, 1, "bytes"), "p": (1, 1, "pascal"), "P": (None, 8, "uint"),
}


def _parse(fmt):
    if isinstance(fmt, bytes):
        fmt = fmt.decode("ascii")
    if not isinstance(fmt, str):
        raise TypeError("Struct() argument 1 must be a str or bytes object, not "
                        + type(fmt).__name__)
    native = True
    order = "little"
    i = 0
    if fmt and fmt[0] in "@=<>!":
        native = fmt[0] == "@"
        order = "big" if fmt[0] in ">!" else "little"
        i = 1
    items = []  # (code, count, offset, size)
    offset = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch.isspace():
            i += 1
            continue
        count = None
        if ch.isdigit():
            j = i
            while j < n and fmt[j].isdigit():
                j += 1
            count = int(fmt[i:j])
            if j >= n:
                raise error("repeat count given without format specifier")
            i = j
            ch = fmt[i]
        if ch not in _CODES:
            raise error("bad char in struct format")
        std, nat, kind = _CODES[ch]
        if not native and std is None:
            raise error("bad char in struct format")
        size = nat if native else std
        if count is None:
            count = 1
        if native and kind not in ("pad", "char", "bytes", "pascal", "bool") and size > 1:
            offset = (offset + size - 1) // size * size
        if kind in ("bytes", "pascal"):
            items.append((ch, count, offset, count))
            offset += count
        else:
            for _ in range(count):
                items.append((ch, 1, offset, size))
                offset += size
        i += 1
    return order, items, offset


def _float_bits(x, size):
    """The IEEE bits of x in a binary16/32/64 of `size` bytes."""
    mant_bits, exp_bits = {2: (10, 5), 4: (23, 8), 8: (52, 11)}[size]
    bias = (1 << (exp_bits - 1)) - 1
    max_exp = (1 << exp_bits) - 1
    sign = 1 if math.copysign(1.0, x) < 0 else 0
    if math.isnan(x):
        return (sign << (mant_bits + exp_bits)) | (max_exp << mant_bits) | (1 << (mant_bits - 1))
    if math.isinf(x):
        return (sign << (mant_bits + exp_bits)) | (max_exp << mant_bits)
    x = abs(x)
    if x == 0.0:
        return sign << (mant_bits + exp_bits)
    m, e = math.frexp(x)            # x = m * 2**e, 0.5 <= m < 1
    exp = e - 1 + bias               # biased exponent of 1.m form
    if exp <= 0:
        # Subnormal: value = frac * 2**(1 - bias - mant_bits).
        scaled = math.ldexp(x, bias - 1 + mant_bits)
        frac = _round_half_even(scaled)
        if frac >> mant_bits:
            return (sign << (mant_bits + exp_bits)) | (1 << mant_bits)
        return (sign << (mant_bits + exp_bits)) | frac
    frac = _round_half_even((m * 2.0 - 1.0) * (1 << mant_bits))
    if frac >> mant_bits:
        frac = 0
        exp += 1
    if exp >= max_exp:
        raise OverflowError("float too large to pack with %s format"
                            % {2: "e", 4: "f", 8: "d"}[size])
    return (sign << (mant_bits + exp_bits)) | (exp << mant_bits) | frac


def _round_half_even(v):
    f = math.floor(v)
    r = v - f
    f = int(f)
    if r > 0.5 or (r == 0.5 and f & 1):
        f += 1
    return f


def _bits_float(bits, size):
    mant_bits, exp_bits = {2: (10, 5), 4: (23, 8), 8: (52, 11)}[size]
    bias = (1 << (exp_bits - 1)) - 1
    max_exp = (1 << exp_bits) - 1
    sign = -1.0 if bits >> (mant_bits + exp_bits) else 1.0
    exp = (bits >> mant_bits) & max_exp
    frac = bits & ((1 << mant_bits) - 1)
    if exp == max_exp:
        return sign * math.inf if frac == 0 else math.nan
    if exp == 0:
        return sign * math.ldexp(frac, 1 - bias - mant_bits)
    return sign * math.ldexp(frac + (1 << mant_bits), exp - bias - mant_bits)


def _index(v):
    if isinstance(v, float):
        raise error("required argument is not an integer")
    try:
        return v.__index__()
    except AttributeError:
        raise error("required argument is not an integer") from None


def _pack_item(code, count, size, order, v, out):
    kind = _CODES[code][2]
    if kind == "int" or kind == "uint":
        n = _index(v)
        bits = size * 8
        if kind == "int":
            lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
        else:
            lo, hi = 0, (1 << bits) - 1
        if not lo <= n <= hi:
            if code in "bB":
                if kind == "int":
                    raise error("byte format requires %d <= number <= %d" % (lo, hi))
                raise error("ubyte format requires %d <= number <= %d" % (lo, hi))
            if code in "hH" and kind == "int":
                raise error("short format requires %d <= number <= %d" % (lo, hi))
            if code == "H":
                raise error("ushort format requires %d <= number <= %d" % (lo, hi))
            if kind == "uint" and n < 0:
                raise error("argument out of range")
            raise error("'%s' format requires %d <= number <= %d" % (code, lo, hi))
        out += n.to_bytes(size, order, signed=(kind == "int"))
    elif kind == "bool":
        out += b"\x01" if v else b"\x00"
    elif kind == "float":
        if not isinstance(v, (int, float)):
            try:
                v = v.__float__()
            except AttributeError:
                raise error("required argument is not a float") from None
        out += _float_bits(float(v), size).to_bytes(size, order)
    elif kind == "char":
        if not isinstance(v, (bytes, bytearray)) or len(v) != 1:
            raise error("char format requires a bytes object of length 1")
        out += bytes(v)
    elif kind == "bytes":
        if not isinstance(v, (bytes, bytearray)):
            raise error("argument for 's' must be a bytes object")
        data = bytes(v)[:count]
        out += data + b"\x00" * (count - len(data))
    elif kind == "pascal":
        if not isinstance(v, (bytes, bytearray)):
            raise error("argument for 'p' must be a bytes object")
        if count == 0:
            return
        data = bytes(v)[:count - 1]
        out += bytes([min(len(data), 255)]) + data + b"\x00" * (count - 1 - len(data))


def _unpack_item(code, count, size, order, data):
    kind = _CODES[code][2]
    if kind == "int":
        return int.from_bytes(data, order, signed=True)
    if kind == "uint":
        return int.from_bytes(data, order)
    if kind == "bool":
        return data != b"\x00" * len(data)
    if kind == "float":
        return _bits_float(int.from_bytes(data, order), size)
    if kind == "char" or kind == "bytes":
        return bytes(data)
    if kind == "pascal":
        if count == 0:
            return b""
        n = min(data[0], count - 1)
        return bytes(data[1:1 + n])
    return None


class Struct:
    """A compiled format."""

    def __init__(self, format):
        self._order, self._items, self.size = _parse(format)
        self.format = format.decode("ascii") if isinstance(format, bytes) else format
        self._values = [it for it in self._items if it[0] != "x"]

    def pack(self, *values):
        if len(values) != len(self._values):
            raise error("pack expected %d items for packing (got %d)"
                        % (len(self._values), len(values)))
        out = bytearray()
        vi = 0
        for code, count, offset, size in self._items:
            if len(out) < offset:
                out += b"\x00" * (offset - len(out))
            if code == "x":
                out += b"\x00" * size
                continue
            _pack_item(code, count, size, self._order, values[vi], out)
            vi += 1
        if len(out) < self.size:
            out += b"\x00" * (self.size - len(out))
        return bytes(out)

    def pack_into(self, buffer, offset, *values):
        data = self.pack(*values)
        if offset < 0:
            offset += len(buffer)
        if offset < 0 or offset + len(data) > len(buffer):
            raise error("pack_into requires a buffer of at least %d bytes for packing %d "
                        "bytes at offset %d (actual buffer size is %d)"
                        % (offset + len(data), len(data), offset, len(buffer)))
        buffer[offset:offset + len(data)] = data

    def unpack(self, buffer):
        buffer = bytes(buffer)
        if len(buffer) != self.size:
            raise error("unpack requires a buffer of %d bytes" % self.size)
        return self._unpack_at(buffer, 0)

    def unpack_from(self, buffer, offset=0):
        buffer = bytes(buffer)
        if offset < 0:
            offset += len(buffer)
        if offset < 0 or len(buffer) - offset < self.size:
            raise error("unpack_from requires a buffer of at least %d bytes for unpacking "
                        "%d bytes at offset %d (actual buffer size is %d)"
                        % (self.size + offset, self.size, offset, len(buffer)))
        return self._unpack_at(buffer, offset)

    def iter_unpack(self, buffer):
        buffer = bytes(buffer)
        if self.size == 0:
            raise error("cannot iteratively unpack with a struct of length 0")
        if len(buffer) % self.size:
            raise error("iterative unpacking requires a buffer of a multiple of %d bytes"
                        % self.size)
        return (self._unpack_at(buffer, at) for at in range(0, len(buffer), self.size))

    def _unpack_at(self, buffer, base):
        out = []
        for code, count, offset, size in self._items:
            if code == "x":
                continue
            start = base + offset
            out.append(_unpack_item(code, count, size, self._order,
                                    buffer[start:start + size]))
        return tuple(out)


_cache = {}


def _struct(fmt):
    s = _cache.get(fmt)
    if s is None:
        s = _cache[fmt] = Struct(fmt)
    return s


def calcsize(fmt):
    return _struct(fmt).size


def pack(fmt, *values):
    return _struct(fmt).pack(*values)


def pack_into(fmt, buffer, offset, *values):
    return _struct(fmt).pack_into(buffer, offset, *values)


def unpack(fmt, buffer):
    return _struct(fmt).unpack(buffer)


def unpack_from(fmt, buffer, offset=0):
    return _struct(fmt).unpack_from(buffer, offset)


def iter_unpack(fmt, buffer):
    return _struct(fmt).iter_unpack(buffer)

"""Decimal fixed- and floating-point arithmetic (krait's decimal, written for krait).

Provides Decimal (construction from str, int, float (exact), tuples and
Decimals; + - * / // % ** with integer exponents, divmod, unary ops,
comparisons with int, float, Fraction and Decimal, hashing equal to equal
ints/floats/Fractions, str/repr in scientific notation rules, int/float
conversion, round/floor/ceil/trunc, quantize, sqrt (correctly rounded),
to_integral_value, normalize, adjusted, as_tuple, as_integer_ratio,
copy_abs/copy_negate/copy_sign, compare, max/min, is_* predicates,
format specs with 'f', '%', 'e' and no type), Context (prec, rounding,
flags, traps), getcontext/setcontext/localcontext, the eight rounding
modes and the signal exceptions.

Missing compared with CPython 3.11: exponent limits (Emin/Emax, Overflow,
Underflow, Subnormal, Clamped are never signalled), exp/ln/log10, powers
with non-integer exponents (computed through float), logical and
fused operations (fma, logical_and, rotate, shift, scaleb, ...),
to_eng_string, next_plus/next_minus, the `decimal.Decimal` spelling of the
type in operator TypeError messages.
"""

import math

__all__ = [
    "Decimal", "Context", "DecimalTuple", "DefaultContext", "BasicContext", "ExtendedContext",
    "DecimalException", "Clamped", "InvalidOperation", "DivisionByZero", "Inexact", "Rounded",
    "Subnormal", "Overflow", "Underflow", "FloatOperation", "DivisionImpossible",
    "InvalidContext", "ConversionSyntax", "DivisionUndefined", "ROUND_DOWN", "ROUND_HALF_UP",
    "ROUND_HALF_EVEN", "ROUND_CEILING", "ROUND_FLOOR", "ROUND_UP", "ROUND_HALF_DOWN",
    "ROUND_05UP", "setcontext", "getcontext", "localcontext", "MAX_PREC", "MAX_EMAX",
    "MIN_EMIN", "MIN_ETINY",
]

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)

ROUND_DOWN = "ROUND_DOWN"
ROUND_HALF_UP = "ROUND_HALF_UP"
ROUND_HALF_EVEN = "ROUND_HALF_EVEN"
ROUND_CEILING = "ROUND_CEILING"
ROUND_FLOOR = "ROUND_FLOOR"
ROUND_UP = "ROUND_UP"
ROUND_HALF_DOWN = "ROUND_HALF_DOWN"
ROUND_05UP = "ROUND_05UP"
_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR,
              ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP)


class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


_SIGNALS = [InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow, Subnormal,
            Inexact, Rounded, Clamped]


class DecimalTuple(tuple):
    """(sign, digits, exponent), as CPython's named tuple."""

    def __new__(cls, sign, digits, exponent):
        return tuple.__new__(cls, (sign, digits, exponent))

    sign = property(lambda self: self[0])
    digits = property(lambda self: self[1])
    exponent = property(lambda self: self[2])

    def __repr__(self):
        return "DecimalTuple(sign=%r, digits=%r, exponent=%r)" % tuple(self)


class Context:
    """Precision, rounding mode, flags and traps of decimal operations."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None):
        base = _default_template
        self.prec = prec if prec is not None else (base.prec if base else 28)
        self.rounding = rounding if rounding is not None else (base.rounding if base else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else -999999
        self.Emax = Emax if Emax is not None else 999999
        self.capitals = capitals if capitals is not None else 1
        self.clamp = clamp if clamp is not None else 0
        self.flags = {s: False for s in _SIGNALS}
        if isinstance(flags, dict):
            self.flags.update(flags)
        elif flags is not None:
            for s in flags:
                self.flags[s] = True
        if traps is None:
            if base:
                self.traps = dict(base.traps)
            else:
                self.traps = {s: s in (InvalidOperation, DivisionByZero, Overflow) for s in _SIGNALS}
        elif isinstance(traps, dict):
            self.traps = {s: False for s in _SIGNALS}
            self.traps.update(traps)
        else:
            self.traps = {s: s in traps for s in _SIGNALS}

    def __setattr__(self, name, value):
        if name == "prec":
            if not isinstance(value, int):
                raise TypeError("an integer is required")
            if not 1 <= value <= MAX_PREC:
                raise ValueError("valid range for prec is [1, MAX_PREC]")
        elif name == "rounding":
            if value not in _ROUNDINGS:
                raise TypeError("valid values for rounding are:\n"
                                "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
                                "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
                                "   ROUND_05UP]")
        object.__setattr__(self, name, value)

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                       self.clamp, dict(self.flags), dict(self.traps))

    __copy__ = copy

    def clear_flags(self):
        for s in self.flags:
            self.flags[s] = False

    def clear_traps(self):
        for s in self.traps:
            self.traps[s] = False

    def __repr__(self):
        flags = ", ".join(s.__name__ for s in _SIGNALS if self.flags.get(s))
        traps = ", ".join(s.__name__ for s in _SIGNALS if self.traps.get(s))
        return ("Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, "
                "flags=[%s], traps=[%s])" % (self.prec, self.rounding, self.Emin, self.Emax,
                                             self.capitals, self.clamp, flags, traps))

    def _signal(self, cond, result=None):
        """Records `cond`; raises it when trapped, else returns `result`."""
        self.flags[cond] = True
        for s in _SIGNALS:
            if issubclass(cond, s) and self.traps.get(s):
                raise s([cond])
        return result

    def create_decimal(self, num="0"):
        return Decimal(num)._fix(self)

    def create_decimal_from_float(self, f):
        return Decimal.from_float(f)._fix(self)

    def add(self, a, b):
        return _dec(a).__add__(_dec(b), self)

    def subtract(self, a, b):
        return _dec(a).__sub__(_dec(b), self)

    def multiply(self, a, b):
        return _dec(a).__mul__(_dec(b), self)

    def divide(self, a, b):
        return _dec(a).__truediv__(_dec(b), self)

    def sqrt(self, a):
        return _dec(a).sqrt(self)

    def power(self, a, b):
        return _dec(a).__pow__(_dec(b), context=self)

    def quantize(self, a, b):
        return _dec(a).quantize(_dec(b), context=self)

    def abs(self, a):
        return _dec(a).__abs__(context=self)

    def plus(self, a):
        return _dec(a).__pos__(context=self)

    def minus(self, a):
        return _dec(a).__neg__(context=self)


_default_template = None
DefaultContext = Context()
_default_template = DefaultContext
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP)
BasicContext.traps = {s: s not in (Inexact, Rounded, Subnormal, FloatOperation) for s in _SIGNALS}
ExtendedContext = Context(prec=9, traps=[])
_current = [None]


def getcontext():
    if _current[0] is None:
        _current[0] = DefaultContext.copy()
    return _current[0]


def setcontext(context):
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _current[0] = context


class _LocalContext:
    def __init__(self, ctx):
        self.new = ctx

    def __enter__(self):
        self.saved = getcontext()
        setcontext(self.new)
        return self.new

    def __exit__(self, *exc):
        setcontext(self.saved)


def localcontext(ctx=None, **kwargs):
    ctx = (ctx if ctx is not None else getcontext()).copy()
    for name, value in kwargs.items():
        if not hasattr(ctx, name) or name in ("flags", "traps"):
            raise TypeError(f"'{name}' is an invalid keyword argument for this function")
        setattr(ctx, name, value)
    return _LocalContext(ctx)


def _dec(x):
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        return Decimal(x)
    raise TypeError("conversion from %s to Decimal is not supported" % type(x).__name__)


def _parse(s):
    """(sign, coefficient, exponent, special) of a numeric string, or None."""
    t = s.strip().replace("_", "").lower()
    if not t or "__" in s:
        return None
    sign = 0
    if t[0] in "+-":
        sign = 1 if t[0] == "-" else 0
        t = t[1:]
    if t in ("inf", "infinity"):
        return sign, 0, 0, "F"
    for prefix, special in (("nan", "n"), ("snan", "N")):
        if t.startswith(prefix):
            payload = t[len(prefix):]
            if payload == "" or (payload.isdigit() and payload.isascii()):
                return sign, int(payload or "0"), 0, special
            return None
    exp = 0
    if "e" in t:
        t, _, e = t.partition("e")
        body = e[1:] if e[:1] in "+-" else e
        if not (body.isdigit() and body.isascii()):
            return None
        exp = int(e)
    whole, _, frac = t.partition(".")
    digits = whole + frac
    if not digits or not (digits.isdigit() and digits.isascii()):
        return None
    return sign, int(digits), exp - len(frac), ""


def _round_coeff(sign, coeff, drop, mode):
    """coeff with its last `drop` digits removed, rounded by `mode`;
    also whether anything nonzero was dropped."""
    if drop <= 0:
        return coeff * 10 ** -drop, False
    p = 10 ** drop
    q, r = divmod(coeff, p)
    if r == 0:
        return q, False
    half = p // 2
    if mode == ROUND_DOWN:
        up = False
    elif mode == ROUND_UP:
        up = True
    elif mode == ROUND_CEILING:
        up = sign == 0
    elif mode == ROUND_FLOOR:
        up = sign == 1
    elif mode == ROUND_HALF_UP:
        up = r >= half
    elif mode == ROUND_HALF_DOWN:
        up = r > half
    elif mode == ROUND_HALF_EVEN:
        up = r > half or (r == half and q % 2 == 1)
    else:
        up = q % 5 == 0
    return (q + 1 if up else q), True


class Decimal:
    """A decimal floating-point number: (-1)**sign * coefficient * 10**exponent."""

    __slots__ = ("_sign", "_coeff", "_exp", "_special")

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        if isinstance(value, Decimal):
            self._sign, self._coeff, self._exp, self._special = (
                value._sign, value._coeff, value._exp, value._special)
            return self
        if isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._coeff = abs(int(value))
            self._exp = 0
            self._special = ""
            return self
        if isinstance(value, float):
            return cls._from_float(value, self)
        if isinstance(value, str):
            parsed = _parse(value)
            if parsed is None:
                ctx = context if context is not None else getcontext()
                ctx._signal(ConversionSyntax)
                self._sign, self._coeff, self._exp, self._special = 0, 0, 0, "n"
                return self
            self._sign, self._coeff, self._exp, self._special = parsed
            return self
        if isinstance(value, (tuple, list)):
            if len(value) != 3:
                raise ValueError("argument must be a sequence of length 3")
            sign, digits, exp = value
            if sign not in (0, 1):
                raise ValueError("sign must be an integer with the value 0 or 1")
            self._sign = sign
            self._coeff = int("".join(str(d) for d in digits) or "0")
            if exp == "F":
                self._special, self._exp = "F", 0
            elif exp in ("n", "N"):
                self._special, self._exp = exp, 0
            else:
                self._special, self._exp = "", exp
            return self
        raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)

    @classmethod
    def _from_float(cls, f, self=None):
        if self is None:
            self = object.__new__(cls)
        self._sign = 1 if math.copysign(1.0, f) < 0 else 0
        self._exp = 0
        if f != f:
            self._special, self._coeff, self._sign = "n", 0, 0
            return self
        if f in (float("inf"), float("-inf")):
            self._special, self._coeff = "F", 0
            return self
        n, d = abs(f).as_integer_ratio()
        k = d.bit_length() - 1
        self._coeff = n * 5 ** k
        self._exp = -k
        self._special = ""
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("argument must be int or float")
        return cls._from_float(f)

    @staticmethod
    def _make(sign, coeff, exp, special=""):
        d = object.__new__(Decimal)
        d._sign = sign
        d._coeff = coeff
        d._exp = exp
        d._special = special
        return d

    # Predicates and accessors

    def is_nan(self):
        return self._special in ("n", "N")

    def is_snan(self):
        return self._special == "N"

    def is_qnan(self):
        return self._special == "n"

    def is_infinite(self):
        return self._special == "F"

    def is_finite(self):
        return self._special == ""

    def is_zero(self):
        return self._special == "" and self._coeff == 0

    def is_signed(self):
        return self._sign == 1

    def adjusted(self):
        if self._special:
            return 0
        return self._exp + len(str(self._coeff)) - 1

    def as_tuple(self):
        digits = tuple(int(c) for c in str(self._coeff)) if (self._coeff or not self._special) else ()
        if self._special == "F":
            return DecimalTuple(self._sign, (0,), "F")
        if self._special:
            return DecimalTuple(self._sign, digits, self._special)
        return DecimalTuple(self._sign, digits, self._exp)

    def as_integer_ratio(self):
        if self._special == "F":
            raise OverflowError("cannot convert Infinity to integer ratio")
        if self._special:
            raise ValueError("cannot convert NaN to integer ratio")
        n, d = self._ratio()
        g = math.gcd(n, d)
        return n // g, d // g

    def _ratio(self):
        n = -self._coeff if self._sign else self._coeff
        if self._exp >= 0:
            return n * 10 ** self._exp, 1
        return n, 10 ** -self._exp

    def copy_abs(self):
        return Decimal._make(0, self._coeff, self._exp, self._special)

    def copy_negate(self):
        return Decimal._make(1 - self._sign, self._coeff, self._exp, self._special)

    def copy_sign(self, other):
        return Decimal._make(_dec(other)._sign, self._coeff, self._exp, self._special)

    # Text

    def __str__(self):
        return self._to_string()

    def __repr__(self):
        return "Decimal('%s')" % self

    def _to_string(self, capitals=True):
        sign = "-" if self._sign else ""
        if self._special == "F":
            return sign + "Infinity"
        if self._special:
            name = "NaN" if self._special == "n" else "sNaN"
            return sign + name + (str(self._coeff) if self._coeff else "")
        digits = str(self._coeff)
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dot = leftdigits
        else:
            dot = 1
        if dot <= 0:
            intpart = "0"
            fracpart = "." + "0" * -dot + digits
        elif dot >= len(digits):
            intpart = digits + "0" * (dot - len(digits))
            fracpart = ""
        else:
            intpart = digits[:dot]
            fracpart = "." + digits[dot:]
        if leftdigits == dot:
            exp = ""
        else:
            exp = ("E" if capitals else "e") + "%+d" % (leftdigits - dot)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        return str(self)

    def __format__(self, spec):
        if not spec:
            return str(self)
        kind = spec[-1] if spec[-1] in "eEfFgG%n" else ""
        head = spec[:-1] if kind else spec
        precision = None
        if "." in head:
            head, _, p = head.partition(".")
            precision = int(p)
        if self._special:
            body = str(self.copy_abs())
            if kind in "EFG" and kind:
                body = body.upper()
            return format(("-" if self._sign else "") + body, head or "")
        value = self
        if kind == "%":
            value = Decimal._make(self._sign, self._coeff, self._exp + 2)
        if kind in ("f", "F", "%"):
            if precision is not None:
                value = value.quantize(Decimal._make(0, 1, -precision), rounding=getcontext().rounding)
            digits = str(value._coeff)
            if value._exp >= 0:
                body = digits + "0" * value._exp
            else:
                digits = digits.rjust(-value._exp + 1, "0")
                body = digits[:value._exp] + "." + digits[value._exp:]
            if kind == "%":
                body += "%"
        elif kind in ("e", "E"):
            if precision is not None:
                drop = len(str(value._coeff)) - (precision + 1)
                coeff, _ = _round_coeff(value._sign, value._coeff, drop, getcontext().rounding)
                exp = value._exp + drop
                if len(str(coeff)) > precision + 1:
                    coeff //= 10
                    exp += 1
                value = Decimal._make(value._sign, coeff, exp)
            digits = str(value._coeff)
            adj = value._exp + len(digits) - 1
            body = digits[0] + ("." + digits[1:] if len(digits) > 1 else "") + kind + "%+d" % adj
        else:
            if precision is not None:
                value = value._round_to(precision, getcontext().rounding)
            body = value.copy_abs()._to_string(kind != "g")
        sign = "-" if value._sign and (value._coeff or kind == "") else ("-" if value._sign else "")
        text = sign + body
        align_spec = head
        if align_spec:
            fill_align = ""
            width = align_spec
            if len(width) >= 2 and width[1] in "<>^=":
                fill_align, width = width[:2], width[2:]
            elif width[:1] in "<>^=":
                fill_align, width = width[:1], width[1:]
            if width.startswith("+") and not value._sign:
                text = "+" + text
                width = width[1:]
            zero = width.startswith("0")
            width = width.lstrip("0")
            if width.isdigit():
                n = int(width)
                if zero and not fill_align:
                    if text[:1] in "+-":
                        text = text[0] + text[1:].rjust(n - 1, "0")
                    else:
                        text = text.rjust(n, "0")
                else:
                    text = format(text, (fill_align or ">") + str(n))
        return text

    # Rounding to a context

    def _round_to(self, prec, rounding):
        digits = len(str(self._coeff))
        if digits <= prec:
            return self
        drop = digits - prec
        coeff, _ = _round_coeff(self._sign, self._coeff, drop, rounding)
        exp = self._exp + drop
        if len(str(coeff)) > prec:
            coeff //= 10
            exp += 1
        return Decimal._make(self._sign, coeff, exp)

    def _fix(self, context):
        if self._special:
            return self
        digits = len(str(self._coeff))
        if digits <= context.prec:
            return self
        drop = digits - context.prec
        coeff, inexact = _round_coeff(self._sign, self._coeff, drop, context.rounding)
        exp = self._exp + drop
        if len(str(coeff)) > context.prec:
            coeff //= 10
            exp += 1
        context.flags[Rounded] = True
        if inexact:
            context._signal(Inexact)
        return Decimal._make(self._sign, coeff, exp)

    def _nan_check(self, other, context):
        """The NaN result of an operation with a NaN operand, or None."""
        for x in (self, other):
            if x is not None and x._special == "N":
                context._signal(InvalidOperation)
                return Decimal._make(x._sign, x._coeff, 0, "n")
        for x in (self, other):
            if x is not None and x._special == "n":
                return x
        return None

    # Arithmetic

    def _other(self, other):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        return None

    def __add__(self, other, context=None):
        other = self._other(other)
        if other is None:
            return NotImplemented
        context = context or getcontext()
        nan = self._nan_check(other, context)
        if nan is not None:
            return nan
        if self._special or other._special:
            if self._special and other._special and self._sign != other._sign:
                return context._signal(InvalidOperation, Decimal._make(0, 0, 0, "n"))
            return self if self._special else other
        exp = min(self._exp, other._exp)
        a = self._coeff * 10 ** (self._exp - exp)
        b = other._coeff * 10 ** (other._exp - exp)
        total = (-a if self._sign else a) + (-b if other._sign else b)
        if total == 0:
            sign = 1 if (self._sign and other._sign) or (
                self._sign != other._sign and context.rounding == ROUND_FLOOR) else 0
        else:
            sign = 1 if total < 0 else 0
        return Decimal._make(sign, abs(total), exp)._fix(context)

    def __radd__(self, other, context=None):
        other = self._other(other)
        if other is None:
            return NotImplemented
        return other.__add__(self, context)

    def __sub__(self, other, context=None):
        other = self._other(other)
        if other is None:
            return NotImplemented
        return self.__add__(other.copy_negate(), context)

    def __rsub__(self, other, context=None):
        other = self._other(other)
        if other is None:
            return NotImplemented
        return other.__add__(self.copy_negate(), context)

    def __mul__(self, other, context=None):
        other = self._other(other)
        if other is None:
            return NotImplemented
        context = context or getcontext()
        nan = self._nan_check(other, context)
        if nan is not None:
            return nan
        sign = self._sign ^ other._sign
        if self._special or other._special:
            if (self._special and other.is_zero()) or (other._special and self.is_zero()):
                return context._signal(InvalidOperation, Decimal._make(0, 0, 0, "n"))
            return Decimal._make(sign, 0, 0, "F")
        return Decimal._make(sign, self._coeff * other._coeff, self._exp + other._exp)._fix(context)

    def __rmul__(self, other, context=None):
        other = self._other(other)
        if other is None:
            return NotImplemented
        return other.__mul__(self, context)

    def __truediv__(self, other, context=None):
        other = self._other(other)
        if other is None:
            return NotImplemented
        context = context or getcontext()
        nan = self._nan_check(other, context)
        if nan is not None:
            return nan
        sign = self._sign ^ other._sign
        if self._special or other._special:
            if self._special and other._special:
                return context._signal(InvalidOperation, Decimal._make(0, 0, 0, "n"))
            if self._special:
                return Decimal._make(sign, 0, 0, "F")
            return Decimal._make(sign, 0, 0)
        if other._coeff == 0:
            if self._coeff == 0:
                return context._signal(DivisionUndefined, Decimal._make(0, 0, 0, "n"))
            return context._signal(DivisionByZero, Decimal._make(sign, 0, 0, "F"))
        return _divide(sign, self._coeff, self._exp, other._coeff, other._exp, context)

    def __rtruediv__(self, other, context=None):
        other = self._other(other)
        if other is None:
            return NotImplemented
        return other.__truediv__(self, context)

    def _divmod(self, other, context):
        """(integer quotient, remainder) truncating toward zero, or None
        after signalling."""
        sign = self._sign ^ other._sign
        if other.is_zero():
            if self.is_zero():
                context._signal(DivisionUndefined)
            else:
                context._signal(DivisionByZero)
            return None
        exp = min(self._exp, other._exp)
        a = self._coeff * 10 ** (self._exp - exp)
        b = other._coeff * 10 ** (other._exp - exp)
        q, r = divmod(a, b)
        if len(str(q)) > context.prec:
            context._signal(DivisionImpossible)
            return None
        return (Decimal._make(sign, q, 0), Decimal._make(self._sign, r, exp)._fix(context))

    def __floordiv__(self, other, context=None):
        other = self._other(other)
        if other is None:
            return NotImplemented
        context = context or getcontext()
        nan = self._nan_check(other, context)
        if nan is not None:
            return nan
        r = self._divmod(other, context)
        if r is None:
            return Decimal._make(0, 0, 0, "n")
        return r[0]

    def __rfloordiv__(self, other, context=None):
        other = self._other(other)
        if other is None:
            return NotImplemented
        return other.__floordiv__(self, context)

    def __mod__(self, other, context=None):
        other = self._other(other)
        if other is None:
            return NotImplemented
        context = context or getcontext()
        nan = self._nan_check(other, context)
        if nan is not None:
            return nan
        r = self._divmod(other, context)
        if r is None:
            return Decimal._make(0, 0, 0, "n")
        return r[1]

    def __rmod__(self, other, context=None):
        other = self._other(other)
        if other is None:
            return NotImplemented
        return other.__mod__(self, context)

    def __divmod__(self, other, context=None):
        other = self._other(other)
        if other is None:
            return NotImplemented
        context = context or getcontext()
        r = self._divmod(other, context)
        if r is None:
            nan = Decimal._make(0, 0, 0, "n")
            return (nan, nan)
        return r

    def __rdivmod__(self, other, context=None):
        other = self._other(other)
        if other is None:
            return NotImplemented
        return other.__divmod__(self, context)

    def __pow__(self, other, modulo=None, context=None):
        other = self._other(other)
        if other is None:
            return NotImplemented
        context = context or getcontext()
        nan = self._nan_check(other, context)
        if nan is not None:
            return nan
        if other._special or self._special or not other._is_integer():
            return Decimal(float(self) ** float(other))._fix(context)
        n = int(other)
        if modulo is not None:
            return Decimal(pow(int(self), n, int(modulo)))
        if n == 0:
            if self.is_zero():
                return context._signal(InvalidOperation, Decimal._make(0, 0, 0, "n"))
            return Decimal._make(0, 1, 0)
        sign = self._sign if n % 2 else 0
        if n > 0:
            return Decimal._make(sign, self._coeff ** n, self._exp * n)._fix(context)
        if self.is_zero():
            return Decimal._make(sign, 0, 0, "F")
        m = -n
        return _divide(sign, 1, 0, self._coeff ** m, self._exp * m, context)

    def __rpow__(self, other, context=None):
        other = self._other(other)
        if other is None:
            return NotImplemented
        return other.__pow__(self, context=context)

    def __neg__(self, context=None):
        context = context or getcontext()
        if self._special:
            return self.copy_negate()
        sign = 0 if self._coeff == 0 and context.rounding != ROUND_FLOOR else 1 - self._sign
        return Decimal._make(sign, self._coeff, self._exp)._fix(context)

    def __pos__(self, context=None):
        context = context or getcontext()
        if self._special:
            return self
        sign = 0 if self._coeff == 0 and context.rounding != ROUND_FLOOR else self._sign
        return Decimal._make(sign, self._coeff, self._exp)._fix(context)

    def __abs__(self, context=None):
        context = context or getcontext()
        if self._special:
            return self.copy_abs()
        return Decimal._make(0, self._coeff, self._exp)._fix(context)

    def sqrt(self, context=None):
        context = context or getcontext()
        nan = self._nan_check(None, context)
        if nan is not None:
            return nan
        if self._special == "F" and not self._sign:
            return self
        if self.is_zero():
            return Decimal._make(self._sign, 0, self._exp // 2)
        if self._sign:
            return context._signal(InvalidOperation, Decimal._make(0, 0, 0, "n"))
        c, e = self._coeff, self._exp
        if e % 2:
            c *= 10
            e -= 1
        ideal = self._exp // 2
        shift = max(0, context.prec + 1 - (len(str(c)) + 1) // 2)
        scaled = c * 10 ** (2 * shift)
        r = math.isqrt(scaled)
        exp = e // 2 - shift
        if r * r == scaled:
            while exp < ideal and r % 10 == 0:
                r //= 10
                exp += 1
        elif r % 5 == 0:
            r += 1
        ctx = context.copy()
        ctx.rounding = ROUND_HALF_EVEN
        result = Decimal._make(0, r, exp)._fix(ctx)
        if ctx.flags[Inexact]:
            context._signal(Inexact)
            context.flags[Rounded] = True
        return result

    def quantize(self, exp, rounding=None, context=None):
        exp = _dec(exp)
        context = context or getcontext()
        nan = self._nan_check(exp, context)
        if nan is not None:
            return nan
        if self._special or exp._special:
            if self._special == "F" and exp._special == "F":
                return self
            return context._signal(InvalidOperation, Decimal._make(0, 0, 0, "n"))
        rounding = rounding or context.rounding
        coeff, inexact = _round_coeff(self._sign, self._coeff, exp._exp - self._exp, rounding)
        if len(str(coeff)) > context.prec:
            return context._signal(InvalidOperation, Decimal._make(0, 0, 0, "n"))
        if inexact:
            context.flags[Rounded] = True
            context._signal(Inexact)
        return Decimal._make(self._sign, coeff, exp._exp)

    def to_integral_value(self, rounding=None, context=None):
        if self._special or self._exp >= 0:
            return self
        context = context or getcontext()
        coeff, _ = _round_coeff(self._sign, self._coeff, -self._exp, rounding or context.rounding)
        return Decimal._make(self._sign, coeff, 0)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        return self.to_integral_value(rounding, context)

    def normalize(self, context=None):
        context = context or getcontext()
        if self._special:
            return self
        d = self._fix(context)
        if d._coeff == 0:
            return Decimal._make(d._sign, 0, 0)
        coeff, exp = d._coeff, d._exp
        while coeff % 10 == 0:
            coeff //= 10
            exp += 1
        return Decimal._make(d._sign, coeff, exp)

    def _is_integer(self):
        if self._special:
            return False
        if self._exp >= 0 or self._coeff == 0:
            return True
        return self._coeff % 10 ** -self._exp == 0

    # Conversions

    def __int__(self):
        if self._special == "F":
            raise OverflowError("cannot convert Infinity to integer")
        if self._special:
            raise ValueError("cannot convert NaN to integer")
        if self._exp >= 0:
            v = self._coeff * 10 ** self._exp
        else:
            v = self._coeff // 10 ** -self._exp
        return -v if self._sign else v

    __trunc__ = __int__

    def __float__(self):
        if self._special in ("n", "N"):
            if self._special == "N":
                raise ValueError("cannot convert signaling NaN to float")
            return float("-nan") if self._sign else float("nan")
        return float(str(self))

    def __floor__(self):
        return int(self.to_integral_value(ROUND_FLOOR))

    def __ceil__(self):
        return int(self.to_integral_value(ROUND_CEILING))

    def __round__(self, n=None):
        if n is None:
            if self._special:
                raise (ValueError("cannot round a NaN") if self.is_nan()
                       else OverflowError("cannot round an infinity"))
            return int(self.to_integral_value(ROUND_HALF_EVEN))
        return self.quantize(Decimal._make(0, 1, -n))

    def __bool__(self):
        return self._special != "" or self._coeff != 0

    # Comparison and hashing

    def _cmp_key(self, other):
        """-1, 0 or 1 comparing self with other (numbers only), None for
        unorderable (NaN or unsupported)."""
        if isinstance(other, float):
            getcontext().flags[FloatOperation] = True
            other = Decimal._from_float(other)
        elif isinstance(other, int):
            other = Decimal(other)
        elif hasattr(other, "numerator") and hasattr(other, "denominator") and not isinstance(other, Decimal):
            if self._special:
                if self.is_nan():
                    return None
                return -1 if self._sign else 1
            n, d = self._ratio()
            a, b = n * other.denominator, other.numerator * d
            return (a > b) - (a < b)
        if not isinstance(other, Decimal):
            return NotImplemented
        if self.is_nan() or other.is_nan():
            return None
        if self._special or other._special:
            x = (-1 if self._sign else 1) * (2 if self._special else 1)
            y = (-1 if other._sign else 1) * (2 if other._special else 1)
            if not self._special and self.is_zero():
                x = 0
            if not other._special and other.is_zero():
                y = 0
            if self._special == "F" and other._special == "F":
                x, y = (-1 if self._sign else 1), (-1 if other._sign else 1)
            return (x > y) - (x < y)
        n1, d1 = self._ratio()
        n2, d2 = other._ratio()
        a, b = n1 * d2, n2 * d1
        return (a > b) - (a < b)

    def __eq__(self, other):
        c = self._cmp_key(other)
        if c is NotImplemented:
            return NotImplemented
        return c == 0

    def _order(self, other, test):
        c = self._cmp_key(other)
        if c is NotImplemented:
            return NotImplemented
        if c is None:
            getcontext()._signal(InvalidOperation)
            return False
        return test(c)

    def __lt__(self, other):
        return self._order(other, lambda c: c < 0)

    def __le__(self, other):
        return self._order(other, lambda c: c <= 0)

    def __gt__(self, other):
        return self._order(other, lambda c: c > 0)

    def __ge__(self, other):
        return self._order(other, lambda c: c >= 0)

    def compare(self, other, context=None):
        other = _dec(other)
        if self.is_nan() or other.is_nan():
            return Decimal._make(0, 0, 0, "n")
        return Decimal(self._cmp_key(other))

    def max(self, other, context=None):
        other = _dec(other)
        return (self if self._cmp_key(other) >= 0 else other)._fix(context or getcontext())

    def min(self, other, context=None):
        other = _dec(other)
        return (self if self._cmp_key(other) <= 0 else other)._fix(context or getcontext())

    def __hash__(self):
        if self._special:
            if self._special == "N":
                raise TypeError("Cannot hash a signaling NaN value.")
            if self._special == "n":
                return object.__hash__(self)
            return -314159 if self._sign else 314159
        modulus = 2305843009213693951
        if self._exp >= 0:
            exp_hash = pow(10, self._exp, modulus)
        else:
            exp_hash = pow(_TEN_INV, -self._exp, modulus)
        h = self._coeff * exp_hash % modulus
        ans = -h if self._sign else h
        return -2 if ans == -1 else ans

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_TEN_INV = pow(10, 2305843009213693951 - 2, 2305843009213693951)


def _divide(sign, c1, e1, c2, e2, context):
    """The correctly rounded quotient (c1 * 10**e1) / (c2 * 10**e2)."""
    if c1 == 0:
        return Decimal._make(sign, 0, e1 - e2)
    shift = len(str(c2)) - len(str(c1)) + context.prec + 1
    exp = e1 - e2 - shift
    if shift >= 0:
        coeff, rem = divmod(c1 * 10 ** shift, c2)
    else:
        coeff, rem = divmod(c1, c2 * 10 ** -shift)
    if rem:
        # A final 0 or 5 would look like an exact tie or cut to rounding.
        if coeff % 5 == 0:
            coeff += 1
    else:
        ideal = e1 - e2
        while exp < ideal and coeff % 10 == 0:
            coeff //= 10
            exp += 1
    return Decimal._make(sign, coeff, exp)._fix(context)

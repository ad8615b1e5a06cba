"""Rational numbers (krait's fractions, written for krait).

Provides Fraction: construction from ints, other Fractions (or any object
with numerator/denominator), floats, Decimals and strings ('3/4', '-1.5e3',
' 7 '), arithmetic with int, float, complex and Fraction (+ - * / // % **,
divmod, unary ops), comparisons, hashing equal to the hash of an equal int
or float, limit_denominator, from_float, from_decimal, as_integer_ratio,
round/floor/ceil/trunc, str and repr. Missing compared with CPython 3.11:
registration with the numbers ABCs (there is no numbers module), the
_normalize keyword, and format specs beyond plain str().
"""

import math

__all__ = ["Fraction"]

_INEXACT = (float, complex)

_HASH_MODULUS = 2305843009213693951
_HASH_INF = 314159


def _is_rational(x):
    return isinstance(x, (int, Fraction))


def _parse(text):
    """(numerator, denominator) of a Fraction literal, or None."""
    s = text.strip().replace("_", "") if "__" not in text else None
    if not s:
        return None
    sign = 1
    if s[0] in "+-":
        if s[0] == "-":
            sign = -1
        s = s[1:]
    if "/" in s:
        num, _, den = s.partition("/")
        if not (num.isdigit() and num.isascii() and den.isdigit() and den.isascii()):
            return None
        return sign * int(num), int(den)
    exp = 0
    lower = s.lower()
    if "e" in lower:
        mant, _, e = lower.partition("e")
        body = e[1:] if e[:1] in "+-" else e
        if not (body.isdigit() and body.isascii()):
            return None
        exp = int(e)
        s = mant
    whole, dot, frac = s.partition(".")
    if not whole and not frac:
        return None
    for part in (whole, frac):
        if part and not (part.isdigit() and part.isascii()):
            return None
    num = int(whole + frac) if whole + frac else 0
    den = 10 ** len(frac)
    if exp >= 0:
        num *= 10 ** exp
    else:
        den *= 10 ** -exp
    return sign * num, den


class Fraction:
    """The rational number numerator/denominator, always in lowest terms."""

    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, float) or type(numerator).__name__ == "Decimal":
                n, d = numerator.as_integer_ratio()
                self._numerator = n
                self._denominator = d
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError("Invalid literal for Fraction: %r" % numerator)
                numerator, denominator = parsed
                if denominator == 0:
                    raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
            elif hasattr(numerator, "numerator") and hasattr(numerator, "denominator"):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif _is_rational(numerator) and _is_rational(denominator):
            numerator, denominator = (
                Fraction(numerator)._numerator * Fraction(denominator)._denominator,
                Fraction(denominator)._numerator * Fraction(numerator)._denominator)
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
        g = math.gcd(numerator, denominator)
        if denominator < 0:
            g = -g
        self._numerator = int(numerator) // g
        self._denominator = int(denominator) // g
        return self

    @classmethod
    def _new(cls, n, d):
        self = object.__new__(cls)
        self._numerator = n
        self._denominator = d
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)"
                            % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        if isinstance(dec, int):
            return cls(dec)
        if type(dec).__name__ != "Decimal":
            raise TypeError("%s.from_decimal() only takes Decimals, not %r (%s)"
                            % (cls.__name__, dec, type(dec).__name__))
        return cls(*dec.as_integer_ratio())

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction._new(p1, q1)
        return Fraction._new(p0 + k * p1, q0 + k * q1)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def __repr__(self):
        return "%s(%s, %s)" % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    def __format__(self, spec):
        if not spec:
            return str(self)
        return format(float(self), spec)

    # Arithmetic: each operator has an exact Fraction version, and mixes
    # with float/complex by converting the Fraction.

    def _coerce(self, other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction._new(int(other), 1)
        return None

    def __add__(a, b):
        r = a._coerce(b)
        if r is not None:
            return _add(a, r)
        if isinstance(b, _INEXACT):
            return float(a) + b
        return NotImplemented

    def __radd__(b, a):
        r = b._coerce(a)
        if r is not None:
            return _add(r, b)
        if isinstance(a, _INEXACT):
            return a + float(b)
        return NotImplemented

    def __sub__(a, b):
        r = a._coerce(b)
        if r is not None:
            return _add(a, Fraction._new(-r._numerator, r._denominator))
        if isinstance(b, _INEXACT):
            return float(a) - b
        return NotImplemented

    def __rsub__(b, a):
        r = b._coerce(a)
        if r is not None:
            return _add(r, Fraction._new(-b._numerator, b._denominator))
        if isinstance(a, _INEXACT):
            return a - float(b)
        return NotImplemented

    def __mul__(a, b):
        r = a._coerce(b)
        if r is not None:
            return _mul(a, r)
        if isinstance(b, _INEXACT):
            return float(a) * b
        return NotImplemented

    def __rmul__(b, a):
        r = b._coerce(a)
        if r is not None:
            return _mul(r, b)
        if isinstance(a, _INEXACT):
            return a * float(b)
        return NotImplemented

    def __truediv__(a, b):
        r = a._coerce(b)
        if r is not None:
            return _div(a, r)
        if isinstance(b, _INEXACT):
            return float(a) / b
        return NotImplemented

    def __rtruediv__(b, a):
        r = b._coerce(a)
        if r is not None:
            return _div(r, b)
        if isinstance(a, _INEXACT):
            return a / float(b)
        return NotImplemented

    def __floordiv__(a, b):
        r = a._coerce(b)
        if r is not None:
            return (a._numerator * r._denominator) // (a._denominator * r._numerator)
        if isinstance(b, float):
            return float(a) // b
        return NotImplemented

    def __rfloordiv__(b, a):
        r = b._coerce(a)
        if r is not None:
            return (r._numerator * b._denominator) // (r._denominator * b._numerator)
        if isinstance(a, float):
            return a // float(b)
        return NotImplemented

    def __mod__(a, b):
        r = a._coerce(b)
        if r is not None:
            return _mod(a, r)
        if isinstance(b, float):
            return float(a) % b
        return NotImplemented

    def __rmod__(b, a):
        r = b._coerce(a)
        if r is not None:
            return _mod(r, b)
        if isinstance(a, float):
            return a % float(b)
        return NotImplemented

    def __divmod__(a, b):
        r = a._coerce(b)
        if r is not None:
            return (a // r, a % r)
        if isinstance(b, float):
            return divmod(float(a), b)
        return NotImplemented

    def __rdivmod__(b, a):
        r = b._coerce(a)
        if r is not None:
            return (r // b, r % b)
        if isinstance(a, float):
            return divmod(a, float(b))
        return NotImplemented

    def __pow__(a, b):
        r = a._coerce(b)
        if r is not None:
            if r._denominator == 1:
                power = r._numerator
                if power >= 0:
                    return Fraction._new(a._numerator ** power, a._denominator ** power)
                if a._numerator == 0:
                    raise ZeroDivisionError("Fraction(%s, 0)" % (a._denominator ** -power))
                if a._numerator > 0:
                    return Fraction._new(a._denominator ** -power, a._numerator ** -power)
                return Fraction._new((-a._denominator) ** -power, (-a._numerator) ** -power)
            return float(a) ** float(r)
        if isinstance(b, _INEXACT):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        r = b._coerce(a)
        if r is not None:
            return r ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        return Fraction._new(a._numerator, a._denominator)

    def __neg__(a):
        return Fraction._new(-a._numerator, a._denominator)

    def __abs__(a):
        return Fraction._new(abs(a._numerator), a._denominator)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    __trunc__ = __int__

    def __float__(a):
        return a._numerator / a._denominator

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            if floor % 2 == 0:
                return floor
            return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        try:
            dinv = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            hash_ = _HASH_INF
        else:
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(a, b):
        if isinstance(b, Fraction):
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, int):
            return a._numerator == b and a._denominator == 1
        if isinstance(b, _INEXACT) and not isinstance(b, float) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == Fraction.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, Fraction):
            return op(self._numerator * other._denominator, self._denominator * other._numerator)
        if isinstance(other, int):
            return op(self._numerator, self._denominator * other)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return self._richcmp(Fraction.from_float(other), op)
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, _lt)

    def __gt__(a, b):
        return a._richcmp(b, _gt)

    def __le__(a, b):
        return a._richcmp(b, _le)

    def __ge__(a, b):
        return a._richcmp(b, _ge)

    def __bool__(a):
        return a._numerator != 0

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _lt(x, y):
    return x < y


def _gt(x, y):
    return x > y


def _le(x, y):
    return x <= y


def _ge(x, y):
    return x >= y


def _add(a, b):
    na, da = a._numerator, a._denominator
    nb, db = b._numerator, b._denominator
    g = math.gcd(da, db)
    if g == 1:
        return Fraction._new(na * db + da * nb, da * db)
    s = da // g
    t = na * (db // g) + nb * s
    g2 = math.gcd(t, g)
    if g2 == 1:
        return Fraction._new(t, s * db)
    return Fraction._new(t // g2, s * (db // g2))


def _mul(a, b):
    na, da = a._numerator, a._denominator
    nb, db = b._numerator, b._denominator
    g1 = math.gcd(na, db)
    if g1 > 1:
        na //= g1
        db //= g1
    g2 = math.gcd(nb, da)
    if g2 > 1:
        nb //= g2
        da //= g2
    return Fraction._new(na * nb, db * da)


def _div(a, b):
    nb, db = b._numerator, b._denominator
    na, da = a._numerator, a._denominator
    g1 = math.gcd(na, nb)
    if g1 > 1:
        na //= g1
        nb //= g1
    g2 = math.gcd(db, da)
    if g2 > 1:
        da //= g2
        db //= g2
    n, d = na * db, nb * da
    if d == 0:
        raise ZeroDivisionError("Fraction(%s, 0)" % n)
    if d < 0:
        n, d = -n, -d
    return Fraction._new(n, d)


def _mod(a, b):
    da, db = a._denominator, b._denominator
    return Fraction((a._numerator * db) % (b._numerator * da), da * db)

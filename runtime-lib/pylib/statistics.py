"""Basic statistics (krait's statistics, written for krait).

Provides mean, fmean, geometric_mean, harmonic_mean (unweighted), median,
median_low, median_high, mode, multimode, quantiles, variance, pvariance,
stdev, pstdev and StatisticsError. As in CPython, sums and squared
deviations are computed exactly with Fractions and converted back to the
data's type at the end, so results are identical (square roots are
correctly rounded). Missing compared with CPython 3.11: median_grouped,
covariance, correlation, linear_regression, NormalDist, weights for
fmean/harmonic_mean; stdev of Decimal data is the context-rounded sqrt
(CPython corrects the last digit).
"""

import math
from fractions import Fraction

__all__ = [
    "StatisticsError", "fmean", "geometric_mean", "harmonic_mean", "mean", "median",
    "median_high", "median_low", "mode", "multimode", "pstdev", "pvariance", "quantiles",
    "stdev", "variance",
]


class StatisticsError(ValueError):
    pass


def _is_decimal_type(t):
    return t.__name__ == "Decimal"


def _exact_ratio(x):
    """(numerator, denominator) of x; (x, None) for infinities and NaNs."""
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        return (x, None)
    try:
        return (x.numerator, x.denominator)
    except AttributeError:
        raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator")


def _coerce(t, s):
    if t is s:
        return t
    if s is int or s is bool:
        return t
    if t is int:
        return s
    if issubclass(s, t):
        return s
    if issubclass(t, s):
        return t
    if issubclass(t, int):
        return s
    if issubclass(s, int):
        return t
    if issubclass(t, Fraction) and issubclass(s, float):
        return s
    if issubclass(t, float) and issubclass(s, Fraction):
        return t
    raise TypeError("don't know how to coerce %s and %s" % (t.__name__, s.__name__))


def _sum(data):
    """(type, exact total, count) of data."""
    count = 0
    t = int
    partials = {}
    for x in data:
        typ = type(x)
        if typ is not t:
            t = _coerce(t, typ)
        n, d = _exact_ratio(x)
        count += 1
        partials[d] = partials.get(d, 0) + n
    if None in partials:
        total = partials[None]
    else:
        total = sum((Fraction(n, d) for d, n in partials.items()), Fraction(0))
    return t, total, count


def _ss(data, c=None):
    """(type, exact sum of squared deviations, mean, count)."""
    if c is not None:
        t, ssd, count = _sum((x - c) * (x - c) for x in data)
        return t, ssd, c, count
    count = 0
    t = int
    sx = {}
    sxx = {}
    for x in data:
        typ = type(x)
        if typ is not t:
            t = _coerce(t, typ)
        n, d = _exact_ratio(x)
        count += 1
        sx[d] = sx.get(d, 0) + n
        sxx[d] = sxx.get(d, 0) + n * n
    if not count:
        ssd = c = Fraction(0)
    elif None in sx:
        ssd = c = sx[None]
    else:
        total = sum((Fraction(n, d) for d, n in sx.items()), Fraction(0))
        total2 = sum((Fraction(n, d * d) for d, n in sxx.items()), Fraction(0))
        ssd = (count * total2 - total * total) / count
        c = total / count
    return t, ssd, c, count


def _convert(value, t):
    if type(value) is t:
        return value
    if issubclass(t, int) and value.denominator != 1:
        t = float
    try:
        return t(value)
    except TypeError:
        if _is_decimal_type(t):
            return t(value.numerator) / t(value.denominator)
        raise


def _fail_neg(values, errmsg="negative value"):
    for x in values:
        if x < 0:
            raise StatisticsError(errmsg)
        yield x


def _isqrt_frac_rto(n, m):
    """Square root of n/m rounded to an integer with round-to-odd."""
    a = math.isqrt(n // m)
    return a | (a * a * m != n)


def _float_sqrt_of_frac(n, m):
    """Correctly rounded float square root of n/m."""
    q = (n.bit_length() - m.bit_length() - 109) // 2
    if q >= 0:
        return (_isqrt_frac_rto(n, m << 2 * q) << q) / 1
    return _isqrt_frac_rto(n << -2 * q, m) / (1 << -q)


def _sqrt_of(value, t):
    if not isinstance(value, Fraction):
        return math.sqrt(value)
    if _is_decimal_type(t):
        return (t(value.numerator) / t(value.denominator)).sqrt()
    return _float_sqrt_of_frac(value.numerator, value.denominator)


def mean(data):
    t, total, n = _sum(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    return _convert(total / n, t)


def fmean(data, weights=None):
    if weights is not None:
        raise NotImplementedError("fmean() weights are not supported by krait")
    n = 0
    values = []
    for x in data:
        values.append(x)
        n += 1
    if not n:
        raise StatisticsError("fmean requires at least one data point")
    return math.fsum(values) / n


def geometric_mean(data):
    try:
        return math.exp(fmean([math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError("geometric mean requires a non-empty dataset "
                              "containing positive numbers") from None


def harmonic_mean(data, weights=None):
    if weights is not None:
        raise NotImplementedError("harmonic_mean() weights are not supported by krait")
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if n == 1:
        x = data[0]
        if isinstance(x, (int, float, Fraction)) or _is_decimal_type(type(x)):
            if x < 0:
                raise StatisticsError("harmonic mean does not support negative values")
            return x
        raise TypeError("unsupported type")
    errmsg = "harmonic mean does not support negative values"
    values = list(_fail_neg(data, errmsg))
    if any(x == 0 for x in values):
        return 0
    t, total, count = _sum(1 / x for x in values)
    if total <= 0:
        raise StatisticsError("Weighted sum must be positive")
    return _convert(n / total, t)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def _counts(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return counts


def mode(data):
    counts = _counts(data)
    if not counts:
        raise StatisticsError("no mode for empty data")
    best = None
    best_count = 0
    for value, count in counts.items():
        if count > best_count:
            best, best_count = value, count
    return best


def multimode(data):
    counts = _counts(data)
    if not counts:
        return []
    top = max(counts.values())
    return [value for value, count in counts.items() if count == top]


def quantiles(data, *, n=4, method="exclusive"):
    if n < 1:
        raise StatisticsError("n must be at least 1")
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError("must have at least two data points")
    if method == "inclusive":
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == "exclusive":
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError(f"Unknown method: {method!r}")


def variance(data, xbar=None):
    t, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError("variance requires at least two data points")
    return _convert(ss / (n - 1), t)


def pvariance(data, mu=None):
    t, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError("pvariance requires at least one data point")
    return _convert(ss / n, t)


def stdev(data, xbar=None):
    t, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError("stdev requires at least two data points")
    return _sqrt_of(ss / (n - 1), t)


def pstdev(data, mu=None):
    t, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError("pstdev requires at least one data point")
    return _sqrt_of(ss / n, t)

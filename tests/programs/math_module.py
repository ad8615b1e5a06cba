# The math module: constants, functions, integer helpers, errors.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.trunc(-3.7), math.fabs(-4))
print(math.log(100, 10), math.log(math.e), math.log2(1024), math.log10(0.001), math.exp(1) == math.e)
print(math.sin(0), math.cos(math.pi), round(math.tan(math.pi / 4), 10), math.atan2(1, 1) * 4 == math.pi)
print(math.hypot(3, 4), math.degrees(math.pi), math.radians(180) == math.pi, math.dist((0, 0), (3, 4)))
print(math.factorial(20), math.gcd(48, 36, 24), math.lcm(4, 6, 10), math.isqrt(10 ** 20 + 1), math.comb(10, 3), math.perm(5))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod(range(1, 6)), math.isclose(0.1 + 0.2, 0.3))
print(math.copysign(2, -0.0), math.fmod(7, -3), math.modf(2.5), math.frexp(10.0), math.ldexp(0.625, 4))
print(math.gamma(6), math.lgamma(3), math.erf(0), math.floor(2 ** 70 + 0.5) == 2 ** 70, math.log(2 ** 2000))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.exp(1000), lambda: math.factorial(-1),
            lambda: math.sqrt("4"), lambda: math.floor(float("inf")), lambda: math.acos(2)]:
    try:
        bad()
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
from math import sqrt, pi as PI
print(sqrt(16), PI > 3)

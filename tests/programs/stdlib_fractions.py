from fractions import Fraction as F
import math

def err(f, *a):
    try:
        print("ok", f(*a))
    except Exception as e:
        print(type(e).__name__, e)

print(F(3, 4), F(-6, 8), F(6, -8), F(0, 5), F(7), F(2.5), F(0.1), F("3/7"), F(" -1.25e2 "), F("2E-3"), F("1_000"))
print(repr(F(1, 3)), F(F(1, 2)), F(F(1, 2), F(1, 3)), F(3, 4).numerator, F(3, 4).denominator, F(5, 10).as_integer_ratio())
for bad in ["abc", "1/0", "1.2.3", "", "3/-4", "1__0"]:
    err(F, bad)
err(F, 1, 0)
err(F, 1.5, 2)
err(F, [1])
err(F.from_float, "x")
print(F.from_float(0.75), F.from_float(3), F(10, 3).limit_denominator(2), F(math.pi).limit_denominator(1000), F(1, 3).limit_denominator(5))
err(F(1, 3).limit_denominator, 0)
a, b = F(3, 4), F(5, 6)
for x, y in [(a, b), (a, 2), (2, a), (a, 0.5), (0.5, a), (a, -a), (True, a)]:
    print(x + y, x - y, x * y, x / y, x // y, x % y, divmod(x, y))
print(a ** 2, a ** -2, F(-2, 3) ** -3, a ** 0, a ** 0.5, 4 ** F(1, 2), 2 ** F(3), F(9, 4) ** F(1, 2), (-a) ** 3)
err(lambda: F(0) ** -1)
err(lambda: a / 0)
err(lambda: a // F(0))
print(-a, +a, abs(F(-7, 3)), int(F(-7, 2)), int(F(7, 2)), float(F(1, 8)), math.floor(F(-7, 2)), math.ceil(F(-7, 2)), math.trunc(F(-7, 2)))
print(round(F(7, 2)), round(F(5, 2)), round(F(-5, 2)), round(F(1, 3), 2), round(F(12345, 1), -2), round(F(-7, 3)))
print(a == F(6, 8), a == 0.75, F(2) == 2, a != b, a < b, a <= 0.75, 1 < F(3, 2) < 2.0, F(1, 3) == 1 / 3, a > float("nan"), a < float("inf"))
print(sorted([F(1, 2), 0.25, 1, F(-1, 3)]), max(1, F(7, 5), 1.3), min(F(1, 10), 0.2), bool(F(0)), bool(a))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)), hash(F(-1, 3)), hash(F(-1)), len({F(1, 2), 0.5, F(2, 4)}))
print(sum([F(1, n) for n in range(1, 10)]), f"{F(1, 3)}", "%s" % F(2, 4), F(1, 3).__format__(""))
class Sub(F):
    pass
print(type(Sub(1, 2)).__name__, repr(Sub(1, 2)))

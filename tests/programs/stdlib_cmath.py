# cmath: the basic functions on a few points (rounded where CPython's special-cased algorithms may differ in the last digit).
import cmath, math
for z in [1+2j, -4, 0.5-0.25j, 3j, -1-1j]:
    print(z, cmath.sqrt(z), cmath.exp(z), cmath.log(z), cmath.phase(z), cmath.polar(z))
    print([round(f(z).real, 12) for f in (cmath.sin, cmath.cos, cmath.tan, cmath.sinh, cmath.cosh, cmath.tanh)])
    print([round(f(z).imag, 12) for f in (cmath.asin, cmath.acos, cmath.atan, cmath.asinh, cmath.atanh)])
print(cmath.rect(2, math.pi / 2), cmath.log(8, 2), cmath.log10(100), cmath.pi, cmath.infj, cmath.isclose(1+1j, 1+1.0000000001j))
print(cmath.isfinite(1j), cmath.isinf(cmath.infj), cmath.isnan(cmath.nanj))
try:
    cmath.log(0)
except ValueError as e:
    print("ValueError", e)
try:
    cmath.sqrt("x")
except TypeError as e:
    print("TypeError", e)

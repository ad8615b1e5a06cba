# Native fast paths and caches must keep CPython's semantics (number_fast_paths).
vals = [0, 1, -1, 7, -7, 3, 2**47-1, -2**47, 2**46, 0.5, -2.5, 1e308, float('nan'), float('inf'), -0.0, 3.0]
import math
for a in vals:
    for b in vals:
        for name, f in (("+", lambda x, y: x + y), ("-", lambda x, y: x - y), ("*", lambda x, y: x * y),
                        ("/", lambda x, y: x / y), ("//", lambda x, y: x // y), ("%", lambda x, y: x % y)):
            try:
                r = f(a, b)
            except Exception as e:
                r = type(e).__name__
            print(repr(a), name, repr(b), repr(r))
        print(a < b, a <= b, a == b, a != b, a > b, a >= b)
x = 5
x += 2.5
x //= 2
x %= 3
print(x)

# Bitwise operators and shifts on small ints take an inline path; edge
# cases (sign, counts at and past the word, overflow into big ints,
# negative counts, bools, floats) must match CPython.
top = (1 << 47) - 1
bottom = -(1 << 47)
vals = [0, 1, -1, 5, -6, 255, top, bottom, 12345678901, -98765432109]
for a in vals:
    row = []
    for b in vals:
        row.append((a & b, a | b, a ^ b))
    print(a, row[:3], row[-2:])
for a in [1, -1, 3, -3, top, bottom, 0]:
    print(a, [a << n for n in (0, 1, 16, 46, 47, 48, 63, 64, 100)])
    print(a, [a >> n for n in (0, 1, 16, 46, 47, 48, 63, 64, 1000)])
x = 7
x <<= 3
x |= 1
x ^= 0xFF
x &= 0x7F
x >>= 2
print(x, True & 3, True | 2, False ^ True, 1 << True, type(True & True).__name__)
for bad in [lambda: 1 << -1, lambda: 1 >> -5, lambda: 1.5 & 1, lambda: 2 | 3.0, lambda: 1 << 2.0]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
big = 1 << 200
print(big >> 190, (big | 5) & 0xFF, -big >> 199, (3 << 60) >> 59)


def lcg(state):
    return (state * 1103515245 + 12345) & 0x7FFFFFFF


s = 2024
for _ in range(1000):
    s = lcg(s)
print(s, s >> 8, (s >> 8) % 100)

# Mixed int/float/bool arithmetic, comparisons, and numeric edge cases.
print(1 + 2.0, 3 * True, 7 / 2, 7 // 2.0, 2 ** 0.5, 10 ** -2, (-8) ** (1 / 3) if False else 0)
print(0.1 * 3, 1e300 * 1e10, -1e300 * 1e10, float("inf") - float("inf") != 0)
print(5 == 5.0, 0.0 == -0.0, hash(0.0) == hash(-0.0), hash(1.5))
print(int(True), float(False), -True, +False, abs(-True), True & False, True | False)
print(max(1, 2.5, True), min(-1, -1.5), sorted([3, 1.5, True, 0]))
print(round(0.5), round(1.5), round(-0.5), round(2.5, 0), round(7, -1), round(15, -1))
print(10 % 3, -10 % 3, 10 % -3, 10.5 % 3, -10.5 % 3, divmod(-7, 2), divmod(7.5, 2))
print(2 ** 10, 2 ** -2, (-2) ** 3, (-2) ** 2, 0 ** 0, pow(0.0, 0))
print(1_000_000, 0x_ff, 0o17, 0b1_0, 1e3, 1.5e-3, .5, 5.)
print(3 < 4.5 < 5, 1 == 1.0 == True, float(2 ** 53) == 2 ** 53 + 1, 2 ** 53 + 1 > float(2 ** 53))
print(int(2.9999), int(-0.1), int("  42  "), int("-0"), float("  -1.5e2 "))
try:
    int("4.5")
except ValueError as e:
    print("ValueError:", e)
try:
    2 ** 10000.0
except OverflowError as e:
    print("OverflowError:", e)
print(1e16 + 1 == 1e16, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)

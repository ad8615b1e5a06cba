# Float arithmetic, repr and rounding.
print(0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e-5, 123456789.123456789)
print(3.0 * 2, 7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 2.0 ** 0.5)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2))
print(float("1.5"), float("-inf"), float("nan") != float("nan"), float(7))
print(abs(-3.25), max(1.5, 2), min(-0.0, 0.0), 10 / 4, 10 // 4.0)
print(f"{3.14159:.3f} {2.5:e} {1234567.891:,.2f} {0.25:.0%} {1e-7:g}")
total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0, round(total, 10) == 1.0)
print(int(1e10), 1e308 * 10, -1e308 * 10, 5e-324 / 2)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

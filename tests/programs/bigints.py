# Arbitrary-precision ints: growth, mixing with small ints, conversions, hashing.
x = 1
for _ in range(100):
    x *= 3
print(x, x.bit_length(), len(str(x)))
print(x // 3 ** 99, x % 1000, -x // 7 % 10, x == 3 ** 100, x > 2 ** 158)
y = 2 ** 64
print(y - 1, y + 1, y * y, y // 2 ** 32, y >> 1, y << 3, -y, abs(-y))
print(2 ** 63, -(2 ** 63), 2 ** 47, 2 ** 47 - 1, -(2 ** 47), 140737488355328 + 1)
print(int("123456789012345678901234567890") + 1, str(10 ** 30), hex(2 ** 70), int(str(y)) == y)
print(hash(2 ** 100) == hash(2 ** 100), {2 ** 80: "big"}[2 ** 80], 2 ** 80 in {2 ** 80})
print((10 ** 20) / 10 ** 10, float(2 ** 60), 2 ** 100 > 1e29, 7 ** 77 % 1000)
f = 1
for i in range(1, 41):
    f *= i
print(f, f // f, f - f + 5, divmod(f, 10 ** 40))
print(sum(range(10 ** 6)), max(2 ** 70, 3), sorted([2 ** 65, 5, -(2 ** 65)]))

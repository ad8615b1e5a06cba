# Integer arithmetic: small ints, big ints, floor division and modulo signs.
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(-a // b, -a % b, a // -b, a % -b, divmod(a, b), divmod(-a, b))
print(2 ** 100, 2 ** 100 // 2 ** 99, -(2 ** 64) // 3, (2 ** 64) % 7)
print(1 << 70, (1 << 70) >> 69, 0xFF & 0x0F, 0xF0 | 0x0F, 0xFF ^ 0x0F, ~5)
print(abs(-12), pow(3, 4), pow(3, 4, 5), pow(2, -1, 7))
n = 1
for i in range(1, 30):
    n *= i
print(n, n // (10 ** 20), n % 1000003)
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
print(x)
print(int("42") + int("-7"), int("ff", 16), int("0b101", 0), int(3.9), int(-3.9))
print(bool(0), bool(-1), True + True, True * 10, False - 1)
print(7 == 7.0, 1 < 2 < 3, 3 > 2 > 2, 1 != 1.5)

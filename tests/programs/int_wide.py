# Arithmetic on ints just past the small-int range (computed in i128 when
# both operands fit an i64): + - * & | ^ // % and divmod, against CPython.
import random
random.seed(3)
vals = [0, 1, -1, 2, -2, 7, -7, 2**47, -2**47, 2**47 - 1, -2**47 - 1, 2**48, -2**48, 2**62, -2**62, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64, 12345, 1103515245]
vals += [random.randrange(-2**63, 2**63) for _ in range(30)] + [random.randrange(-2**50, 2**50) for _ in range(30)]
acc = 0
for a in vals:
    for b in vals:
        r = [a + b, a - b, a * b, a & b, a | b, a ^ b]
        if b:
            r += [a // b, a % b, divmod(a, b)[0]]
        for x in r:
            acc = (acc * 1000003 + hash(x)) % (2**61 - 1)
print(acc)
state = 2024
for _ in range(100000):
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
print(state, (2**62 + 5) // -3, (2**62 + 5) % -3, (-2**62) // 7, (-2**62) % 7, -2**63 // -1)

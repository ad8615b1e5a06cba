# Numeric kernels: prime sieve, matrix multiplication, gcd, running statistics.
def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_prime[i]:
            for j in range(i * i, n + 1, i):
                is_prime[j] = False
    return [i for i, p in enumerate(is_prime) if p]
primes = sieve(100)
print(primes, len(sieve(10000)))
def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
m = [[1, 2], [3, 4]]
print(matmul(m, m), matmul([[1, 0], [0, 1]], m))
def power(mat, n):
    result = [[1, 0], [0, 1]]
    while n:
        if n & 1:
            result = matmul(result, mat)
        mat = matmul(mat, mat)
        n >>= 1
    return result
print(power([[1, 1], [1, 0]], 90)[0][1])
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(1071, 462), gcd(2 ** 40, 6 ** 20), [gcd(i, 12) for i in range(1, 13)])
data = [2.5, 3.5, 1.0, 4.0, 9.0]
mean = sum(data) / len(data)
var = sum((x - mean) ** 2 for x in data) / (len(data) - 1)
print(f"mean={mean:.3f} var={var:.3f} sd={var ** 0.5:.4f} median={sorted(data)[len(data) // 2]}")

# Recursive and iterative Fibonacci: small-int arithmetic, calls, loops,
# and an int that outgrows 64 bits.


def fib_recursive(n):
    if n < 2:
        return n
    return fib_recursive(n - 1) + fib_recursive(n - 2)


def fib_iterative(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def main():
    for n in range(10):
        assert fib_recursive(n) == fib_iterative(n)
    print("fib(25) =", fib_recursive(25))
    print("fib(100) =", fib_iterative(100))
    print("first ten:", [fib_iterative(n) for n in range(10)])


if __name__ == "__main__":
    main()

# Lambdas, default-argument capture, nested scopes in comprehensions and lambdas.
square = lambda x: x * x
compose = lambda f, g: lambda x: f(g(x))
print(square(7), compose(square, lambda v: v + 1)(3), (lambda *a, **k: (a, k))(1, z=2))
ops = {"+": lambda a, b: a + b, "*": lambda a, b: a * b}
print({k: f(3, 4) for k, f in ops.items()})
pairs = [(1, "b"), (2, "a"), (0, "c")]
print(sorted(pairs, key=lambda p: p[1]), max(pairs, key=lambda p: p[0]))
def make_multipliers():
    return [lambda x, m=m: x * m for m in range(1, 4)]
print([f(10) for f in make_multipliers()])
x = 1
def scope_test():
    x = 2
    f = lambda: x
    x = 3
    return f()
print(scope_test(), x)
def counter_factory():
    counts = {"n": 0}
    def bump():
        counts["n"] += 1
        return counts["n"]
    return bump
b = counter_factory()
b(); b()
print(b(), (lambda: (yield 1))().__class__.__name__)
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10), (lambda: 0).__qualname__, square.__name__)
def outer():
    y = 5
    return [lambda: y + i for i in range(2)]
print([f() for f in outer()])

# Native fast paths and caches must keep CPython's semantics (range_loops).
t = 0
for i in range(10):
    t += i
print(t)
def f(n):
    s = 0
    for i in range(1, n, 3):
        s += i
    for j in range(n, 0, -2):
        s -= j
    for k in range(0):
        s += 1000
    for k in range(2**50, 2**50+3):
        s += k
    for k in range(5.0 if False else 5):
        s += k
    return s
print(f(100))
range = lambda n: [1, 2]
for i in range(5):
    print(i)
try:
    for i in __builtins__.range(0, 5, 0):
        pass
except ValueError as e:
    print(e)

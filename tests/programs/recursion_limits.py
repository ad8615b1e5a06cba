# Native fast paths and caches must keep CPython's semantics (recursion_limits).
import sys
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("caught", e)
sys.setrecursionlimit(50)
def g(n):
    return n if n == 0 else g(n - 1)
try:
    print(g(40))
    print(g(60))
except RecursionError as e:
    print("caught2", e)
print(sys.getrecursionlimit())

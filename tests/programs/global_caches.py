# Native fast paths and caches must keep CPython's semantics (global_caches).
x = 1
def f():
    return x
print(f())
x = 2
print(f())
del x
try:
    f()
except NameError as e:
    print(e)
len = lambda s: 42
def g():
    return len("abc")
print(g())
del len
print(g())
globals()["x"] = 7
print(f())

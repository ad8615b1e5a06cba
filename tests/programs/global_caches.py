# LOAD_GLOBAL through its site cache (checked inline in native code):
# rebinding, shadowing a builtin and removing the shadow, replacing and
# deleting a builtin, NameError before and after a global exists, and
# new globals added while a cached site keeps reading.
x = 1
def f():
    return x + len("ab")
print(f())
x = 5
print(f())
import builtins
def g():
    return len([1, 2, 3])
print(g())
len = lambda s: 99
print(g())
del len
print(g())
builtins.len = lambda s: -1
print(g())
saved = builtins.len
del builtins.len
try:
    print(g())
except NameError as e:
    print("NE", e)
def h():
    return undefined_name
try:
    h()
except NameError as e:
    print("NE", e)
builtins.len = saved
print(g())
undefined_name = 3
print(h())
del undefined_name
try:
    h()
except NameError as e:
    print("NE", e)
for i in range(3):
    globals()["k%d" % i] = i
    print(x, f())

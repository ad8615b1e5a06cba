# Slicing lists, tuples, strs and others: reads, assignments, deletions,
# extended slices, errors, and subclasses that see the slice object.
a = list(range(10))
print(a[2:5], a[::-1], a[8:2:-2], a[:], a[-3:])
t = tuple(a)
print(t[1:4], t[::3], t[5:1:-1])
s = "héllo world"
print(s[1:4], s[::-1], s[:1], s[100:])
a[2:4] = "xy"
print(a)
a[::2] = range(5)
print(a)
del a[1:3]
print(a)
del a[::3]
print(a)
a[1:2] = a
print(a)
b = bytearray(b"abcdef")
print(b[1:3]); b[1:3] = b"Z"; print(b)
class L(list):
    def __getitem__(self, k):
        return ("L", k)
print(L([1,2])[1:2])
try:
    a[1:2:0]
except ValueError as e:
    print(e)
try:
    a["x":]
except TypeError as e:
    print(e)
try:
    a[::2] = [1]
except ValueError as e:
    print(e)
try:
    n = 5
    n[1:2]
except TypeError as e:
    print(e)
def f(x):
    try:
        return x[1:2]
    except TypeError:
        return "caught"
print(f(3), f([1,2,3]))
import sys
try:
    n = 1
    n[1:]
except TypeError as e: print(e)
class Seq:
    def __getitem__(self, k):
        return k
    def __setitem__(self, k, v):
        print("set", k, v)
    def __delitem__(self, k):
        print("del", k)
q = Seq()
print(q[1:2], q[::-1], q[:"a":None])
q[1:2] = "v"
del q[::2]
class T(tuple):
    pass
print(T((1, 2, 3))[1:], type(T((1, 2))[:1]).__name__)
class S(str):
    def __getitem__(self, k):
        return "S" + repr(k)
print(S("abc")[1:2])
big = 10**30
print(a[-big:big], a[big:-big:-1])
i = 0
while i < 3:
    a[i:i + 1] = [i * 10]
    i += 1
print(a, a[i - 1:i])

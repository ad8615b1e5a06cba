# Native fast paths and caches must keep CPython's semantics (list_tuple_subscripts).
l = [1, 2, 3]
t = (4, 5, 6)
for i in range(-4, 4):
    for c in (l, t):
        try:
            print(c[i])
        except IndexError as e:
            print(e)
l[0] = 9; l[-1] = 8
print(l)
try:
    l[5] = 1
except IndexError as e:
    print(e)
class L(list):
    def __getitem__(self, i):
        return "sub"
print(L([1])[0], {"a": 1}["a"], "abc"[1], l[True], l[1:])
try:
    t[0] = 1
except TypeError as e:
    print(e)
for huge in (2**70, -2**70):
    for seq in ([1], (1,), "a", b"a", bytearray(b"a")):
        try:
            seq[huge]
        except IndexError as e:
            print(type(seq).__name__, e)

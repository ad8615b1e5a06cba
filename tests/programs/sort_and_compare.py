# Sorting by small ints, strs and tuples (compared without dispatch), str and
# tuple subclasses (which must dispatch), comparison errors, and CPython's
# recursion limit for comparing deeply nested tuples, lists and dicts.
print(sorted([3, 1, 2]), sorted(["b", "a", "é", "ab"]), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(sorted([(1, (2, "x")), (1, (2, "a")), (1, (1, "z"))], key=lambda t: (-t[0], t[1])))
print(sorted([(1, 2), (1, 2, 0), (1,)]), sorted([True, 0, 2, -1]), sorted([1.5, 1, -2]))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TE", e)
try:
    sorted([(1, None), (1, None)])
    print("equal None ok")
    sorted([(1, None), (2, None), (1, 3)])
except TypeError as e:
    print("TE", e)
class S(str):
    def __lt__(self, o):
        return len(self) < len(o)
print(sorted([S("bbb"), S("a"), S("cc")]))
class T(tuple):
    pass
print(sorted([T((2,)), (1,), T((0, 1))]))
print((1, 2) < (1, 3), (1, "a") == (1, "a"), ((1, 2), 3) < ((1, 2), 4), [1, [2]] == [1, [2]])
print({"a": (1, [2])} == {"a": (1, [2])}, (float("nan"),) == (float("nan"),))
x = float("nan"); print((x,) == (x,), [x] == [x])
a = []; b = []
for i in range(5000):
    a = [a]; b = [b]
try:
    print(a == b)
except RecursionError as e:
    print("RE", e)
d1 = {}; d2 = {}
for i in range(5000):
    d1 = {"k": d1}; d2 = {"k": d2}
try:
    print(d1 == d2)
except RecursionError as e:
    print("RE", e)
a = (); b = ()
for i in range(200000):
    a = (a,); b = (b,)
try:
    print(a == b)
except RecursionError as e:
    print("RE", e)
print(sorted([(0, i) for i in range(20)], reverse=True)[:3])

# for-loops that unpack each item: enumerate, zip and dict.items() hand
# their items over without a tuple in native code; every other iterable
# goes through next() and UNPACK_SEQUENCE. Errors must match CPython.
d = {"a": 1, "b": 2, "c": 3}
for k, v in d.items():
    print(k, v)
for i, (k, v) in enumerate(d.items()):
    print(i, k, v)
for a, b in zip("xyz", range(10)):
    print(a, b)
for a, b, c in zip("ab", "cd", "ef"):
    print(a + b + c)
for i, x in enumerate([10, 20], 5):
    print(i, x)
for a, b in [(1, 2), [3, 4], "xy", {5: 0, 6: 0}]:
    print(a, b)
print([n for n, p in enumerate([True, False, True]) if p])
print({k: v for k, v in zip("ab", "cd")})
def gen():
    for i, x in enumerate("hi"):
        yield i, x
print(list(gen()))
try:
    for a, b in enumerate([1]):
        pass
    for a, b, c in enumerate([1]):
        pass
except ValueError as ex:
    print("VE", ex)
try:
    for a, b in zip([1, 2], [3], strict=True):
        print(a, b)
except ValueError as ex:
    print("VE", ex)
try:
    for k, v in d.items():
        d["z"] = 0
except RuntimeError as ex:
    print("RE", ex)
for x, y in zip([1], [2]):
    print(x, y)
else:
    print("else")
for a, b in enumerate(range(2**62, 2**62 + 2), 2**62):
    print(a, b)

# enumerate: over strs (ASCII and not), with start= (small, negative, big,
# bool), over other iterables, non-iterables, subclasses, and its errors.

for i, c in enumerate("héllo, wörld"):
    print(i, c, end=" ")
print()
for i, c in enumerate("abc", start=10):
    print(i, c)
for i, c in enumerate("ab", -1):
    print(i, c)
big = 2**47 - 2
for i, c in enumerate("abcd", big):
    print(i, c, type(i).__name__)
for i, c in enumerate("xyz", 2**70):
    print(i, c)
for i, c in enumerate("xy", True):
    print(i, c)
print(list(enumerate("")), list(enumerate([None, 1.5])), list(enumerate(range(3), 1)))
it = enumerate("abc")
print(next(it), next(it), list(it), list(it))
s = iter("pq")
e = enumerate(s)
print(next(e), next(s, "done"), list(e))


class Chars(str):
    def __iter__(self):
        return iter(["custom", "iter"])


print(list(enumerate(Chars("ab"))))

for bad in [5, None, 3.5]:
    try:
        enumerate(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    enumerate("a", "b")
except TypeError as e:
    print("TypeError:", e)
try:
    enumerate("a", 1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    enumerate("a", foo=1)
except TypeError as e:
    print("TypeError:", e)
for _ in range(2):
    try:
        object(1)
    except TypeError as e:
        print("TypeError:", e)
    print(len(list(enumerate("abc"))))
try:
    object.__init__(enumerate("a"), 1)
except TypeError as e:
    print("TypeError:", e)
object.__init__(enumerate("a"))
try:
    object.__init__([], 1)
except TypeError as e:
    print("TypeError:", e)
for i, (a, b) in enumerate(["ab", "cd"]):
    print(i, a, b)

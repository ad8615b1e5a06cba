# The iterator protocol: __iter__/__next__, generators as __iter__, iter(f, sentinel).
class Range2:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i * 2
print(list(Range2(4)), sum(Range2(3)), [x for x in Range2(2)])
class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t), 3 in t, max(t))
calls = iter([5, 4, 3, 0, 9])
print(list(iter(lambda: next(calls), 0)))
it = iter("abc")
print(next(it), list(it), list(it))
class OldStyle:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(OldStyle()), 20 in OldStyle())
a, b, *c = Range2(4)
print(a, b, c)
d = dict.fromkeys(Range2(2), "v")
print(d, set(Range2(3)), tuple(Range2(1)))
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
try:
    for x in 3.5:
        pass
except TypeError as e:
    print("TypeError:", e)
d2 = {"a": 1}
try:
    for k in d2:
        d2["b"] = 2
except RuntimeError as e:
    print("RuntimeError:", e)
def gen():
    yield 1
    yield 2
g = gen()
print(iter(g) is g, list(zip(g, "xy")))

# Operator overloading and container protocols.
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return V(-self.x, -self.y)
    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __bool__(self):
        return bool(self.x or self.y)
    def __repr__(self):
        return f"V({self.x}, {self.y})"
a, b = V(1, 2), V(3, 4)
print(a + b, b - a, a * 3, 3 * a, -a, abs(b), a == V(1, 2), a != b, bool(V(0, 0)))
print(sorted([b, a]), len({a, V(1, 2), b}), a < b, max(a, b))
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(range(self.n))[i]
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i
    def __contains__(self, v):
        return v == "magic"
s = Seq(5)
print(len(s), s[2], s[1:4], list(s), "magic" in s, 4 in s)
class Box:
    def __init__(self):
        self.items = {}
    def __setitem__(self, k, v):
        self.items[k] = v
    def __getitem__(self, k):
        return self.items[k]
    def __delitem__(self, k):
        del self.items[k]
    def __iter__(self):
        return iter(sorted(self.items))
    def __call__(self, *args):
        return sum(args)
bx = Box()
bx["b"] = 2
bx["a"] = 1
del bx["b"]
bx["c"] = 3
print(list(bx), bx["c"], bx(1, 2, 3), callable(bx), callable(1))
class Acc:
    def __init__(self):
        self.total = 0
    def __iadd__(self, v):
        self.total += v
        return self
acc = Acc()
acc += 5
acc += 6
print(acc.total)
class Cmp:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return NotImplemented
print(Cmp(1) == Cmp(1), Cmp(1) != 1)
try:
    V(1, 2) + 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    Cmp(1) < Cmp(2)
except TypeError as e:
    print("TypeError:", e)

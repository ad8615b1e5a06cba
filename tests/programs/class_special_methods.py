# __new__, __init__ ordering, __call__, __len__, __bool__, __contains__, __repr__ fallback.
class Tracked:
    created = []
    def __new__(cls, *args):
        obj = super().__new__(cls)
        cls.created.append(args)
        return obj
    def __init__(self, value):
        self.value = value
t = Tracked(5)
print(Tracked.created, t.value, type(t).__name__)
class Fixed(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Fixed(-5), Fixed(-5) + 1, isinstance(Fixed(1), int), type(Fixed(1)).__name__)
class Words(str):
    def count_words(self):
        return len(self.split())
w = Words("a b c")
print(w, w.count_words(), w.upper(), len(w), w + "!")
class Stack(list):
    def push(self, v):
        self.append(v)
    def peek(self):
        return self[-1]
s = Stack()
s.push(1); s.push(2)
print(s, s.peek(), len(s), isinstance(s, list), s + [3])
class Default:
    pass
d = Default()
print(repr(d).startswith("<__main__.Default object at 0x"), str(d) == repr(d))
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"C{self.v}"
print(sorted([Cmp(3), Cmp(1), Cmp(2)]), min(Cmp(5), Cmp(4)), Cmp(1) > Cmp(0))
class Mapping:
    def __init__(self):
        self.d = {"a": 1}
    def __getitem__(self, k):
        return self.d[k]
    def keys(self):
        return self.d.keys()
print(dict(Mapping()), {**Mapping()})

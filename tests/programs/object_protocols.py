# Attribute hooks: __getattr__, __getattribute__, __setattr__, __delattr__.
class Lazy:
    def __init__(self):
        self.real = "present"
    def __getattr__(self, name):
        if name.startswith("x"):
            return f"computed {name}"
        raise AttributeError(f"no {name}")
l = Lazy()
print(l.real, l.xyz, getattr(l, "xa"), hasattr(l, "nope"))
class Recorder:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(name)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)
r = Recorder()
r.a = 1
r.b = 2
del r.a
print(r.log, r.b, hasattr(r, "a"))
class Counting:
    def __init__(self):
        self.hits = 0
    def __getattribute__(self, name):
        if name != "hits":
            object.__setattr__(self, "hits", object.__getattribute__(self, "hits") + 1)
        return object.__getattribute__(self, name)
    def method(self):
        return "m"
c = Counting()
c.method(); c.method()
print(c.hits)
class Eq:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Eq) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
    def __repr__(self):
        return f"Eq({self.k})"
d = {Eq(1): "one"}
print(d[Eq(1)], Eq(1) in {Eq(1)}, len({Eq(2), Eq(2), Eq(3)}))
class NoHash:
    def __eq__(self, o):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
class Str:
    def __str__(self):
        return "as str"
    def __repr__(self):
        return "as repr"
    def __format__(self, spec):
        return f"formatted[{spec}]"
s = Str()
print(s, str(s), repr(s), f"{s}", f"{s!r}", f"{s:>5}", [s], format(s, "x"))
class Bool:
    def __len__(self):
        return 0
print(bool(Bool()), not Bool(), "yes" if Bool() else "no")

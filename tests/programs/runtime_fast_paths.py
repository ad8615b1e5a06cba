# The runtime's fast paths must behave as the general ones: indexing lists,
# tuples and bytearrays, calls with exactly the positional parameters,
# attribute lookups through the type attribute cache, and attribute names
# that are equal strs but other objects.


class Index:
    def __init__(self, i):
        self.i = i

    def __index__(self):
        return self.i


def indexing():
    xs = [10, 20, 30]
    print(xs[0], xs[-1], xs[True], xs[Index(1)], xs[-3])
    for bad in (3, -4):
        try:
            xs[bad]
        except IndexError as e:
            print("IndexError:", e)
    xs[-1] = 99
    xs[True] = 77
    print(xs)
    try:
        xs[5] = 1
    except IndexError as e:
        print("IndexError:", e)
    del xs[0]
    print(xs)
    t = (1, 2, 3)
    print(t[-1], t[False], t[Index(-2)], t[::-1])
    try:
        t[3]
    except IndexError as e:
        print("IndexError:", e)
    b = bytearray(b"hello")
    print(b[0], b[-1], b[1:3], b[::-2], b[Index(4)], b"ell" in b, 108 in b, 7 in b)
    b[0] = 72
    print(b)
    try:
        b[10]
    except IndexError as e:
        print("IndexError:", e)
    print(b"abc"[1], b"abc"[-1:], b"abcdef"[1::2])


class Shrink:
    """An index whose __index__ empties the bytearray it indexes."""

    def __init__(self, target):
        self.target = target

    def __index__(self):
        self.target.clear()
        return 0


def resized_while_indexing():
    b = bytearray(b"abc")
    try:
        print(b[Shrink(b)])
    except IndexError as e:
        print("IndexError:", e)
    b = bytearray(b"abcdef")
    print(b[Shrink(b):3])


def calls():
    def f(a, b):
        return a - b

    def g(a, b=5):
        return a * b

    def h(a, *, k=2):
        return a + k

    print(f(3, 1), f(b=1, a=3), g(2), g(2, 3), h(1), h(1, k=3))
    for call in (lambda: f(1), lambda: f(1, 2, 3), lambda: g(), lambda: h(1, 2)):
        try:
            call()
        except TypeError as e:
            print("TypeError:", e)


class Base:
    x = 1

    def m(self):
        return "Base.m"


class Child(Base):
    pass


def class_changes():
    c = Child()
    print(c.x, c.m(), Child.x)
    Base.x = 2
    print(c.x, Child.x)
    Child.x = 3
    print(c.x, Base.x)
    del Child.x
    print(c.x)
    Base.m = lambda self: "patched"
    print(c.m())
    del Base.m
    try:
        c.m()
    except AttributeError as e:
        print("AttributeError:", e)
    c.x = 10
    print(c.x, Child.x)
    New = type("New", (Child,), {"y": 5})
    n = New()
    print(n.x, n.y)
    New.y = 6
    print(n.y, getattr(n, "".join(["y"])))
    n.__class__ = Child
    print(n.x, hasattr(n, "y"))


def computed_names():
    class P:
        pass

    p = P()
    name = "".join(["at", "tr"])
    setattr(p, name, 1)
    print(p.attr, getattr(p, "attr"), getattr(p, "".join(["a", "ttr"])))
    p.attr += 1
    print(vars(p), hasattr(p, "".join(["nope"])))


indexing()
resized_while_indexing()
calls()
class_changes()
computed_names()

# functools: reduce, partial, lru_cache, cache, cached_property, wraps,
# total_ordering, cmp_to_key, singledispatch, partialmethod.
import functools


def show(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:
        print(label, type(e).__name__, e)


show("reduce empty", lambda: functools.reduce(lambda a, b: a, []))
show("reduce noncallable", lambda: functools.reduce(1, [1, 2]))
print(functools.reduce(lambda a, b: a + b, [1], 10), functools.reduce(lambda a, b: a + [b], "ab", []))
show("partial none", lambda: functools.partial())
show("partial noncallable", lambda: functools.partial(1))
def f(a, b, c=0, *, d=1):
    return (a, b, c, d)
p = functools.partial(f, 1, d=4)
pp = functools.partial(p, 2, c=3)
print(p(2), pp(), pp.func is f, pp.args, pp.keywords, pp(d=9))
print(repr(functools.partial(len)).startswith("functools.partial(<built-in function len>"))
calls = []
@functools.lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
for v in [1, 2, 1, 3, 2, 1]:
    sq(v)
print(calls, sq.cache_info(), sq.cache_info().hits, sq.cache_parameters())
sq.cache_clear()
print(sq.cache_info(), sq.__name__, sq.__wrapped__(4))
@functools.lru_cache
def add(a, b=0):
    return a + b
print(add(1), add(1), add(1, b=0), add(a=1), add.cache_info())
@functools.lru_cache(typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed.cache_info().currsize)
show("lru bad", lambda: functools.lru_cache(maxsize="a"))
@functools.cache
def fact(n):
    return n * fact(n - 1) if n else 1
print(fact(30), fact.cache_info().misses)
class Shape:
    def __init__(self, n):
        self.n = n
        self.computed = 0
    @functools.cached_property
    def sides(self):
        self.computed += 1
        return self.n * 2
s = Shape(3)
print(s.sides, s.sides, s.computed, "sides" in s.__dict__, Shape.sides.attrname)
del s.sides
print(s.sides, s.computed)
def decorator(fn):
    @functools.wraps(fn)
    def inner(*a, **k):
        return fn(*a, **k)
    return inner
@decorator
def documented(x):
    "Docs."
    return x
documented.extra = 1
print(documented.__name__, documented.__doc__, documented.__qualname__, documented.__wrapped__(5))
@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __gt__(self, o):
        return self.v > o.v
print(V(1) < V(2), V(1) <= V(1), V(3) >= V(2), V(1) > V(2))
show("no ordering", lambda: functools.total_ordering(type("E", (), {})))
key = functools.cmp_to_key(lambda a, b: (a % 3) - (b % 3))
print(sorted(range(9), key=key), key(1) < key(2), key(3) == key(6))
show("cmp other", lambda: key(1) < 3)
@functools.singledispatch
def kind(x):
    return "object"
@kind.register
def _(x: str):
    return "str"
@kind.register(float)
@kind.register(int)
def _(x):
    return "number"
kind.register(list, lambda x: "list")
class MyList(list):
    pass
print(kind("a"), kind(1), kind(2.5), kind(True), kind([]), kind(MyList()), kind(None))
print(kind.dispatch(bool).__name__ if hasattr(kind.dispatch(bool), "__name__") else "?", sorted(t.__name__ for t in kind.registry))
class Cell:
    def __init__(self):
        self.v = None
    def set(self, v):
        self.v = v
        return self
    set_one = functools.partialmethod(set, 1)
print(Cell().set_one().v)

# singledispatch on methods and its errors.

@functools.singledispatch
def f(x):
    return "base"
@f.register
def _(x: int):
    return "int or str"
print(f(1), f("a"), f(2.0))
class A:
    @functools.singledispatchmethod
    def m(self, x):
        return "base"
    @m.register
    def _(self, x: int):
        return "int"
    @m.register(list)
    def _(self, x):
        return "list"
print(A().m(1), A().m([]), A().m("s"))
try:
    f.register(5)
except TypeError as e:
    print(e)
try:
    f()
except TypeError as e:
    print(e)

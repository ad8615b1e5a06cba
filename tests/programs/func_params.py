# Every parameter kind, defaults, keyword-only, positional-only, *args, **kwargs.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, d=8, e=9, z=0))
print(f(*[1, 2, 3], **{"c": 4, "x": 5}))
def g(x, y, /, z, *, w):
    return x + y + z + w
print(g(1, 2, 3, w=4), g(1, 2, z=3, w=4))
def h(*args, **kwargs):
    return args, kwargs
print(h(), h(1, 2, k=3), h(*"ab", *range(2), **{"p": 1}, q=2))
def defaults(x, acc=[]):
    acc.append(x)
    return acc
print(defaults(1), defaults(2), defaults(3, []))
for call in [
    lambda: f(),
    lambda: f(1),
    lambda: g(1, 2, 3, 4),
    lambda: g(x=1, y=2, z=3, w=4),
    lambda: f(1, c=1, a=2),
    lambda: g(1, 2, 3, w=4, v=5),
    lambda: (lambda: 0)(1),
    lambda: (lambda a, b=1: 0)(1, 2, 3),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def kwonly(*, a, b):
    return a - b
print(kwonly(b=1, a=5))
try:
    kwonly(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(f.__name__, g.__qualname__, (lambda: 0).__name__, f.__defaults__, f.__kwdefaults__)

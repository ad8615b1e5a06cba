# except*: splitting exception groups, re-raising parts, raising new exceptions.
def f(exc):
    try:
        raise exc
    except* ValueError as g:
        print("V", repr(g))
        raise
    except* KeyError:
        print("K")
        raise TypeError("new")
for e in [ExceptionGroup("g", [ValueError(1), KeyError(2), OSError(3)]), ValueError("naked"), KeyError("k")]:
    try:
        f(e)
    except BaseException as r:
        print("out:", repr(r), [repr(x) for x in getattr(r, "exceptions", [])])
eg = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
print(eg.subgroup(ValueError), eg.split(lambda e: isinstance(e, TypeError)))
try:
    try:
        raise ExceptionGroup("x", [ValueError()])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)

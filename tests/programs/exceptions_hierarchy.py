# Catching by base class, tuples of classes, exception attributes and hierarchy.
tests = [
    (lambda: [][1], LookupError),
    (lambda: {}["x"], LookupError),
    (lambda: 1 / 0, ArithmeticError),
    (lambda: int("x"), ValueError),
    (lambda: undefined_name, NameError),
    (lambda: (1).x, AttributeError),
    (lambda: iter(1), TypeError),
]
for f, base in tests:
    try:
        f()
    except base as e:
        print(type(e).__name__, "is a", base.__name__, isinstance(e, Exception))
print(issubclass(KeyError, LookupError), issubclass(UnboundLocalError, NameError), issubclass(RecursionError, RuntimeError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(SystemExit, Exception), issubclass(KeyboardInterrupt, BaseException))
print([c.__name__ for c in FileNotFoundError.__mro__])
try:
    raise FileNotFoundError(2, "No such file or directory")
except OSError as e:
    print(type(e).__name__, e.args)
class MyError(ValueError):
    def __str__(self):
        return "custom str"
try:
    raise MyError("ignored")
except (TypeError, ValueError) as e:
    print(e, repr(e), e.args)
try:
    try:
        raise MyError
    except TypeError:
        print("not here")
except Exception as e:
    print("fell through to", type(e).__name__)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        pass
    except 5:
        pass
    raise ValueError
except TypeError as e:
    print("TypeError:", e)
except ValueError:
    print("ValueError raised normally")
e = KeyError("k")
print(str(e), repr(e), e.args, KeyError().args, str(KeyError("a", "b")))
print(repr(ValueError("msg")), str(IndexError()), repr(StopIteration(3)), StopIteration(3).value)

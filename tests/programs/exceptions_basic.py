# try/except/else/finally, raise from, chaining, custom exceptions.
def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise KeyError("one")
    return 10 // (n - 2)
for n in range(4):
    try:
        r = risky(n)
    except ValueError as e:
        print("value", e, type(e).__name__, e.args)
    except (KeyError, ZeroDivisionError) as e:
        print("lookup/zero", repr(e))
    else:
        print("ok", r)
    finally:
        print("finally", n)
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class NotFound(AppError):
    pass
try:
    raise NotFound(404, "missing")
except AppError as e:
    print(type(e).__name__, e.code, e, isinstance(e, Exception))
try:
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during")
except ValueError as e:
    print(e, type(e.__context__).__name__)
try:
    raise ValueError("no cause") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
def f():
    try:
        return "try"
    finally:
        print("cleanup runs before return")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("finally", i)
    return "done"
print(g())
try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args, str(e) == "")
e = None
try:
    raise OSError(2, "No such file")
except OSError as err:
    e = err
print(e.args)
try:
    raise Exception("a", 1)
except Exception as ex:
    print(ex, ex.args)

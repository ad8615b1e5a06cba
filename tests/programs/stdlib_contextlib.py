# contextlib: generator-based managers (exceptions thrown in), suppress, ExitStack, redirect.
import contextlib
import sys
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack


@contextmanager
def managed(name, log):
    log.append(f"enter {name}")
    try:
        yield name.upper()
    except KeyError as e:
        log.append(f"handled {e!r}")
    finally:
        log.append(f"exit {name}")


log = []
with managed("a", log) as v:
    log.append(f"body {v}")
with managed("b", log):
    raise KeyError("k")
try:
    with managed("c", log):
        raise ValueError("not handled")
except ValueError as e:
    log.append(f"outer caught {e}")
print(log)


@contextmanager
def transforms():
    try:
        yield
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e


try:
    with transforms():
        1 / 0
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)


@contextmanager
def two_yields():
    yield 1
    yield 2


try:
    with two_yields():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)


@contextmanager
def ignores():
    try:
        yield
    except Exception:
        pass
    yield


try:
    with ignores():
        raise ValueError
except RuntimeError as e:
    print(type(e).__name__, e)


@managed("deco", log)
def decorated(x):
    return x * 2


log.clear()
print(decorated(21), decorated(1), log)

with suppress(KeyError, IndexError):
    [][1]
print("suppressed IndexError")
try:
    with suppress(KeyError):
        raise ValueError("passes through")
except ValueError as e:
    print(type(e).__name__, e)


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closing", self.name)


with closing(Resource("r1")) as r:
    print("using", r.name)
with nullcontext() as nothing:
    print("nullcontext", nothing)

with ExitStack() as stack:
    stack.callback(print, "callback 1")
    stack.callback(lambda: print("callback 2"))
    values = [stack.enter_context(managed(n, log)) for n in ("x", "y")]
    print("inside stack", values)
print(log[-2:])


def swallow(*exc):
    print("swallow sees", exc[0].__name__ if exc[0] else None)
    return True


with ExitStack() as stack:
    stack.push(swallow)
    raise KeyError("swallowed by stack")
print("after stack")

with ExitStack() as outer:
    outer.callback(print, "moved callback")
    inner = outer.pop_all()
print("outer closed")
inner.close()

try:
    with ExitStack() as stack:
        stack.enter_context(42)
except TypeError as e:
    print(type(e).__name__, e)


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        pass


cap = Capture()
with contextlib.redirect_stdout(cap):
    print("hidden", 1)
print("captured", cap.parts, sys.stdout is sys.__stdout__)


class Managed(contextlib.AbstractContextManager):
    def __exit__(self, *exc):
        print("abstract exit")


with Managed() as m:
    print("abstract enter gives self", isinstance(m, Managed))

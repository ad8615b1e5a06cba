# Bare raise, re-raise in handlers, nested handlers, exception variables cleared.
def inner():
    raise KeyError("k")
def middle():
    try:
        inner()
    except KeyError:
        print("middle saw it")
        raise
try:
    middle()
except KeyError as e:
    print("outer got", repr(e))
try:
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise TypeError(2)
        except TypeError:
            pass
        raise
except ValueError as e:
    print("re-raised the right one:", repr(e))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def cleared():
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        err
    except NameError as e:
        print("NameError:", e)
cleared()
import sys
try:
    raise IndexError("idx")
except IndexError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v)
print(sys.exc_info())
def gen_handler():
    try:
        yield 1
        raise ValueError("in gen")
    except ValueError as e:
        yield repr(e)
print(list(gen_handler()))
try:
    try:
        raise ValueError("first")
    finally:
        print("finally runs on the way out")
except ValueError as e:
    print("caught", e)
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("AssertionError:", repr(e))

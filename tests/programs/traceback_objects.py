# __traceback__ is a chain of traceback objects (tb_lineno, tb_next, tb_lasti).
import sys
def inner():
    raise LookupError("deep problem")
def outer():
    inner()
try:
    outer()
except LookupError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next.tb_lineno, tb.tb_next.tb_next.tb_next)
    print(sys.exc_info()[2].tb_lineno, isinstance(tb.tb_lasti, int))
    e2 = ValueError("v").with_traceback(tb)
    print(e2.__traceback__.tb_next.tb_lineno)
    e2.__traceback__ = None
    print(e2.__traceback__)
    try:
        e2.__traceback__ = 5
    except TypeError as t:
        print(t)
try:
    raise ValueError("x")
except ValueError as e:
    print(e.__traceback__ is not None, type(e.__traceback__).__name__)

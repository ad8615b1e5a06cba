# Cell variables: deleting them, exception names captured by closures, handlers across yields.
import sys
def deleted_cell():
    x = 1
    def get():
        return x
    del x
    try:
        get()
    except NameError as e:
        print("NameError:", e)
    x = 2
    return get()
print(deleted_cell())
def capture_exception():
    try:
        raise ValueError("captured")
    except ValueError as err:
        saved = err
        def show():
            return repr(saved)
    return show()
print(capture_exception())
def gen_in_except():
    try:
        raise KeyError("outer")
    except KeyError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]
    yield sys.exc_info()[1]
g = gen_in_except()
print(repr(next(g)))
print("between yields:", sys.exc_info())
print(repr(next(g)), repr(next(g)))
def yield_in_with():
    class CM:
        def __enter__(self):
            print("enter")
        def __exit__(self, *a):
            print("exit", a[0].__name__ if a[0] else None)
            return True
    with CM():
        yield 1
        yield 2
    yield "after"
w = yield_in_with()
print(next(w))
print(w.throw(ValueError("into with")))
print(list(w))
def nonlocal_in_generator():
    total = 0
    def add_all(values):
        nonlocal total
        for v in values:
            total += v
            yield total
    steps = list(add_all([1, 2, 3]))
    return steps, total
print(nonlocal_in_generator())
def loop_closures():
    fs = []
    for i in range(3):
        def f(i=i):
            return i
        fs.append(f)
    return [f() for f in fs]
print(loop_closures())

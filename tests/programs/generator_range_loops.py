# Generators whose `for ... in range(...)` loops suspend inside the loop:
# the loop state must survive every yield, throw() and close(), in each
# frame of a recursion, and whatever `range` names.
import gc


def count(start, stop, step=1):
    for i in range(start, stop, step):
        yield i


print(list(count(0, 5)), list(count(5, 0, -2)), list(count(3, 3)))
print(list(count(-(2 ** 46), -(2 ** 46) + 3)))
print(list(count(2 ** 47 - 3, 2 ** 47 + 2)))  # big ints: the runtime loop
print(list(count(0, 2 ** 60, 2 ** 58)))
# Small-int arguments whose counter steps past the small-int range.
print(list(count(2 ** 47 - 3, 2 ** 47 - 1)), list(count(-(2 ** 47) + 2, -(2 ** 47), -1)))
print(list(count(-(2 ** 47), 2 ** 47 - 1, 2 ** 47 - 1)))
print(list(count(2 ** 47 - 1, -(2 ** 47), -(2 ** 47))))
try:
    list(count(0, 5, 0))
except ValueError as e:
    print("ValueError:", e)
try:
    list(count(0, 5.0))
except TypeError as e:
    print("TypeError:", e)


def nested(n):
    for i in range(n):
        for j in range(i):
            yield i, j
        yield i


print(list(nested(4)))


def recursive(depth, width):
    if depth == 0:
        yield ()
        return
    for i in range(width):
        for rest in recursive(depth - 1, width):
            yield (i,) + rest


print(list(recursive(3, 2)))
print(sum(1 for _ in recursive(5, 3)))


def interleaved():
    a = count(0, 6)
    b = count(10, 16, 2)
    for x, y in zip(a, b):
        yield x * y


print(list(interleaved()))


def with_send():
    total = 0
    for i in range(1, 100):
        got = yield total
        if got is None:
            got = i
        total += got


g = with_send()
print(next(g), g.send(10), g.send(None), g.send(5), next(g))


def guarded():
    try:
        for i in range(10):
            try:
                yield i
            except KeyError as e:
                print("caught", e, "at", i)
    finally:
        print("finally ran")


g = guarded()
print(next(g), next(g), g.throw(KeyError("k")), next(g))
g.close()
print(list(guarded())[:3])


def shadowed():
    range = lambda n: ["a", "b"][:n]  # noqa: E731
    for x in range(2):
        yield x


print(list(shadowed()))


def rebinds_global():
    for x in range(3):
        yield x


_real_range = range
range = lambda n: "xyz"[:n]  # noqa: E731
print(list(rebinds_global()))
range = _real_range
print(list(rebinds_global()))


def collected(n):
    for i in range(n):
        garbage = [[j] * 3 for j in range(20)]
        gc.collect()
        yield i * 2**70 + len(garbage)


print([x % 1000 for x in collected(4)])


def after_break():
    for i in range(10):
        if i == 3:
            break
        yield i
    for k in range(2):
        yield "k%d" % k


print(list(after_break()))


def exhausted_then_raise():
    for i in range(2):
        yield i
    raise StopIteration("inside")


try:
    list(exhausted_then_raise())
except RuntimeError as e:
    print("RuntimeError:", e, "from", repr(e.__cause__))

# Generators: yield, send, return values, yield from, close, throw.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"
print(list(countdown(3)))
g = countdown(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            return received
        received.append(x)
e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as stop:
    print("returned", stop.value)
def chain(*its):
    for it in its:
        r = yield from it
        print("sub returned", r)
print(list(chain([1, 2], countdown(2), (x for x in "ab"))))
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("closed")
c = closer()
print(next(c))
c.close()
print(c.gi_running, list(c))
def catcher():
    while True:
        try:
            yield
        except ValueError as err:
            print("caught", err)
t = catcher()
next(t)
t.throw(ValueError("boom"))
t.throw(ValueError, "again")
try:
    t.throw(KeyError("not caught"))
except KeyError as err:
    print("propagated", repr(err))
def delegating():
    yield from catcher()
d = delegating()
next(d)
d.throw(ValueError("through yield from"))
d.close()
gen_exp = (i * i for i in range(4))
print(type(gen_exp).__name__, sum(gen_exp), sum(gen_exp))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def bad():
    yield 1
    raise StopIteration("oops")
try:
    list(bad())
except RuntimeError as err:
    print("RuntimeError:", err, type(err.__cause__).__name__)
g2 = countdown(1)
try:
    g2.send(5)
except TypeError as err:
    print("TypeError:", err)
print(countdown.__name__, g.__name__, repr(g).startswith("<generator object countdown at"))

# Generator pipelines, generators as methods, generator state, finally on close.
def numbers():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
def evens(it):
    return (v for v in it if v % 2 == 0)
def squares(it):
    for v in it:
        yield v * v
print(list(take(5, squares(evens(numbers())))))
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        n = self.start
        while n:
            yield n
            n -= 1
    def pairs(self):
        prev = None
        for v in self:
            if prev is not None:
                yield prev, v
            prev = v
c = Countdown(4)
print(list(c), list(c.pairs()), sum(c))
log = []
def tracked():
    try:
        for i in range(10):
            log.append(f"yield {i}")
            yield i
    finally:
        log.append("finally")
t = tracked()
for v in t:
    if v == 2:
        break
t.close()
print(log)
def running():
    yield gen_ref.gi_running
gen_ref = running()
print(next(gen_ref))
def accumulate():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulate()
next(acc)
for v in [5, 10, 20]:
    acc.send(v)
try:
    acc.send(None)
except StopIteration as e:
    print("total", e.value)
def reraiser():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
r = reraiser()
next(r)
r.close()
def ignorer():
    try:
        yield 1
    except GeneratorExit:
        yield "ignored"
ig = ignorer()
next(ig)
try:
    ig.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def yield_from_return():
    result = yield from take(2, numbers())
    yield ("sub result", result)
print(list(yield_from_return()))
def genexpr_scope():
    base = 10
    return list(x + base for x in range(3))
print(genexpr_scope())

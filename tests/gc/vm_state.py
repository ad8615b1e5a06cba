# Values that only the VM's own state holds (fast locals, cells, the
# operand stack, suspended generator frames, handled exceptions, class
# bodies), run with a collection at every safe point (KRAIT_GC_STRESS=1):
# each must survive. `churn` allocates, so collections happen meanwhile.
# Avoids list(iterator) and unpacking from generators (runtime temporaries).
def churn(n):
    junk = []
    for i in range(n):
        junk = [i, str(i), (i,)]
    return len(junk)

# Fast locals and a loop without calls: the back-edge is a safe point.
def locals_loop():
    keep = [str(i) for i in range(5)]
    i = 0
    while i < 200:
        t = [i, i + 1]
        i += 1
    return keep, t
print(locals_loop())

# Operand stack: the first argument and a half-built list sit only there.
def pair(a, b):
    return a + b
print(pair([str(1), str(2)], [churn(50)]))
print([str(i) + str(churn(3)) for i in range(5)])
print({str(i): [i, churn(2)] for i in range(3)})
print((str(7), str(8), churn(10)), f"{str(5)}-{churn(5)}")

# Cells and free variables.
def outer():
    cell = [str("c")]
    def inner():
        churn(20)
        return cell + [str("d")]
    return inner
print(outer()())

# Keyword names and CALL_FUNCTION_EX.
def kw(a, b, *rest, c=None, **more):
    return a, b, rest, c, more
print(kw(str(1), b=[churn(5)], c=str(3)))
print(kw(*[str(1), str(2), str(3)], **{"c": [churn(5)], "z": str(9)}))

# Suspended generators: locals, operand stack, handled exceptions.
def gen():
    local = [str("g")]
    x = [str("a"), (yield 1), str("b")]
    try:
        raise ValueError(str("boom"))
    except ValueError:
        yield local
        churn(30)
        yield x
        raise
g = gen()
next(g)
churn(30)
print(g.send([str("sent")]))
churn(30)
print(next(g))
try:
    next(g)
except ValueError as e:
    print("reraised", e)

def counter(n):
    for i in range(n):
        yield [str(i)]
out = []
for x in counter(5):
    out.append(x)
    churn(5)
print(out, sum(len(x) for x in counter(50)))

def delegate():
    r = yield from counter(3)
    yield [r, churn(5)]
out = []
for x in delegate():
    out.append(x)
print(out)

# Unpacking from an iterator.
a, b, *c = [str(i) for i in range(5)]
print(a, b, c)

# Exceptions: the exception object on the operand stack and in handlers.
def fails(n):
    churn(n)
    raise KeyError(str(n))
for n in range(3):
    try:
        fails(10)
    except KeyError as e:
        churn(20)
        print("caught", e)
    finally:
        churn(5)
try:
    try:
        fails(5)
    finally:
        churn(20)
except KeyError as e:
    print("outer", repr(e))

# with: __exit__ and the manager are on the operand stack only.
class Manager:
    def __init__(self, tag):
        self.tag = [tag]
    def __enter__(self):
        churn(10)
        return self.tag
    def __exit__(self, *exc):
        churn(10)
        print("exit", self.tag, exc[0])
        return True
with Manager(str("m1")) as t:
    churn(10)
    print("inside", t)
with Manager(str("m2")):
    fails(3)

# Class bodies: the namespace is only in the frame.
class Body:
    items = [str(i) for i in range(3)]
    churn(40)
    more = items + [str("x")]
    def method(self):
        return self.more
print(Body().method())

# Pattern matching.
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
for subject in [P(str(1), [2]), [str(1), [churn(3)]], {"k": [str(4)]}]:
    match subject:
        case P(x, y):
            print("P", x, y)
        case [a, [b]]:
            print("seq", a, b)
        case {"k": v}:
            print("map", v)

# Coroutines driven by hand.
async def co():
    v = [str("co")]
    await Sleep()
    return v + [churn(5)]
class Sleep:
    def __await__(self):
        yield [str("tick")]
c = co()
print(c.send(None))
churn(20)
try:
    c.send(None)
except StopIteration as s:
    print("done", s.value)

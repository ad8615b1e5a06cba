# Attribute loads, stores and method loads at the same sites across
# deletions, properties added and removed, shadowing methods, __getattr__,
# functions, modules, __dict__ writes, __slots__ and many attributes;
# property names in the 'no setter' message come from __set_name__ only.
class P:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x
def read(o):
    return o.x
def write(o, v):
    o.x = v
def call_get(o):
    return o.get()
ps = [P(i) for i in range(5)]
print([read(p) for p in ps])
for p in ps:
    write(p, p.x * 10)
print([call_get(p) for p in ps])
del ps[0].x
try:
    read(ps[0])
except AttributeError as e:
    print(e)
write(ps[0], 7)
print(read(ps[0]))
P.x = property(lambda self: "prop")
print(read(ps[1]))
try:
    write(ps[1], 3)
except AttributeError as e:
    print(e)
del P.x
print(read(ps[1]))
ps[2].get = lambda: "shadowed"
print(call_get(ps[2]), call_get(ps[3]))
P.get = lambda self: "replaced"
print(call_get(ps[3]))
class G:
    def __getattr__(self, name):
        return "fallback " + name
g = G()
print(read(g))
write(g, 5)
print(read(g))
def f(): pass
f.x = 1
print(read(f)); write(f, 2); print(read(f))
import sys
m = type(sys)("mod")
m.x = 9
print(read(m))
class Q:
    pass
q = Q()
for i in range(3):
    write(q, i)
    print(read(q))
q.__dict__["x"] = "via dict"
print(read(q))
objs = [P(1), Q(), f, P(2)]
objs[1].x = "q"
for _ in range(2):
    print([read(o) for o in objs])
class S:
    __slots__ = ("x",)
s = S()
write(s, "slot")
print(read(s))
try:
    del s.x
    read(s)
except AttributeError as e:
    print(e)
print([call_get(o) for o in (P(5), P(6))])
print(read(3 .real.__class__.__name__.__class__("abc").__class__) if False else "skip")
class Many:
    def __init__(self):
        for i in range(10):
            setattr(self, "a%d" % i, i)
mm = Many()
def read9(o): return o.a9
print(read9(mm), read9(mm))
mm.a9 = "nine"
print(read9(mm))
x = 5
print(x.real, (2.5).real, "s".upper())
class Pr:
    def g(self): return 1
    x = property(g)
    y = property(g).getter(lambda self: 2)
Pr.z = property(Pr.g)
Pr.w = Pr.x.getter(lambda self: 3)
pr = Pr()
for n in "xyzw":
    try:
        setattr(pr, n, 1)
    except AttributeError as e:
        print(e)

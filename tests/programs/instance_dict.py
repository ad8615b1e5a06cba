# __dict__ is the instance's storage once asked for: writes through it, replacing it, and method shadowing through it.
class P:
    def __init__(self):
        self.a = 1
        self.b = 2
    def m(self):
        return "method"
p = P()
d = p.__dict__
d["c"] = 3
print(p.c, vars(p), p.__dict__ is d)
p.e = 5
print(d)
del p.a
print(d, hasattr(p, "a"))
d["m"] = lambda: "shadow"
for i in range(3):
    print(p.m())
del d["m"]
print(p.m())
q = P()
q.__dict__ = {"z": 9}
print(q.z, q.__dict__)
q.__dict__.update(y=1)
print(q.y)
for i in range(3):
    q.x = i
    print(q.x, q.z)
class S:
    __slots__ = ("x",)
s = S()
try:
    s.__dict__
except AttributeError as e:
    print(e)

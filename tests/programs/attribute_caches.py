# Native fast paths and caches must keep CPython's semantics (attribute_caches).
class A:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x
class B(A):
    @property
    def y(self):
        return self.x * 2
a = A(1); b = B(2)
for o in (a, b, a, b):
    print(o.x, o.get())
print(b.y)
def get_x(o):
    return o.x
for o in [a, b, A(5)]:
    print(get_x(o))
A.x = property(lambda self: 99)   # a data descriptor now shadows the slot
try:
    print(get_x(a))
except Exception as e:
    print(type(e).__name__)
a.get = lambda: "shadow"
print(a.get())
del a.get
print(a.get())
A.get = lambda self: "replaced"
print(a.get(), b.get())
class C:
    __slots__ = ("p",)
c = C(); c.p = 3
print(c.p)
def setp(o, v):
    o.p = v
setp(c, 4); setp(c, 5); print(c.p)
try:
    del c.p
    print(c.p)
except AttributeError as e:
    print(e)
l = []
for i in range(3):
    l.append(i)
print(l, (5).bit_length(), "a,b".split(","))

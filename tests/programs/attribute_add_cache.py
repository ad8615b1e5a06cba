# Stores that add an attribute go through a per-site cache of the shape
# move (type, old shape -> new shape); it must stay right when instances
# of one class take different paths, when attributes are deleted, when a
# data descriptor appears on the class later, and with __slots__.


class P:
    def __init__(self, x, y, swap=False):
        if swap:
            self.y = y
            self.x = x
        else:
            self.x = x
            self.y = y


ps = [P(i, -i, swap=(i % 3 == 0)) for i in range(12)]
print([(p.x, p.y) for p in ps][:5], sorted(vars(ps[3])), sorted(vars(ps[4])))

q = P(1, 2)
del q.x
q.x = 10
print(q.x, q.y, sorted(vars(q)))


def make(n):
    out = []
    for i in range(n):
        out.append(P(i, i * 2))
    return out


make(5)


class Loud:
    def __set__(self, obj, value):
        print("descriptor set", value)

    def __get__(self, obj, owner=None):
        return "from descriptor"


P.x = Loud()
r = make(2)
print(r[0].x, r[1].y)
del P.x
r = make(2)
print(r[0].x, r[1].y)


class S:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


s = [S(i) for i in range(3)]
for obj in s:
    try:
        obj.c = 1
    except AttributeError as e:
        print("AttributeError:", e)
    obj.b = obj.a + 1
print([(o.a, o.b) for o in s])


class Child(P):
    pass


c = [Child(i, i) for i in range(3)]
c[1].z = 5
print([sorted(vars(o)) for o in c])

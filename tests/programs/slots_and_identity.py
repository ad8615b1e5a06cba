# __slots__, default equality by identity, is/is not, id stability.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
p = P(1, 2)
print(p.x, p.y, P.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, a is a, a is not b, id(a) == id(a), [a].count(a))
print(None is None, [] is not [], (x := []) is x)
s = "interned"
t = s
print(s is t, len({a, b, a}))

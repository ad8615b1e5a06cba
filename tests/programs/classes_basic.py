# Classes: attributes, methods, class attributes, __init__, __repr__, __str__.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __str__(self):
        return f"({self.x}, {self.y})"
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    @classmethod
    def origin(cls):
        return cls(0, 0)
    @staticmethod
    def describe():
        return "a point"
p = Point(3, 4)
print(p, repr(p), str(p), p.norm2(), Point.origin(), Point.describe(), p.dims)
print([p], {"p": p}, type(p).__name__, isinstance(p, Point), Point.__name__)
p.z = 5
print(p.z, hasattr(p, "z"), getattr(p, "w", "none"))
del p.z
print(hasattr(p, "z"))
Point.dims = 3
print(p.dims, Point.dims)
m = p.norm2
print(m(), Point.norm2(p))
class Empty:
    pass
e = Empty()
print(type(e).__name__, isinstance(e, object), Empty.__qualname__)
try:
    p.missing
except AttributeError as err:
    print("AttributeError:", err)
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
print([Counter().id for _ in range(3)], Counter.instances)

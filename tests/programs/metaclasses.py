# Metaclasses: type(), custom metaclass __new__/__call__, __prepare__-free registries.
Dynamic = type("Dynamic", (object,), {"x": 1, "hello": lambda self: "hi"})
print(Dynamic.__name__, Dynamic.x, Dynamic().hello(), type(Dynamic).__name__)
class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls
class Base(metaclass=Registry):
    pass
class Child(Base):
    pass
print(Registry.classes, type(Child).__name__, isinstance(Child, Registry))
class Singleton(type):
    _instances = {}
    def __call__(cls, *args):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, v):
        self.v = v
a, b = Config(1), Config(2)
print(a is b, a.v)
class Upper(type):
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, {k.upper() if not k.startswith("__") else k: v for k, v in ns.items()})
class Shout(metaclass=Upper):
    greeting = "hey"
print(Shout.GREETING, hasattr(Shout, "greeting"))
print(type(1) is int, type(type) is type, type.__name__, isinstance(type, object))
Point = type("Point", (tuple,), {"x": property(lambda self: self[0])})
print(Point((3, 4)).x, Point.__mro__[1].__name__)

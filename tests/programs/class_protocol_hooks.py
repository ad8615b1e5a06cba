# Class-level hooks libraries rely on: writable __doc__, __abstractmethods__,
# __instancecheck__/__subclasscheck__ on non-type objects, __orig_bases__ from __mro_entries__.
class Documented:
    """original"""


Documented.__doc__ = "replaced"
print(Documented.__doc__, Documented().__doc__)
try:
    int.__doc__ = "nope"
except TypeError as e:
    print(type(e).__name__, e)


class Abstract:
    pass


Abstract.__abstractmethods__ = frozenset({"run", "stop"})
try:
    Abstract()
except TypeError as e:
    print(type(e).__name__, e)
Abstract.__abstractmethods__ = frozenset({"run"})
try:
    Abstract()
except TypeError as e:
    print(type(e).__name__, e)
del Abstract.__abstractmethods__
print(type(Abstract()).__name__)


class Child(Abstract):
    pass


Abstract.__abstractmethods__ = frozenset({"x"})
print(type(Child()).__name__)


class EvenChecker:
    def __instancecheck__(self, obj):
        return isinstance(obj, int) and obj % 2 == 0

    def __subclasscheck__(self, cls):
        return cls is bool


even = EvenChecker()
print(isinstance(4, even), isinstance(3, even), isinstance("4", (even, str)), issubclass(bool, even), issubclass(int, even))
try:
    isinstance(1, object())
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(int, 3)
except TypeError as e:
    print(type(e).__name__, e)


class Alias:
    def __init__(self, origin):
        self.origin = origin

    def __mro_entries__(self, bases):
        return (self.origin,)


class FromAlias(Alias(dict), Alias(object)):
    pass


print(FromAlias.__bases__, [type(b).__name__ for b in FromAlias.__orig_bases__], "__orig_bases__" in Child.__dict__)

# abc: abstract methods block instantiation; register() and __subclasshook__ drive isinstance.
from abc import ABC, ABCMeta, abstractmethod, get_cache_token


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    @property
    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return f"{self.name}: {self.area()}"


print(sorted(Shape.__abstractmethods__))
for cls_def in ("Shape", "Partial"):
    try:
        if cls_def == "Shape":
            Shape()
        else:
            class Partial(Shape):
                def area(self):
                    return 1
            Partial()
    except TypeError as e:
        print(type(e).__name__, e)


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side

    @property
    def name(self):
        return "square"


sq = Square(3)
print(sq.describe(), sq.perimeter(), isinstance(sq, Shape), Square.__abstractmethods__ == frozenset())


class OnlyOne(Square):
    @abstractmethod
    def extra(self):
        pass


try:
    OnlyOne(1)
except TypeError as e:
    print(type(e).__name__, e)


class Base(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Base:
            return hasattr(C, "quack")
        return NotImplemented


class Duck:
    def quack(self):
        return "quack"


print(isinstance(Duck(), Base), issubclass(Duck, Base), isinstance(3, Base))


class Registry(ABC):
    pass


token = get_cache_token()
Registry.register(int)
print(isinstance(5, Registry), issubclass(bool, Registry), isinstance("s", Registry), get_cache_token() != token)


@Registry.register
class Virtual:
    pass


print(issubclass(Virtual, Registry), Registry in Virtual.__mro__, Virtual.__name__)
try:
    Registry.register(3)
except TypeError as e:
    print(type(e).__name__, e)


class Plain:
    pass


Plain.__abstractmethods__ = frozenset({"x", "y"})
try:
    Plain()
except TypeError as e:
    print(type(e).__name__, e)
Plain.__abstractmethods__ = frozenset()
print(type(Plain()).__name__)

# Calling classes: __init__ with defaults and keywords, replaced and deleted
# __init__, inherited, bad return values, __new__, abstract classes,
# descriptor __init__ and metaclass __call__.
class A:
    def __init__(self, x, y=2):
        self.x = x
        self.y = y
a = A(1)
print(a.x, a.y, A(3, y=4).y)
def other_init(self, x, y=0):
    self.x = -x
    self.y = y
for i in range(3):
    if i == 1:
        A.__init__ = other_init
    print(A(i).x)
class B(A):
    pass
print(B(5).x)
class Bad:
    def __init__(self):
        return 5
try:
    Bad()
except TypeError as e:
    print(e)
try:
    A()
except TypeError as e:
    print(e)
class N:
    def __new__(cls, *a):
        print("new", a)
        return super().__new__(cls)
    def __init__(self, v):
        print("init", v)
N(7)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(e)
print(type(NoInit()).__name__)
import abc
class Ab(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    def __init__(self):
        pass
try:
    Ab()
except TypeError as e:
    print(e)
class C:
    def __init__(self, v):
        self.v = v
for i in range(3):
    print(C(i).v)
del A.__init__
try:
    print(A(1).x)
except TypeError as e:
    print(e)
print(A().__class__.__name__)
class Callable_init:
    class _I:
        def __get__(self, obj, t):
            return lambda v: setattr(obj, "v", v * 10)
    __init__ = _I()
print(Callable_init(4).v)
class M(type):
    def __call__(cls, *a):
        return "meta"
class WithMeta(metaclass=M):
    def __init__(self, v): pass
print(WithMeta(1))

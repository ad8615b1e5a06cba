# property (getter/setter/deleter), staticmethod, classmethod, __slots__-free descriptors.
class Temperature:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        "The temperature in degrees Celsius."
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit, Temperature.celsius.__doc__)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(t.celsius)
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value * 2)
class Holder:
    v = Typed()
h = Holder()
print(h.v)
h.v = 21
print(h.v, type(Holder.v).__name__)
class Meta:
    @classmethod
    def make(cls, n):
        return [cls.__name__] * n
    @staticmethod
    def add(a, b):
        return a + b
class Sub(Meta):
    pass
print(Meta.make(1), Sub.make(2), Sub().make(1), Meta.add(2, 3), Sub().add(1, 1))

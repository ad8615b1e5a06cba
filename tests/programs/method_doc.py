# A bound method's __doc__ (and other attributes) come from its function,
# for instance methods and classmethods alike.
class A:
    def f(self):
        "f's doc"

    @classmethod
    def g(cls):
        "g's doc"

    def h(self):
        pass


a = A()
print(a.f.__doc__, A.g.__doc__, a.g.__doc__, a.h.__doc__, a.f.__name__)
A.h.__doc__ = "set later"
print(a.h.__doc__)

# Attribute sites that see several classes: a base-class method runs on
# instances of five subclasses (more than a site remembers), stores that
# add attributes in different orders, methods replaced on one class, and
# instance attributes that shadow a method on some instances only.


class Base:
    def __init__(self, n):
        self.n = n

    def total(self):
        return self.n + self.extra()

    def extra(self):
        return 0

    def bump(self):
        self.n += 1
        self.last = self.n


class A(Base):
    def extra(self):
        return 10


class B(Base):
    def __init__(self, n):
        self.tag = "b"
        super().__init__(n)


class C(Base):
    pass


class D(Base):
    def extra(self):
        return self.n * 2


class E(D):
    pass


objs = [A(1), B(2), C(3), D(4), E(5)]
for round_ in range(3):
    print([o.total() for o in objs])
    for o in objs:
        o.bump()
    print([(o.n, o.last) for o in objs])

D.extra = lambda self: -1
print([o.total() for o in objs])
C.extra = lambda self: 100
print([o.total() for o in objs])

objs[1].extra = lambda: 7
print([o.total() if not isinstance(o, B) else o.extra() for o in objs])
del objs[1].extra
print([o.total() for o in objs])


class Slots:
    __slots__ = ("n",)

    def __init__(self, n):
        self.n = n


def read_n(o):
    return o.n


print([read_n(o) for o in objs + [Slots(9), Slots(10)] + objs])

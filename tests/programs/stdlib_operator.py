# operator: function forms, itemgetter, attrgetter (dotted), methodcaller.
import operator as op


def show(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:
        print(label, type(e).__name__, e)


print(op.lshift(1, 4), op.rshift(16, 2), op.and_(6, 3), op.or_(4, 1), op.xor(5, 1), op.inv(5), op.invert(0))
print(op.is_(None, None), op.is_not(1, None), op.le(2, 2), op.ge(1, 2), op.ne(1, 2), op.gt(3, 2), op.pos(-1))
class Hinted:
    def __length_hint__(self):
        return 3


print(op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), op.length_hint([1, 2]), op.length_hint(Hinted(), 5), op.length_hint(object(), 7))
show("indexOf", lambda: op.indexOf([1], 5))
show("index float", lambda: op.index(1.5))
show("concat", lambda: op.concat(1, 2))
x = [1]
print(op.iadd(x, [2]) is x, x, op.imul(3, 4), op.ipow(2, 3), op.isub(5, 1), op.itruediv(1, 2), op.ifloordiv(7, 2), op.imod(7, 3))
print(op.ilshift(1, 2), op.irshift(8, 1), op.iand(7, 2), op.ior(1, 2), op.ixor(3, 1), op.iconcat([1], [2]))
g = op.itemgetter("a", "b")
print(g({"a": 1, "b": 2}), op.itemgetter(slice(1, 3))("hello"), repr(g))
class A:
    pass
a = A()
a.b = A()
a.b.c = 42
a.name = "n"
print(op.attrgetter("b.c")(a), op.attrgetter("name", "b.c")(a), repr(op.attrgetter("b.c")))
show("attr missing", lambda: op.attrgetter("zz")(a))
show("attr type", lambda: op.attrgetter(1))
m = op.methodcaller("split", ",", maxsplit=1)
print(m("a,b,c"), repr(m))
print(op.call(max, 1, 5, 2), op.__add__(1, 2), op.matmul.__name__)
print(sorted([(1, "b"), (0, "c"), (1, "a")], key=op.itemgetter(0)), list(map(op.mul, [1, 2], [3, 4])))

# copy: copy/deepcopy of builtins, user classes, slots, __copy__,
# __deepcopy__, cycles and shared references.
import copy


class Plain:
    def __init__(self, items):
        self.items = items


class Slotted:
    __slots__ = ("a", "b")


class Custom:
    def __init__(self):
        self.log = []

    def __copy__(self):
        c = Custom()
        c.log = ["copied"] + self.log
        return c

    def __deepcopy__(self, memo):
        c = Custom()
        c.log = ["deep"] + copy.deepcopy(self.log, memo)
        return c


class Sub(list):
    pass


p = Plain([1, [2]])
sc = copy.copy(p)
dc = copy.deepcopy(p)
p.items[1].append(3)
print(sc.items, dc.items, sc.items is p.items, type(dc).__name__)
s = Slotted()
s.a = [1]
s2 = copy.copy(s)
s3 = copy.deepcopy(s)
print(s2.a is s.a, s3.a == s.a, s3.a is s.a, hasattr(s3, "b"))
c = Custom()
c.log.append("x")
print(copy.copy(c).log, copy.deepcopy(c).log)
shared = [1]
pair = {"x": shared, "y": shared}
dp = copy.deepcopy(pair)
print(dp["x"] is dp["y"], dp["x"] is shared)
loop = [1]
loop.append(loop)
dl = copy.deepcopy(loop)
print(dl[1] is dl, dl is not loop)
t = (1, 2, "s")
print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.deepcopy((1, [2]))[1] is not None)
sub = Sub([1, [2]])
sub.tag = "t"
ds = copy.deepcopy(sub)
print(type(ds).__name__, ds, ds.tag, ds[1] is sub[1])
print(copy.copy({1, 2}), copy.deepcopy(frozenset([1])), copy.copy(len), copy.deepcopy(int))
from collections import namedtuple, defaultdict, OrderedDict, deque, Counter
P = namedtuple("P", "x y")
print(copy.deepcopy(P(1, [2])), copy.copy(defaultdict(list, a=[1])), copy.deepcopy(OrderedDict(a=[1])))
dq = deque([[1]], maxlen=3)
dq2 = copy.deepcopy(dq)
print(dq2, dq2.maxlen, dq2[0] is dq[0], copy.copy(Counter("aab")))
memo = {}
obj = [1]
first = copy.deepcopy([obj], memo)
print(memo[id(obj)] is first[0])

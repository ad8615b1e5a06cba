# collections: deque, defaultdict, Counter, OrderedDict, namedtuple,
# ChainMap, UserDict/UserList, including error messages.
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap
from collections import UserDict, UserList


def show(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:
        print(label, type(e).__name__, e)


# deque
d = deque(range(5))
d.rotate(7)
print(d, d[1], d[-2], len(d), 3 in d, 9 in d)
d.appendleft("x")
d.extendleft("ab")
print(d, d.popleft(), d.pop(), d)
d[0] = "first"
del d[1]
print(d, d.index(3), d.count(3))
d.insert(2, "ins")
d.reverse()
print(d, list(reversed(d)))
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) + deque([2]), deque("ab") * 2)
big = deque()
for i in range(100):
    big.appendleft(i)
    big.append(-i)
for _ in range(150):
    big.popleft()
print(len(big), big[0], big[-1], sum(big))
bounded = deque(range(10), maxlen=4)
bounded.appendleft(-1)
print(bounded, bounded.maxlen)
bounded.extend([100, 200])
print(bounded)
show("maxlen write", lambda: setattr(bounded, "maxlen", 3))
show("index", lambda: deque([1])[5])
show("index type", lambda: deque([1])["a"])
show("remove", lambda: deque([1]).remove(7))
show("insert full", lambda: deque([1], maxlen=1).insert(0, 2))
show("negative maxlen", lambda: deque([], maxlen=-1))
show("popleft empty", lambda: deque().popleft())
show("index missing", lambda: deque([1, 2]).index(5))
mut = deque([1, 2, 3])
try:
    for item in mut:
        mut.append(item)
except RuntimeError as e:
    print("RuntimeError", e)
print(deque(maxlen=0), deque([], maxlen=2), repr(deque()))
zero = deque(maxlen=0)
zero.append(1)
print(zero)
# defaultdict
dd = defaultdict(list)
dd["a"].append(1)
dd["b"]
print(dd, dd.default_factory, isinstance(dd, dict))
print(dd.copy(), type(dd.copy()).__name__)
show("bad factory", lambda: defaultdict(5))
sets = defaultdict(set, {"k": {1}})
sets["k"].add(2)
print(sorted(sets["k"]), sets.get("missing"), "missing" in sets)
# Counter
c = Counter("hello world")
print(c.most_common(3), c["l"], c["?"])
c2 = Counter(a=3, b=-1)
print(c2 + Counter(), -c2, +c2, c2.total())
c3 = Counter(a=1)
c3 += Counter(a=2, b=3)
c3 -= Counter(b=5)
print(c3, Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2))
c3.update(Counter(z=2))
c3.update(["z"], y=1)
del c3["nope"]
print(c3, sorted(c3.elements()))
show("fromkeys", lambda: Counter.fromkeys("ab"))
print(Counter(), repr(Counter(x=0)))
# OrderedDict
od = OrderedDict.fromkeys("abcde", 0)
od.move_to_end("a")
od.move_to_end("e", last=False)
print(od, od.popitem(), od.popitem(last=False))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
show("popitem empty", lambda: OrderedDict().popitem())
show("move missing", lambda: OrderedDict().move_to_end("q"))
print(list(reversed(od)), OrderedDict())
# namedtuple
Point = namedtuple("Point", "x, y")
p = Point(1, y=2)
print(p, p.x + p.y, p._replace(y=5), p._asdict(), Point._fields, Point.__doc__)
print(Point._make((7, 8)), p == (1, 2), hash(p) == hash((1, 2)), p[::-1])
show("few", lambda: Point(1))
show("many", lambda: Point(1, 2, 3))
show("dup kw", lambda: Point(1, x=2))
show("unknown kw", lambda: Point(1, z=2))
show("make", lambda: Point._make([1]))
show("replace", lambda: p._replace(z=1))
show("setattr", lambda: setattr(p, "x", 3))
show("bad name", lambda: namedtuple("1a", "x"))
show("keyword", lambda: namedtuple("A", "class"))
show("underscore", lambda: namedtuple("A", "_x"))
show("duplicate", lambda: namedtuple("A", "x x"))
print(namedtuple("A", "x class _y x", rename=True)._fields)
Opt = namedtuple("Opt", ["a", "b", "c"], defaults=(2, 3))
print(Opt(1), Opt(1, c=9), Opt._field_defaults)
class Pt3(namedtuple("Pt3", "x y z")):
    __slots__ = ()
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)
print(Pt3(1, -2, 3).norm1(), Pt3(1, 2, 3))
a, b = Point(10, 20)
print(a, b, Point.x.__doc__)
# ChainMap
base = {"a": 1, "b": 2}
cm = ChainMap({"b": 20}, base)
print(cm["a"], cm["b"], len(cm), list(cm), dict(cm), cm.get("zz", "dflt"))
cm["c"] = 3
del cm["b"]
print(cm, cm.maps)
show("del missing", lambda: cm.__delitem__("a"))
show("pop missing", lambda: cm.pop("a"))
print(cm.new_child(), cm.parents, "a" in cm, cm.pop("c"))
# UserDict / UserList
class Lower(UserDict):
    def __setitem__(self, key, value):
        self.data[key.lower()] = value
u = Lower(A=1)
u["B"] = 2
print(u, len(u), "a" in u, u.get("b"), sorted(u.items()))
ul = UserList([3, 1, 2])
ul.append(0)
ul.sort()
print(ul, ul[1:], len(ul), ul + [9])

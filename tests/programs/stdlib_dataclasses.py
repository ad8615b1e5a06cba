# dataclasses: generated methods, field options, helpers and their errors.
from dataclasses import (dataclass, field, fields, asdict, astuple, replace, is_dataclass,
                         make_dataclass, FrozenInstanceError, InitVar, KW_ONLY, MISSING)
from typing import ClassVar


@dataclass
class Point:
    x: int
    y: int = 0
    count: ClassVar[int] = 0


p = Point(1, 2)
print(p, repr(p), p == Point(1, 2), p != Point(2, 1), Point(3))
print([f.name for f in fields(p)], Point.count, Point.__match_args__)
print(is_dataclass(Point), is_dataclass(p), is_dataclass(3))
print(Point.__hash__ is None)
try:
    Point()
except TypeError as e:
    print(type(e).__name__, e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Point(1, z=3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Point(1, x=3)
except TypeError as e:
    print(type(e).__name__, e)


@dataclass
class Three:
    a: int
    b: int
    c: int


try:
    Three()
except TypeError as e:
    print(type(e).__name__, e)


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


v = Version(1, 2, "x")
print(v < Version(1, 3), v <= Version(1, 2, "y"), v == Version(1, 2, "z"), sorted([Version(2), v, Version(0, 5)]))
print(hash(v) == hash(Version(1, 2)))
for action in ("set", "del"):
    try:
        if action == "set":
            v.major = 3
        else:
            del v.minor
    except FrozenInstanceError as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    Version(1) < (1, 0)
except TypeError as e:
    print(type(e).__name__, e)


@dataclass(unsafe_hash=True)
class Key:
    k: str
    extra: list = field(default_factory=list, hash=False, compare=False)


print(hash(Key("a")) == hash(Key("a", [1])), Key("a") == Key("a", [2]))


@dataclass
class Inventory:
    items: list = field(default_factory=list)
    owner: str = field(default="nobody", repr=False)
    total: int = field(init=False, default=0)

    def __post_init__(self):
        self.total = len(self.items)


inv = Inventory([1, 2, 3])
print(inv, inv.owner, inv.total, Inventory().items is not Inventory().items)


@dataclass
class Node:
    name: str
    children: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)


tree = Node("root", [Node("a"), Node("b", [Node("c")])], {"k": (1, 2)})
print(asdict(tree))
print(astuple(tree))
print(replace(tree, name="new").name, replace(Version(1), minor=5))
try:
    replace(inv, total=3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    replace(3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    fields(3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    asdict(Point)
except TypeError as e:
    print(type(e).__name__, e)


@dataclass
class WithInit:
    base: int
    factor: InitVar[int] = 2

    def __post_init__(self, factor):
        self.scaled = self.base * factor


w = WithInit(5)
print(w, w.scaled, WithInit(5, 3).scaled, [f.name for f in fields(WithInit)])


@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int


print(Options(level=3))
try:
    Options(True, 3)
except TypeError as e:
    print(type(e).__name__, e)


@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int = 2


print(Mixed(0, c=5), Mixed.__match_args__)


@dataclass
class Base:
    x: int
    y: int = 1


@dataclass
class Derived(Base):
    z: int = 2
    x: int = 10


print(Derived(), Derived(1, 2, 3), [f.name for f in fields(Derived)])

for bad in ("mutable", "order", "both", "nodefault", "frozen_mix"):
    try:
        if bad == "mutable":
            @dataclass
            class Bad:
                items: dict = {}
        elif bad == "order":
            @dataclass(order=True)
            class Bad2:
                a: int

                def __lt__(self, other):
                    return True
        elif bad == "both":
            field(default=1, default_factory=list)
        elif bad == "nodefault":
            @dataclass
            class Bad3:
                a: int = 1
                b: int
        else:
            @dataclass(frozen=True)
            class Frozen:
                a: int

            @dataclass
            class Thawed(Frozen):
                b: int
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


@dataclass(eq=False)
class Ident:
    v: int


i = Ident(1)
print(i == Ident(1), i == i, hash(i) == hash(i))


@dataclass(slots=True)
class Slotted:
    a: int
    b: str = "s"


s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, "__dict__"))
try:
    s.c = 3
except AttributeError as e:
    print(type(e).__name__)

Dyn = make_dataclass("Dyn", [("a", int), ("b", int, field(default=4))])
print(Dyn(1), Dyn(1) == Dyn(1, 4), MISSING is not None)


@dataclass
class Recursive:
    name: str
    other: object = None


r = Recursive("r")
r.other = r
print(r)


@dataclass
class Emp:
    name: str
    salary: float = 0.0


emps = [Emp("b", 2.0), Emp("a", 3.5)]
match emps[0]:
    case Emp(name, salary=s2):
        print("matched", name, s2)
print(sorted(emps, key=lambda e: e.salary, reverse=True))
print(Point.__doc__)
print(Options.__doc__)
print(WithInit.__doc__)
print(Node.__doc__)

# enum: Enum/IntEnum/StrEnum/Flag/IntFlag members, lookups, reprs and errors.
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, EnumMeta


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return f"{self.name}={self.value}"

    @property
    def warm(self):
        return self is Color.RED

    @classmethod
    def parse(cls, text):
        return cls[text.upper()]


print(Color.RED, repr(Color.BLUE), Color.CRIMSON is Color.RED, Color.CRIMSON.name)
print(list(Color), len(Color), list(reversed(Color)))
print(list(Color.__members__.items())[-1], Color.RED.describe(), Color.GREEN.warm, Color.parse("blue"))
print(Color(3), Color["GREEN"], Color(Color.RED), type(Color), isinstance(Color, EnumMeta), Color)
print(Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED == 1, hash(Color.RED) == hash(Color.RED))
print(f"{Color.RED}", f"{Color.RED:>12}|", format(Color.GREEN), str(Color.BLUE))
print(Color.RED in Color, sorted(Color, key=lambda c: c.value), {Color.RED: 1}[Color.CRIMSON])
for bad in (0, "RED", None):
    try:
        Color(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    Color["PURPLE"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    Color.RED = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print(type(e).__name__, e)
try:
    class More(Color):
        PINK = 4
except TypeError as e:
    print(type(e).__name__, e)
match Color.GREEN:
    case Color.RED:
        print("matched red")
    case Color.GREEN:
        print("matched green")


class Level(IntEnum):
    LOW = auto()
    MID = auto()
    HIGH = auto()


print(Level.LOW, repr(Level.MID), Level.HIGH + 1, Level.MID * 2, Level(2), Level.LOW < 2, int(Level.HIGH))
print(f"{Level.HIGH:03d}", str(Level.MID), sorted([Level.HIGH, 0, Level.LOW]), Level.MID == 2, [1, 2, 3][Level.LOW])
print(isinstance(Level.LOW, int), {2: "two"}[Level.MID], max(Level), Level["HIGH"].value)


class Mode(StrEnum):
    READ = auto()
    WRITE = "w"


print(Mode.READ, repr(Mode.READ), Mode.WRITE.upper(), Mode("w"), Mode.READ == "read", f"[{Mode.WRITE}]")
try:
    class BadStr(StrEnum):
        X = 1
except TypeError as e:
    print(type(e).__name__, e)


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W


print(Perm.R, Perm.W.value, Perm.X.value, list(Perm), Perm.RW, repr(Perm.RW))
rwx = Perm.R | Perm.W | Perm.X
print(rwx, repr(rwx), Perm.W in rwx, Perm.RW in Perm.R, list(rwx), len(rwx), bool(Perm(0)), Perm(0))
print(rwx & ~Perm.W, ~Perm.R, Perm.R ^ Perm.RW, Perm(3))
try:
    Perm(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Perm.R in 3
except TypeError as e:
    print(type(e).__name__, e)


class Bits(IntFlag):
    A = 1
    B = 2
    C = 4


print(Bits.A | Bits.C, repr(Bits.A | Bits.B), Bits.A | 8, repr(Bits(11)), Bits.B + 1, str(Bits.C), Bits(0))


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    VENUS = (4.869e+24, 6.0518e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius


print(Planet.VENUS.mass, Planet((3.303e+23, 2.4397e6)), Planet.MERCURY.value)


class Fallback(Enum):
    ONE = 1
    UNKNOWN = 0

    @classmethod
    def _missing_(cls, value):
        return cls.UNKNOWN


print(Fallback(1), Fallback(99))


class Ordinal(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.title() + str(count)

    FIRST = auto()
    SECOND = auto()


print([o.value for o in Ordinal])

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e:
    print(type(e).__name__, e)

Animal = Enum("Animal", "CAT DOG BIRD")
print(list(Animal), Animal.DOG.value, Animal(3))
Shade = Enum("Shade", [("DARK", 10), ("LIGHT", 20)])
print(Shade.LIGHT, Shade(10))


class Coin(Enum):
    PENNY = 1
    NICKEL = 5
    _ignore_ = ["helper"]
    helper = 3
    __private = 7


print(list(Coin), Coin.NICKEL.value > Coin.PENNY.value)
print(Coin.__members__, repr(Coin.__members__))
try:
    Coin.__members__["DIME"] = 10
except TypeError as e:
    print(type(e).__name__, e)

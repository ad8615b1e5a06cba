# match: nested patterns, guards with captures, value patterns, mapping rest, errors.
import sys
class Color:
    RED = "red"
    GREEN = "green"
def paint(c):
    match c:
        case Color.RED:
            return "stop"
        case Color.GREEN:
            return "go"
        case _:
            return "unknown"
print(paint("red"), paint("green"), paint("blue"))
def shape(s):
    match s:
        case {"kind": "circle", "r": r} if r > 0:
            return f"circle r={r}"
        case {"kind": "rect", "size": [w, h]}:
            return f"rect {w}x{h}"
        case {"kind": kind, **rest} if rest:
            return f"{kind} with {sorted(rest.items())}"
        case {"kind": kind}:
            return f"bare {kind}"
    return "not a shape"
for s in [{"kind": "circle", "r": 2}, {"kind": "circle", "r": 0}, {"kind": "rect", "size": [1, 2]},
          {"kind": "tri"}, "text", {"kind": "rect", "size": (3, 4), "z": 1}]:
    print(shape(s))
def tokens(ts):
    match ts:
        case [("num", n), ("op", "+"), ("num", m)]:
            return n + m
        case [("num", n), *others] if len(others) > 3:
            return f"long starting {n}"
        case [first, *_, last]:
            return (first, last)
        case ():
            return "empty"
print(tokens([("num", 1), ("op", "+"), ("num", 2)]), tokens([("num", 1)] * 5), tokens("abc"), tokens([]))
match {"a": 1, "a2": 2}:
    case {"a": 1, **rest}:
        print("rest", rest)
match 3.0:
    case 3:
        print("int pattern matches equal float")
match True:
    case 1:
        print("1 matches True")
    case True:
        print("not reached")
match None:
    case None:
        print("None literal")
class P:
    def __init__(self, a):
        self.a = a
try:
    match P(1):
        case P(1):
            pass
except TypeError as e:
    print("TypeError:", e)
match P(5):
    case P(a=5 | 6 as v):
        print("keyword alternative", v)
match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print(a + b + c + d)
match "hello":
    case str(x) if x.startswith("h"):
        print("starts with h:", x)
match sys.version_info[:1]:
    case (3,):
        print("python 3")

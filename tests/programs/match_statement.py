# Structural pattern matching: literals, captures, sequences, mappings, classes, guards.
def describe(x):
    match x:
        case 0 | 1:
            return "small int"
        case int(n) if n < 0:
            return f"negative {n}"
        case float():
            return "a float"
        case "hello":
            return "greeting"
        case str() as s:
            return f"string {s!r}"
        case []:
            return "empty list"
        case [a]:
            return f"one item {a}"
        case [a, b, *rest]:
            return f"starts {a}, {b} then {rest}"
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": t, **others}:
            return f"typed {t} with {sorted(others)}"
        case None:
            return "nothing"
        case _:
            return "something else"
for v in [0, 1, -5, 7, 2.5, "hello", "bye", [], [9], [1, 2, 3, 4], (5, 6),
          {"type": "point", "x": 1, "y": 2}, {"type": "box", "w": 1}, None, {1, 2}]:
    print(describe(v))
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return "diagonal"
        case Point():
            return "elsewhere"
for p in [Point(0, 0), Point(0, 3), Point(4, 0), Point(2, 2), Point(1, 5)]:
    print(where(p))
match (1, "a"):
    case (int() as i, str() as s):
        print("pair", i, s)
command = "go north"
match command.split():
    case ["go", direction]:
        print("going", direction)
    case ["quit"]:
        print("bye")
match 42:
    case 41 | 42 as num:
        print("matched", num)

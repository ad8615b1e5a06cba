# Exceptions whose class defines __init__ (calling the base's), raised
# through several frames and caught by a base class; re-raised, chained,
# and finally left uncaught so the traceback goes through every frame.


class AppError(Exception):
    pass


class ParseError(AppError):
    def __init__(self, text, pos):
        AppError.__init__(self, text, pos)
        self.text = text
        self.pos = pos


def parse(text):
    for pos, ch in enumerate(text):
        if ch < "0" or ch > "9":
            raise ParseError(text, pos)
    return int(text)


def middle(text, depth):
    if depth == 0:
        return parse(text)
    return middle(text, depth - 1) + 1


total = 0
for t in ["12", "1x", "x", "", "99", "9é"]:
    try:
        total += middle(t, 3)
    except AppError as e:
        print(type(e).__name__, e.args, e.text, e.pos, str(e), repr(e))
        total -= e.pos
    except ValueError as e:
        print("ValueError:", e)
    else:
        print("ok", t)
print(total)

try:
    try:
        middle("4z", 2)
    except ParseError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__cause__.pos)

try:
    ParseError("only one")
except TypeError as e:
    print("TypeError:", e)

err = ParseError("abc", 1)
print(err.args, isinstance(err, AppError), isinstance(err, Exception))


def outer():
    try:
        middle("7q", 2)
    finally:
        print("finally runs")


outer()

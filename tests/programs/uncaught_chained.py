# An uncaught exception raised while handling another.
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise RuntimeError(f"could not parse {s!r}")
print(parse("12"))
parse("x1")

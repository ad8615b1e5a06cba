__all__ = ["shout", "counter"]
print("init", __name__)
counter = [0]


def shout(s):
    counter[0] += 1
    return s.upper() + "!"


def _private():
    return "hidden"


def not_exported():
    return "not in __all__"

# Calls of len/ord/isinstance/abs go straight to the builtin only while
# the name still means the builtin: shadowing, rebinding builtins, wrong
# argument counts and keyword arguments keep Python's behaviour.
import builtins


def probe(xs):
    return len(xs), ord(xs[0]), isinstance(xs, str), abs(-len(xs))


print(probe("ab"), probe("é€x"))
print(isinstance(3, (int, str)), isinstance(True, int), abs(-2.5), abs(True))


class Sized:
    def __len__(self):
        return 5

    def __abs__(self):
        return "abs!"


print(len(Sized()), abs(Sized()), len({1: 2}), len(range(10**6)))

saved = builtins.len
builtins.len = lambda x: 99
print(probe("ab"))
len = lambda x: 7
print(probe("ab"))
del len
print(probe("ab"))
builtins.len = saved
print(probe("ab"))

for bad in [lambda: ord("ab"), lambda: ord(""), lambda: len(3), lambda: abs("x"),
            lambda: isinstance(1, 2), lambda: len(), lambda: len([], []),
            lambda: ord(c="a"), lambda: isinstance(1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


def shadowed():
    def ord(c):
        return -1
    return ord("a")


print(shadowed())


def nested_len(n):
    return len([len(str(i)) for i in range(n)])


print(nested_len(12))


# list/tuple/set of one iterable.
def gen(n):
    for i in range(n):
        yield i * i % 5


t = (1, 2)


class T(tuple):
    pass


print(list(gen(6)), tuple(gen(6)), sorted(set(gen(6))), list("ab"), tuple({3: 4}))
print(tuple(t) is t, type(tuple(T((1, 2)))).__name__, tuple(T((1, 2))) == t, set("aab") == {"a", "b"})
print(len(set(x % 3 for x in range(10))), list(range(3)), tuple([]), list(()), set())
for bad in [lambda: list(5), lambda: tuple(None), lambda: set([[1]]), lambda: list(iterable=[1]),
            lambda: set(1, 2), lambda: tuple(x for x in 1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


def rebound():
    global list
    list = lambda x: "mine"
    r = list((1,))
    del list
    return r, list((1,))


print(rebound())

# hash() of objects whose __hash__ returns an int: word-sized values are kept as they are
# (so delegating to hash(y) gives y's hash), huge ones are reduced, -1 becomes -2.
class Delegate:
    def __init__(self, key):
        self.key = key

    def __hash__(self):
        return hash(self.key)

    def __eq__(self, other):
        return self.key == other


class Fixed:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


for key in ("CIRCLE", "", (1, "a"), 2 ** 40, -7, 3.5, None):
    print(repr(key), hash(Delegate(key)) == hash(key))
for h in (0, 1, -1, -2, 2 ** 62, -(2 ** 63), 2 ** 63 - 1, 2 ** 63, 2 ** 64 + 5, -(2 ** 70), True):
    print(h, hash(Fixed(h)))
print({Delegate("x"): 1}["x"], "x" in {Delegate("x")})
try:
    hash(Fixed("no"))
except TypeError as e:
    print(type(e).__name__, e)

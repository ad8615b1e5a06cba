# Unpacking exact tuples and lists reads their items; subclasses go through
# their own __iter__, as in CPython.
class T(tuple):
    def __iter__(self):
        yield "x"
        yield "y"
class L(list):
    def __iter__(self):
        return iter([7, 8])
a, b = T((5, 6)); print(a, b)
a, b = L([1, 2]); print(a, b)
for a, b in [T((1, 2)), L([3, 4]), (5, 6)]:
    print(a, b)
class P(tuple):
    pass
a, b = P((1, 2)); print(a, b)
try:
    a, b = T((1, 2, 3)) + (4,)
except ValueError as e:
    print("VE", e)

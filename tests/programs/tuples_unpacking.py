# Tuples and every kind of unpacking.
t = (1, 2, 3)
a, b, c = t
print(a, b, c, t[1:], t * 2, t + (4,), len(t), t.index(2), t.count(3))
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
x, *mid, y = range(6)
print(first, rest, init, last, x, mid, y)
(p, q), r = (1, 2), 3
print(p, q, r)
a, b = b, a
print(a, b)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
print((1,), (), tuple([1, 2]), tuple("ab"), (1, 2) == (1, 2), (1, 2) < (1, 3))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)])

# Sets and frozensets: algebra, methods, iteration order of ints.
s = {3, 1, 2}
s.add(4)
s.discard(10)
s.remove(1)
print(s, len(s), 2 in s, sorted(s))
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([9]), a.intersection(b, {4}), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < {1, 2}, a >= {1}, a.isdisjoint({7}), a.issubset(range(10)))
f = frozenset([1, 2, 2, 3])
print(f, f | {9}, frozenset(), set(), {x % 3 for x in range(10)})
print({frozenset({1}): "key"}[frozenset([1])], hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
c = {32, 1, 2, 64}
print(c, set(range(20, 0, -3)))
c.update([100, 7])
print(c, c.pop(), c)
t = {1, 2, 3}
t &= {2, 3, 4}
t |= {10}
t -= {2}
t ^= {3, 11}
print(t)
try:
    {1}.remove(5)
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
print(set("abc") == set("cba"), {1, 2} == frozenset({1, 2}))

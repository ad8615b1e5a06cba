# List/set/dict comprehensions and generator expressions, nested and scoped.
print([x * x for x in range(6) if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print({x % 4 for x in range(10)}, {c: ord(c) for c in "abc"})
print([[r * c for c in range(3)] for r in range(3)])
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
x = "outer"
print([x for x in range(3)], x)
n = 10
print([i + n for i in range(3)])
def make():
    k = 5
    return [lambda: k * i for i in range(3)]
print([f() for f in make()])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(row) for row in zip(*matrix)], [v for row in matrix for v in row if v % 2])
print(list(filter(None, [0, 1, "", "a", None, [1]])), list(map(str, range(3))))
words = ["apple", "bob", "kayak", "level", "noon", "python"]
print([w for w in words if w == w[::-1]], {len(w): w for w in words})
print(any(w.startswith("p") for w in words), all(len(w) > 2 for w in words))
gen = (c.upper() for c in "xyz")
print(next(gen), list(gen))
print([(a, b) for a, b in enumerate("hi", start=1)])
class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(K.doubled)

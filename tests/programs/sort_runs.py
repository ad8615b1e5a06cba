# Sorting: stability and results for many sizes and shapes of input, and
# (below 64 items, where both are binary insertion after one run) the
# exact sequence of comparisons CPython's sort makes.
import random

random.seed(11)
for n in (0, 1, 2, 3, 10, 63, 64, 65, 100, 127, 128, 129, 1000, 5000):
    for shape in ("random", "sorted", "reversed", "few", "saw"):
        if shape == "random":
            xs = [random.randrange(1000) for _ in range(n)]
        elif shape == "sorted":
            xs = list(range(n))
        elif shape == "reversed":
            xs = list(range(n, 0, -1))
        elif shape == "few":
            xs = [random.randrange(3) for _ in range(n)]
        else:
            xs = [i % 17 for i in range(n)]
        pairs = [(x, i) for i, x in enumerate(xs)]
        by_key = sorted(pairs, key=lambda p: p[0])
        assert by_key == sorted(pairs), (n, shape)
        desc = sorted(pairs, key=lambda p: p[0], reverse=True)
        assert [p[0] for p in desc] == sorted(xs, reverse=True), (n, shape)
        # reverse keeps equal items in their original order
        assert all(desc[i][1] < desc[i + 1][1] for i in range(len(desc) - 1) if desc[i][0] == desc[i + 1][0])
        print(n, shape, sum(x * (i + 1) for i, x in enumerate(sorted(xs))) % 99991, sorted(map(str, xs))[:2])

log = []


class K:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        log.append((self.v, other.v))
        return self.v < other.v


for n in (2, 5, 17, 40, 63):
    vals = [random.randrange(20) for _ in range(n)]
    log.clear()
    sorted(K(v) for v in vals)
    print(n, len(log), log[:12])
    log.clear()
    sorted([K(v) for v in range(n)][::-1])
    print("desc", n, len(log), log[:6])

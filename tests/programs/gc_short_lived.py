# Allocates many short-lived objects (tuples, small instances, lists,
# strings) while keeping a small live set; the gc test runs it with a large
# count and checks that peak memory stays small.
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    keep = []
    total = 0
    for i in range(n):
        t = (i, i + 1)
        p = Point(t[0], t[1])
        total += p.x + p.y
        if i % 1000 == 0:
            keep.append(str(i))
            if len(keep) > 50:
                keep = keep[25:]
    print(n, total, len(keep), keep[-1])


main()

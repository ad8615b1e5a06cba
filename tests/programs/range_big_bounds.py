# range() with bounds beyond i64: len, indexing, slicing, in, iteration.
big = 10 ** 20
r = range(big, big + 10, 3)
print(r, len(r), list(r), r[1], r[-1], big + 3 in r, big + 4 in r, r.index(big + 6), r.count(big))
print(r[1:], r[::-1], r[::-2], r[5:], range(-big, big, big // 2), list(range(-big, big, big // 2)))
R = range(10 ** 30)
print(R[10 ** 29], R[-1], 10 ** 29 in R, -1 in R, R[10 ** 29:10 ** 29 + 4], bool(R), bool(range(big, 0)))
try:
    len(R)
except OverflowError as e:
    print("OverflowError:", e)
try:
    R[10 ** 30]
except IndexError as e:
    print("IndexError:", e)
try:
    range(5)[10 ** 20]
except IndexError as e:
    print("IndexError:", e)
print(R == range(0, 10 ** 30), R == range(1, 10 ** 30), R.start, R.stop, R.step)
print(list(range(2 ** 62, 2 ** 62 + 3)), list(range(2 ** 63 - 2, 2 ** 63 + 2)))
it = iter(R)
print(next(it), next(it), 3.0 in r, float(big) in range(big, big + 1))

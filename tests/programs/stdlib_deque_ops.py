# deque against CPython: a long deterministic pseudo-random sequence of operations for
# several maxlens, and permutation/combination counts and order.
from collections import deque
import itertools as it
seed = 7
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
for maxlen in (None, 0, 1, 5, 20):
    d = deque(maxlen=maxlen)
    ref = []
    log = []
    for step in range(3000):
        op = rnd(12)
        v = rnd(100)
        try:
            if op == 0: d.append(v)
            elif op == 1: d.appendleft(v)
            elif op == 2: log.append(d.pop())
            elif op == 3: log.append(d.popleft())
            elif op == 4: d.extend(range(v % 7))
            elif op == 5: d.extendleft(range(v % 5))
            elif op == 6: d.rotate(v - 50)
            elif op == 7: log.append(d[v % 40 - 20])
            elif op == 8: del d[v % 30 - 15]
            elif op == 9: d.insert(v % 30 - 15, v)
            elif op == 10: d.remove(v % 10)
            elif op == 11: log.append(d.index(v % 10))
        except (IndexError, ValueError) as e:
            log.append(type(e).__name__ + str(e))
        if step % 500 == 0:
            log.append(list(d))
    print(maxlen, len(d), list(d), log[-50:], len(log))
for n in range(5):
    for r in range(6):
        print(n, r, list(it.permutations(range(n), r)) == sorted(it.permutations(range(n), r)), len(list(it.permutations(range(n), r))), list(it.combinations_with_replacement(range(n), r))[:3], len(list(it.combinations(range(n), r))))

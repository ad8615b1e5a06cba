# heapq: push/pop/heapify/replace/pushpop/merge/nlargest/nsmallest.
import heapq


def show(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:
        print(label, type(e).__name__, e)


data = [(i * 7919) % 101 for i in range(60)]
h = []
for x in data:
    heapq.heappush(h, x)
ok = all(h[i] <= h[c] for i in range(len(h)) for c in (2 * i + 1, 2 * i + 2) if c < len(h))
print(ok, [heapq.heappop(h) for _ in range(10)])
copy = list(data)
heapq.heapify(copy)
print(sorted(data) == [heapq.heappop(copy) for _ in range(len(data))])
show("pop empty", lambda: heapq.heappop([]))
show("replace empty", lambda: heapq.heapreplace([], 1))
show("not list", lambda: heapq.heapify((1,)))
show("push tuple", lambda: heapq.heappush((), 1))
print(heapq.heappushpop([], 5), heapq.heappushpop([1, 2], 0), heapq.heappushpop([1, 2], 3))
print(list(heapq.merge([1, 3, 5], [2, 4], [], [0, 6])))
print(list(heapq.merge(["bb", "c"], ["a", "ddd"], key=len)))
print(list(heapq.merge([5, 3, 1], [4, 2], reverse=True)))
print(list(heapq.merge([(1, "a"), (2, "b")], [(1, "c")], key=lambda t: t[0])))
print(heapq.nlargest(3, data), heapq.nsmallest(3, data), heapq.nlargest(0, data), heapq.nsmallest(10, [3, 1]))
print(heapq.nsmallest(2, ["ccc", "a", "bb"], key=len), heapq.nlargest(2, [(1, "x"), (1, "y"), (0, "z")], key=lambda t: t[0]))
pq = []
for prio, name in [(2, "b"), (1, "a"), (3, "c"), (1, "aa")]:
    heapq.heappush(pq, (prio, name))
print([heapq.heappop(pq) for _ in range(4)])

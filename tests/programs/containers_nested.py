# Nested containers, identity vs equality, copying, sorting records.
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
shared = [[0] * 3] * 3
shared[0][0] = 1
print(grid, shared)
records = [
    {"name": "ann", "age": 31, "tags": ["a"]},
    {"name": "bob", "age": 25, "tags": []},
    {"name": "cy", "age": 31, "tags": ["b", "c"]},
]
by_age = sorted(records, key=lambda r: (-r["age"], r["name"]))
print([r["name"] for r in by_age], sum(len(r["tags"]) for r in records))
groups = {}
for r in records:
    groups.setdefault(r["age"], []).append(r["name"])
print(groups)
a = [1, [2, 3]]
b = list(a)
b[1].append(4)
print(a, b, a == b, a is b, a[1] is b[1])
t = ([1], 2)
t[0].append(5)
print(t, (1, [2]) == (1, [2]))
stack, queue = [], []
for i in range(3):
    stack.append(i)
    queue.append(i)
print(stack.pop(), queue.pop(0), stack, queue)
matrix = [[1, 2], [3, 4]]
transposed = [list(col) for col in zip(*matrix)]
flat = [v for row in matrix for v in row]
print(transposed, flat, [sum(r) for r in matrix], list(map(list, zip(*transposed))))
inventory = {"apple": {"count": 3}, "pear": {"count": 0}}
print([k for k, v in inventory.items() if v["count"]], len(inventory))
print(sorted({3: "c", 1: "a", 2: "b"}.items()), list({}.items()))

# Dicts: insertion order, methods, views as lists, comprehensions.
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
d.update({"a": 10, "d": 4})
print(d, d.pop("b"), d.setdefault("e", 5), d.setdefault("a", 0))
del d["c"]
print(d)
for k, v in d.items():
    print(k, v, end="; ")
print()
print({k: v * 2 for k, v in d.items() if v > 4})
print(dict(x=1, y=2), dict([("p", 1)]), dict.fromkeys("ab", 0))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1]))
merged = {**{"a": 1}, **{"b": 2}, "c": 3}
print(merged, {"a": 1} | {"a": 2})
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
nested = {"outer": {"inner": [1, 2]}}
nested["outer"]["inner"].append(3)
print(nested, d.popitem(), d)
d.clear()
print(d, {1: "int", 1.0: "float"})

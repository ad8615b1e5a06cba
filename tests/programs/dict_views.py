# dict.keys()/values()/items() are live views; reversed() on dicts and views.
d = {"one": 1, "two": 2, "three": 3}
ks, vs, its = d.keys(), d.values(), d.items()
print(ks, vs, its, type(ks).__name__, type(vs).__name__, type(its).__name__)
d["four"] = 4
print(list(ks), list(vs), len(its), len(ks))
print("two" in ks, 2 in vs, ("three", 3) in its, ("three", 4) in its, 5 in its)
print(sorted(ks & {"one", "five"}), sorted(ks | {"five"}), sorted(ks - {"one"}))
print(sorted(ks ^ {"one", "zero"}), sorted({"zero"} | ks), sorted(["one"] & ks))
print(sorted(its & {("one", 1), ("two", 3)}), sorted(its - [("one", 1), ("two", 2)]))
print(list(reversed(d)), list(reversed(d.values())), list(reversed(its)))
del d["one"]
print(list(ks), list(vs), list(its))
print(d.keys() == {"two", "three", "four"}, {"two", "three", "four"} == d.keys())
print(ks == {"two"}, ks != {"two"}, ks <= {"two", "three", "four", "x"})
print(list(d) == list(d.keys()), ks.isdisjoint(["x", "y"]), ks.isdisjoint(["two"]))
print({"a": 1}.items() == {("a", 1)}, {"a": 1}.values() == {"a": 1}.values())
try:
    hash(ks)
except TypeError as e:
    print("TypeError:", e)
try:
    for k in ks:
        d["new"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)


class Sub(dict):
    pass


s = Sub(x=1, y=2)
print(s.keys(), s.items(), list(reversed(s)), list(reversed(s.keys())))

# Class bodies: namespace, class-level code, closures over class bodies, __class__.
def make_class(tag):
    class Tagged:
        label = tag
        upper = tag.upper()
        def get(self):
            return tag + "!"
        items = [tag * i for i in range(3)]
    return Tagged
T = make_class("ab")
print(T.label, T.upper, T().get(), T.items, T.__qualname__)
class Registry:
    entries = []
    for i in range(3):
        entries.append(i * i)
    del i
    total = sum(entries)
    if total > 3:
        big = True
    else:
        big = False
print(Registry.entries, Registry.total, Registry.big, hasattr(Registry, "i"))
def shadowing():
    x = "function x"
    class C:
        x = "class x"
        y = x
        def method(self):
            return x
    return C.y, C().method()
print(shadowing())
class Outer:
    class Inner:
        value = 7
    def make(self):
        return self.Inner()
print(Outer.Inner.value, type(Outer().make()).__qualname__, Outer.Inner.__qualname__)
class Doc:
    "Class docstring."
    attr: int = 3
print(Doc.__doc__, Doc.attr, Doc.__annotations__, Doc.__module__)
class Counted:
    count = 0
    def __init__(self):
        type(self).count += 1
Counted(); Counted()
print(Counted.count, vars(Counted)["count"])
class WithSuper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
w = WithSuper()
w["a"] = 5
print(w, dict(w), isinstance(w, dict))

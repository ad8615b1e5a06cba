# Context managers: __enter__/__exit__, suppression, nesting, errors.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
try:
    with CM("c"):
        raise KeyError("kept")
except KeyError as e:
    print("propagated", e)
with CM("outer") as o, CM("inner") as i:
    print(o, i)
def early():
    with CM("ret"):
        return "returned"
print(early())
for n in range(3):
    with CM(f"loop{n}"):
        if n == 1:
            continue
        if n == 2:
            break
try:
    with 42:
        pass
except TypeError as e:
    print("TypeError:", e)
class Bad:
    def __enter__(self):
        return self
try:
    with Bad():
        pass
except TypeError as e:
    print("TypeError:", e)

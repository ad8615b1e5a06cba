# globals(), locals(), vars(), dir() of the calling scope.
counter = 0
def show(a, b=2, *rest, **kw):
    total = a + b
    def inner():
        return total
    return sorted(locals()), dir()
print(show(1))
print(sorted(k for k in globals() if not k.startswith("__")))
globals()["injected"] = "via globals()"
print(injected)
class Namespace:
    x = 1
    y = x + 1
    names = sorted(locals())
print(Namespace.names, sorted(vars(Namespace))[:3])
def comprehension_scope():
    items = [1, 2]
    return [sorted(locals()) for _ in range(1)]
print(comprehension_scope())

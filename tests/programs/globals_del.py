# Global and module-level names, del of every kind of target, __name__.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter, __name__)
def make_global():
    global created
    created = "yes"
make_global()
print(created)
a = 1
del a
try:
    a
except NameError as e:
    print("NameError:", e)
lst = [0, 1, 2, 3, 4]
del lst[1], lst[-1]
print(lst)
d = {"x": 1, "y": 2}
del d["x"]
print(d)
class O:
    pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
def local_del():
    v = 10
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(local_del())
try:
    del undefined_name
except NameError as e:
    print("NameError:", e)
try:
    del d["missing"]
except KeyError as e:
    print("KeyError:", e)
if __name__ == "__main__":
    print("running as main")
print(type(__builtins__).__name__ in ("module", "dict"), __doc__)

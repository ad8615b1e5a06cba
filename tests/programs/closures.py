# Closures: cells, nonlocal, late binding, closures over arguments.
def counter():
    count = 0
    def inc(by=1):
        nonlocal count
        count += by
        return count
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(10), c2())
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)], [lambda x: x + i for i in range(3)]
early, late = make_adders()
print([f(10) for f in early], [f(10) for f in late])
def outer(x):
    def middle():
        def inner():
            return x * 2
        return inner
    return middle()()
print(outer(21))
def arg_cell(value):
    def get():
        return value
    value += 1
    return get
print(arg_cell(1)())
def shadow():
    x = "outer"
    def f():
        x = "inner"
        return x
    return f(), x
print(shadow())
x = "global"
def read_global():
    return x
def write_global():
    global x
    x = "changed"
write_global()
print(read_global())
def unbound():
    def f():
        return y
    try:
        f()
    except NameError as e:
        print("NameError:", e)
    y = 1
unbound()
def local_unbound():
    try:
        print(z)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    z = 1
local_unbound()
print(counter().__closure__ is not None, counter.__closure__)

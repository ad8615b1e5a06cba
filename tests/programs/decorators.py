# Decorators: functions, with arguments, stacked, on classes, wrapping metadata.
def trace(fn):
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        print(f"{fn.__name__}{args} -> {result}")
        return result
    wrapper.__name__ = fn.__name__
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, 3)
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("x"), hello.__name__)
def bold(fn):
    return lambda: "<b>" + fn() + "</b>"
def italic(fn):
    return lambda: "<i>" + fn() + "</i>"
@bold
@italic
def text():
    return "t"
print(text())
def register(cls):
    cls.registered = True
    return cls
@register
class Plugin:
    pass
print(Plugin.registered)
memo_calls = []
def memoize(fn):
    cache = {}
    def inner(n):
        if n not in cache:
            memo_calls.append(n)
            cache[n] = fn(n)
        return cache[n]
    return inner
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(40), len(memo_calls))
def logged(fn):
    def wrapper(self):
        print("calling", fn.__name__, "on", type(self).__name__)
        return fn(self)
    return wrapper
class Cls:
    @property
    @logged
    def p(self):
        return 1
print(Cls().p)

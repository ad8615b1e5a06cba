# Star and double-star in calls, literals and assignments.
def show(*args, **kwargs):
    return f"{args} {sorted(kwargs.items())}"
nums, opts = [1, 2], {"b": 2}
print(show(*nums, 3, *range(2), **opts, c=3, **{"d": 4}))
print([*nums, *"ab", *(5,)], (*nums, 9), {*nums, 7}, {**opts, "a": 0, **{"b": 9}})
first, *middle, last = *nums, *nums
print(first, middle, last)
try:
    show(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    show(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    show(**[1])
except TypeError as e:
    print("TypeError:", e)
try:
    [*5]
except TypeError as e:
    print("TypeError:", e)
try:
    {**[1]}
except TypeError as e:
    print("TypeError:", e)
def kw(**k):
    return k
print(kw(**{"x": 1}), kw(**dict(y=2), z=3))
args = (1, 2, 3)
print(max(*args), "{}-{}-{}".join("ab") if False else "-".join(map(str, args)))

# itertools: every function, including argument errors.
import itertools as it


def show(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:
        print(label, type(e).__name__, e)


print(list(it.islice(it.count(2.5, 0.5), 3)), repr(it.count(3)), repr(it.count(1, 2)))
c = it.count(5)
next(c)
print(repr(c))
print(list(it.repeat(1, 0)), list(it.repeat("a", -2)), repr(it.repeat("z", 2)))
print(list(it.islice(it.cycle([]), 3)), list(it.islice(it.cycle("ab"), 5)))
print(list(it.accumulate([])), list(it.accumulate([5], initial=1)), list(it.accumulate("abc")))
print(list(it.chain()), list(it.chain.from_iterable(["ab", "cd"])))
print(list(it.compress(range(10), [1, 0] * 5)), list(it.filterfalse(None, [0, 1, "", "x"])))
print(list(it.islice(range(10), 2, None)), list(it.islice(range(10), None)), list(it.islice(range(10), 1, 8, 3)))
print(list(it.islice(range(3), 10)), list(it.islice(iter(range(10)), 5, 2)))
gen = iter(range(10))
print(list(it.islice(gen, 3)), next(gen))
print(list(it.starmap(lambda a, b: a - b, [(5, 1), (9, 3)])))
print(list(it.takewhile(bool, [1, 2, 0, 3])), list(it.dropwhile(bool, [1, 2, 0, 3])))
print(list(it.zip_longest()), list(it.zip_longest([1, 2], "abc", [True])))
print(list(it.pairwise([])), list(it.pairwise(range(4))))
groups = it.groupby("aabbbc")
first_key, first_group = next(groups)
second_key, second_group = next(groups)
print(first_key, list(first_group), second_key, list(second_group))
print([(k, len(list(g))) for k, g in it.groupby([1, 1, 2, 2, 2, 1])])
a, b, c3 = it.tee(iter(range(4)), 3)
print(next(a), next(a), list(b), list(a), list(c3))
print(it.tee([1], 0))
print(list(it.product()), list(it.product("ab", repeat=0)), list(it.product("ab", "")))
print(list(it.product(range(2), "xy", repeat=1)))
print(list(it.permutations([])), list(it.permutations("ab", 0)), list(it.permutations("ab", 3)))
print(list(it.permutations(range(4), 2)))
print(list(it.combinations(range(5), 3)), list(it.combinations("ab", 0)), list(it.combinations("ab", 3)))
print(list(it.combinations_with_replacement(range(3), 2)), list(it.combinations_with_replacement("", 0)), list(it.combinations_with_replacement("", 1)))
print(len(list(it.permutations(range(7)))), sum(1 for _ in it.combinations(range(20), 3)))
show("count str", lambda: it.count("a"))
show("islice few", lambda: it.islice(range(3)))
show("islice stop", lambda: it.islice(range(3), -1))
show("islice start", lambda: it.islice(range(3), -1, 2))
show("islice step", lambda: it.islice(range(3), 0, 3, 0))
show("islice float", lambda: it.islice(range(3), 1.5))
show("islice iter", lambda: it.islice(1, 3))
show("comb r", lambda: it.combinations("abc", -1))
show("perm r", lambda: it.permutations("abc", -1))
show("product repeat", lambda: it.product("a", repeat=-1))
show("accumulate", lambda: it.accumulate(1))
show("tee n", lambda: it.tee([1], -1))
show("pairwise", lambda: it.pairwise(1))
show("groupby", lambda: it.groupby(1))
show("cycle", lambda: it.cycle(1))
show("chain lazy", lambda: next(it.chain(1)))
show("starmap", lambda: list(it.starmap(pow, [1])))
show("repeat times", lambda: it.repeat(1, "a"))

# Argument errors of every function, in CPython's two styles.

names=['count','cycle','repeat','accumulate','chain','compress','dropwhile','filterfalse','groupby','islice','pairwise','starmap','takewhile','tee','zip_longest','product','permutations','combinations','combinations_with_replacement']
for n in names:
    f=getattr(it,n)
    for args,kw in [((),{}),((1,2,3,4,5),{}),(([1],),{'bogus':1})]:
        try:
            f(*args,**kw)
            r='ok'
        except Exception as e:
            r=type(e).__name__+': '+str(e)
        print(n, len(args), bool(kw), r)
cases = [
    ('it.accumulate(1,2,3)', lambda: it.accumulate(1,2,3)),
    ('it.accumulate([1], func=None, initial=1, x=3)', lambda: it.accumulate([1], func=None, initial=1, x=3)),
    ('it.permutations([1], iterable=[2])', lambda: it.permutations([1], iterable=[2])),
    ('it.count(1, start=2)', lambda: it.count(1, start=2)),
    ('it.product([1], repeat=1, bogus=2)', lambda: it.product([1], repeat=1, bogus=2)),
    ('it.repeat(object=1, times=2)', lambda: it.repeat(object=1, times=2)),
    ('it.tee([1], n=2)', lambda: it.tee([1], n=2)),
    ('it.chain.from_iterable()', lambda: it.chain.from_iterable()),
    ('it.zip_longest([1], bogus=1, fillvalue=2)', lambda: it.zip_longest([1], bogus=1, fillvalue=2)),
    ('list(it.accumulate([1,2], initial=5))', lambda: list(it.accumulate([1,2], initial=5))),
    ('list(it.combinations(r=1, iterable="ab"))', lambda: list(it.combinations(r=1, iterable="ab"))),
    ('list(it.islice("abcdef", 1, None, 2))', lambda: list(it.islice("abcdef", 1, None, 2))),
    ('list(it.zip_longest("ab", "c", fillvalue="?"))', lambda: list(it.zip_longest("ab", "c", fillvalue="?"))),
    ('it.tee([1,2])[1].__next__()', lambda: it.tee([1,2])[1].__next__()),
    ('repr(it.count(start=3, step=2))', lambda: repr(it.count(start=3, step=2))),
]
for label, thunk in cases:
    try:
        print(label, thunk())
    except Exception as x:
        print(label, type(x).__name__, x)

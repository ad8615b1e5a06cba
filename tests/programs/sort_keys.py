# Sorting lists long enough for key prefixes: ties the prefixes cannot
# break, components off the first key's shape, and types whose `<` is
# Python code must all sort (and fail) exactly as CPython does.


def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        yield seed >> 8


def take(gen, n):
    return [next(gen) for _ in range(n)]


rng = lcg(7)
syll = ["ka", "ro", "a", "the", "", "\0", "é", "zz"]
words = ["".join(syll[x % len(syll)] for x in take(rng, 1 + next(rng) % 4)) for _ in range(300)]
print(sorted(words)[:12])
print(sorted(words, reverse=True)[:8])
print(sorted(words) == sorted(words, key=lambda w: w.encode("utf-8")))

# Strs sharing long prefixes: decided past the prefix bytes.
stem = "x" * 40
longs = [stem + str(n % 13) + "y" * (n % 3) for n in take(rng, 60)]
print(sorted(longs)[:5], sorted(longs)[-3:])

# Count-and-word keys, stable among equal keys.
pairs = [(w, n % 5) for w, n in zip(words, take(rng, 300))]
ranked = sorted(pairs, key=lambda kv: (-kv[1], kv[0]))
print(ranked[:6], ranked[-3:])
print(sorted(pairs, key=lambda kv: kv[1])[:10])

# Nested tuples of varying length and type.
mixed_len = [tuple(range(n % 4)) for n in take(rng, 40)] + [(1, "a"), (1, "b"), (0, 2.5)]
try:
    print(sorted(mixed_len))
except TypeError as e:
    print("TypeError:", e)
print(sorted(t for t in mixed_len if all(isinstance(x, int) for x in t))[:12])

# Floats: -0.0 and 0.0 are equal (stability shows it), NaNs are unordered.
floats = [((n % 7) - 3) / 2 for n in take(rng, 30)] + [-0.0, 0.0, -0.0, 1e308, -1e308, float("inf")]
print(sorted(floats))
print([repr(f) for f in sorted(floats) if f == 0])
with_nan = [3.0, float("nan"), 1.0] + [float(n % 5) for n in take(rng, 20)]
print(sorted(with_nan))

# Bools and big ints beside small ints.
ints = [n % 9 - 4 for n in take(rng, 20)] + [True, False, 2**70, -(2**70), 2**47, -(2**47) - 1]
print(sorted(ints))
print(sorted([(i, str(i)) for i in ints])[:5])


class Rev(str):
    def __lt__(self, other):
        return str.__gt__(self, other)


revs = [Rev(w) for w in words[:40]]
print(sorted(revs)[:5])
print(sorted(words[:20] + [Rev("zzz")] * 2)[:3])

# A comparison that fails part-way raises CPython's error.
bad = [(n % 3, str(n)) for n in take(rng, 30)] + [(1, 5)]
try:
    sorted(bad)
except TypeError as e:
    print("TypeError:", e)
print(sorted([(1, None)] * 20) == [(1, None)] * 20)

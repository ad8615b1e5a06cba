# random: CPython's exact sequences for every seeding and algorithm.
import random

random.seed(42)
print(random.random(), random.getrandbits(1), random.getrandbits(32), random.getrandbits(100))
print([random.randrange(10) for _ in range(10)])
print([random.randint(-5, 5) for _ in range(10)])
print(random.randrange(0, 1000, 37), random.randrange(100, 0, -3))
print(random.randrange(10 ** 30))
print(random.choice("abcdef"), random.choice([1, 2, 3]), random.choice(range(1000)))
x = list(range(20))
random.shuffle(x)
print(x)
print(random.sample(range(1000), 10), random.sample("abcdefg", 3))
print(random.sample(range(10 ** 6), 5))
print(random.choices(range(10), k=5))
print(random.choices("xyz", cum_weights=[1, 5, 10], k=8))
print(random.uniform(-1, 1), random.triangular(), random.triangular(1, 5, 2))
print(random.gauss(), random.gauss(5, 2), random.normalvariate(0, 3))
print(random.expovariate(0.5), random.lognormvariate(0, 1))
print(random.gammavariate(0.5, 1), random.gammavariate(1.0, 2), random.gammavariate(3, 1))
print(random.betavariate(0.5, 0.5), random.paretovariate(2), random.weibullvariate(1, 2))
print(random.vonmisesvariate(1, 4), random.vonmisesvariate(0, 0))
print(random.randbytes(6))

for seed in [0, 1, -1, 2 ** 64 + 5, 3.5, "", "hello", b"bytes", bytearray(b"ba")]:
    random.seed(seed)
    print(repr(seed), random.random())
random.seed("hello", version=1)
print(random.random())

r = random.Random(99)
state = r.getstate()
print(state[0], len(state[1]), state[2])
a = [r.random() for _ in range(3)]
r.setstate(state)
print(a == [r.random() for _ in range(3)])


class Fixed(random.Random):
    def random(self):
        return 0.5


f = Fixed(1)
print(f.randrange(10), f.choice("abc"), f.uniform(0, 4))


class Counted(random.Random):
    def __init__(self, seed):
        super().__init__(seed)
        self.calls = 0

    def getrandbits(self, k):
        self.calls += 1
        return super().getrandbits(k)


c = Counted(5)
print(c.randint(1, 6), c.randint(1, 6), c.calls > 0)

for bad in [lambda: random.randrange(0), lambda: random.randrange(5, 5),
            lambda: random.randrange(0, 10, 0), lambda: random.choice([]),
            lambda: random.sample([1, 2], 3), lambda: random.sample({1, 2}, 1),
            lambda: random.getrandbits(-1), lambda: random.seed([1]),
            lambda: random.choices([1, 2], [1]), lambda: random.gammavariate(0, 1),
            lambda: random.choices([1], [1], cum_weights=[1])]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)

# collections.abc: isinstance/issubclass through structural hooks and
# registered builtins, and the mixin methods of Sequence, Mapping and
# MutableSet. Needs abc.py (branch stdlib-cls): move to tests/programs/
# once both are merged.
from collections.abc import Iterable, Iterator, Sized, Container, Callable, Hashable, Sequence, MutableSequence, Mapping, MutableMapping, Set, MutableSet, Generator, Reversible, Collection
from collections import deque, OrderedDict, ChainMap
import collections.abc as cabc
def g():
    yield 1
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
class NoHash:
    __hash__ = None
print(isinstance([], Iterable), isinstance(1, Iterable), isinstance(It(), Iterator), isinstance(iter([]), Iterator))
print(isinstance([], Sequence), isinstance([], MutableSequence), isinstance((), MutableSequence), isinstance("s", Sequence))
print(isinstance({}, Mapping), isinstance({}, MutableMapping), isinstance(OrderedDict(), MutableMapping), isinstance(ChainMap(), MutableMapping))
print(isinstance(set(), Set), isinstance(frozenset(), MutableSet), isinstance(set(), MutableSet), isinstance(deque(), MutableSequence))
print(isinstance(g(), Generator), isinstance(len, Callable), isinstance(1, Callable), isinstance(NoHash(), Hashable), isinstance(1, Hashable))
print(isinstance([], Reversible), isinstance({}, Collection), issubclass(list, Sized), issubclass(int, Container), isinstance({}.keys(), Set))
class MySeq(Sequence):
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i * 10
s = MySeq(4)
print(list(s), 20 in s, s.index(30), s.count(10), list(reversed(s)), isinstance(s, Reversible))
class MyMap(Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __len__(self): return len(self.d)
    def __iter__(self): return iter(self.d)
m = MyMap({"a": 1, "b": 2})
print(m.get("a"), m.get("z"), "b" in m, list(m.keys()), list(m.items()), list(m.values()), m == {"a": 1, "b": 2})
print(m.keys() & {"a", "q"}, len(m.values()))
try:
    Sequence()
except TypeError as e:
    print("TypeError:", e)
class MySet(MutableSet):
    def __init__(self, it=()): self.items = list(dict.fromkeys(it))
    def __contains__(self, x): return x in self.items
    def __iter__(self): return iter(self.items)
    def __len__(self): return len(self.items)
    def add(self, x):
        if x not in self.items: self.items.append(x)
    def discard(self, x):
        if x in self.items: self.items.remove(x)
a = MySet([1, 2, 3])
print(sorted(a | {4}), sorted(a & {2, 3, 9}), sorted(a - {1}), a <= {1, 2, 3, 4}, a == {1, 2, 3})
a |= {7}
a -= {1}
print(sorted(a), a.isdisjoint([9]))
print(Iterable.__module__, Mapping.__name__, cabc.Sized)

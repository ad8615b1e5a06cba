"""Abstract base classes for containers (krait's collections.abc, written
for krait).

Re-exports every ABC of _collections_abc (Iterable, Iterator, Sized,
Container, Callable, Hashable, Sequence, MutableSequence, Mapping,
MutableMapping, Set, MutableSet, Generator, Reversible, Collection, the
views and the async ABCs) and registers collections' own containers with
them (deque is a MutableSequence; ChainMap and UserDict are
MutableMappings; UserList a MutableSequence; UserString a Sequence).

Missing compared with CPython 3.11: see _collections_abc.
"""

from _collections_abc import *
from _collections_abc import __all__
from collections import deque as _deque, ChainMap as _ChainMap
from collections import UserDict as _UserDict, UserList as _UserList
from collections import UserString as _UserString

MutableSequence.register(_deque)
MutableMapping.register(_ChainMap)
MutableMapping.register(_UserDict)
MutableSequence.register(_UserList)
Sequence.register(_UserString)

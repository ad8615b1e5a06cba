"""Shallow and deep copy operations (krait's copy, written for krait).

Provides copy, deepcopy (with a memo dict that preserves sharing and
cycles) and the Error exception. Copies of built-in containers are made
directly; instances of other classes honour __copy__ / __deepcopy__, and
otherwise are copied by creating an uninitialised instance of the same
class (cls.__new__(cls), or __getnewargs__ for tuple subclasses such as
namedtuples) and copying its __dict__ and __slots__ attributes.

Missing compared with CPython 3.11: the pickle protocol (__reduce_ex__,
__reduce__, __getstate__/__setstate__, copyreg) is not consulted, so
objects whose state lives elsewhere than __dict__/__slots__ (for
example C-level state) are not copied faithfully.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

# Types whose values are immutable (or treated as atoms): both copies
# return them unchanged.
_ATOMIC = frozenset([type(None), int, float, bool, str, bytes,
                     type, range, type(Ellipsis), type(NotImplemented),
                     type(len), type(lambda: None), property, frozenset,
                     type(abs), slice])


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _ATOMIC or cls is tuple:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    if cls is bytearray:
        return bytearray(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        return x
    if cls is list:
        y = []
        memo[d] = y
        _keep_alive(x, memo)
        for item in x:
            y.append(deepcopy(item, memo))
        return y
    if cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        # A tuple that contained itself through a list was already copied.
        if d in memo:
            return memo[d]
        for a, b in zip(items, x):
            if a is not b:
                y = tuple(items)
                break
        else:
            y = x
        memo[d] = y
        _keep_alive(x, memo)
        return y
    if cls is dict:
        y = {}
        memo[d] = y
        _keep_alive(x, memo)
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
        return y
    if cls is set:
        y = set()
        memo[d] = y
        _keep_alive(x, memo)
        for item in x:
            y.add(deepcopy(item, memo))
        return y
    if cls is bytearray:
        y = bytearray(x)
        memo[d] = y
        return y
    copier = getattr(x, '__deepcopy__', None)
    if copier is not None and not isinstance(x, type):
        y = copier(memo)
    else:
        y = _reconstruct(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # The memo is keyed by id(): the originals must stay alive while it is
    # in use, or a new object could reuse an id. CPython keeps them in a
    # list stored under the memo's own id.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _slot_names(cls):
    names = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = f'_{klass.__name__.lstrip("_")}{name}'
            names.append(name)
    return names


def _reconstruct(x, memo):
    # A new instance of x's class made without calling __init__, then
    # given (copies of) x's attributes.
    deep = memo is not None
    cls = type(x)
    getnewargs = getattr(cls, '__getnewargs__', None)
    if getnewargs is not None:
        args = getnewargs(x)
        if deep:
            args = deepcopy(args, memo)
        y = cls.__new__(cls, *args)
    elif isinstance(x, (list, dict, set, tuple)):
        y = cls.__new__(cls)
    else:
        y = cls.__new__(cls)
    if deep:
        memo[id(x)] = y
        _keep_alive(x, memo)
    state = getattr(x, '__dict__', None)
    if state:
        if deep:
            state = deepcopy(state, memo)
        # (krait's __dict__ is a snapshot: the attributes are set one by one.)
        for name, value in state.items():
            object.__setattr__(y, name, value)
    for name in _slot_names(cls):
        try:
            value = getattr(x, name)
        except AttributeError:
            continue
        if deep:
            value = deepcopy(value, memo)
        object.__setattr__(y, name, value)
    # The contents of subclasses of the built-in containers.
    if isinstance(x, list):
        if deep:
            y.extend(deepcopy(item, memo) for item in x)
        else:
            y.extend(x)
    elif isinstance(x, dict):
        if deep:
            for key, value in x.items():
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in x.items():
                y[key] = value
    elif isinstance(x, set):
        if deep:
            for item in x:
                y.add(deepcopy(item, memo))
        else:
            y.update(x)
    return y

"""Functions creating iterators for efficient looping (krait's itertools,
written for krait).

Provides count, cycle, repeat, accumulate, chain (and
chain.from_iterable), compress, dropwhile, filterfalse, groupby, islice,
pairwise, starmap, takewhile, tee, zip_longest, product, permutations,
combinations and combinations_with_replacement, with CPython's argument
checks (done when the iterator is created, as CPython does) and messages.

Missing compared with CPython 3.11: most of these are generator functions
rather than types, so `isinstance(x, itertools.chain)` and the objects'
reprs differ (count and repeat are types with CPython's reprs); no
pickling support.
"""

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement',
           'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
           'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
           'takewhile', 'tee', 'zip_longest']


def _is_number(x):
    # CPython's PyNumber_Check: a number or anything convertible to one.
    if isinstance(x, (int, float)):
        return True
    cls = type(x)
    return (hasattr(cls, '__index__') or hasattr(cls, '__int__') or hasattr(cls, '__float__')
            or hasattr(cls, '__complex__'))


# CPython's itertools functions are built-in types whose argument errors
# read differently from a Python function's. Two styles exist:
# positional-only ones ("cycle expected 1 argument, got 0") and
# keyword-capable ones ("repeat() missing required argument 'object'
# (pos 1)"); these helpers check the arguments and raise those messages.

def _positional(name, args, kwargs, low, high):
    """The arguments of a positional-only function taking low..high."""
    if kwargs:
        raise TypeError(f'{name}() takes no keyword arguments')
    n = len(args)
    if low <= n <= high:
        return args
    if low == high:
        raise TypeError(f'{name} expected {low} argument{"" if low == 1 else "s"}, got {n}')
    if n < low:
        raise TypeError(f'{name} expected at least {low} argument{"" if low == 1 else "s"}, got {n}')
    raise TypeError(f'{name} expected at most {high} argument{"" if high == 1 else "s"}, got {n}')


_REQUIRED = object()


def _keywords(name, args, kwargs, params, max_positional=None):
    """The values of `params` ((name, default or _REQUIRED) pairs) bound
    from args and kwargs, checked as CPython's argument clinic checks."""
    if max_positional is None:
        max_positional = len(params)
    total = len(args) + len(kwargs)
    if total > len(params):
        raise TypeError(f'{name}() takes at most {len(params)} argument'
                        f'{"" if len(params) == 1 else "s"} ({total} given)')
    if len(args) > max_positional:
        raise TypeError(f'{name}() takes at most {max_positional} positional argument'
                        f'{"" if max_positional == 1 else "s"} ({len(args)} given)')
    values = []
    unused = dict(kwargs)
    for index, (param, default) in enumerate(params):
        if index < len(args):
            if param in unused:
                raise TypeError(f"argument for {name}() given by name ('{param}') "
                                f'and position ({index + 1})')
            values.append(args[index])
        elif param in unused:
            values.append(unused.pop(param))
        elif default is _REQUIRED:
            raise TypeError(f"{name}() missing required argument '{param}' (pos {index + 1})")
        else:
            values.append(default)
    for key in unused:
        raise TypeError(f"'{key}' is an invalid keyword argument for {name}()")
    return values


def _as_index(value, what):
    # An integer argument: anything with __index__, as CPython's
    # PyNumber_AsSsize_t would accept.
    if isinstance(value, int):
        return value
    method = getattr(type(value), '__index__', None)
    if method is None:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return method(value)


class count:
    """count(start=0, step=1) --> count object

    Return a count object whose .__next__() method returns consecutive values.
    """

    __slots__ = ('_value', '_step')

    def __init__(self, *args, **kwargs):
        start, step = _keywords('count', args, kwargs, (('start', 0), ('step', 1)))
        if not _is_number(start) or not _is_number(step):
            raise TypeError('a number is required')
        self._value = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._value
        self._value = value + self._step
        return value

    def __repr__(self):
        step = self._step
        if isinstance(step, int) and not isinstance(step, bool) and step == 1:
            return f'count({self._value!r})'
        return f'count({self._value!r}, {step!r})'


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly.
    """

    __slots__ = ('_object', '_times')

    def __init__(self, *args, **kwargs):
        object, times = _keywords('repeat', args, kwargs, (('object', _REQUIRED), ('times', None)))
        self._object = object
        if times is not None:
            times = _as_index(times, 'times')
            if times < 0:
                times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        times = self._times
        if times is None:
            return self._object
        if times <= 0:
            raise StopIteration
        self._times = times - 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return f'repeat({self._object!r})'
        return f'repeat({self._object!r}, {self._times})'


def _cycle(iterator):
    saved = []
    for element in iterator:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        yield from saved


def cycle(*args, **kwargs):
    """Return elements from the iterable until it is exhausted. Then repeat
    the sequence indefinitely."""
    iterable, = _positional('cycle', args, kwargs, 1, 1)
    return _cycle(iter(iterable))


def _accumulate(iterator, func, initial):
    total = initial
    if initial is None:
        for total in iterator:
            break
        else:
            return
    yield total
    if func is None:
        for element in iterator:
            total = total + element
            yield total
    else:
        for element in iterator:
            total = func(total, element)
            yield total


def accumulate(*args, **kwargs):
    """Return series of accumulated sums (or other binary function results)."""
    iterable, func, initial = _keywords('accumulate', args, kwargs, (
        ('iterable', _REQUIRED), ('func', None), ('initial', None)), 2)
    return _accumulate(iter(iterable), func, initial)


def chain(*iterables, **kwargs):
    """Return a chain object whose .__next__() method returns elements from
    the first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""
    if kwargs:
        raise TypeError('chain() takes no keyword arguments')
    return _from_iterable(iterables)


def _from_iterable(iterables):
    for iterable in iterables:
        yield from iterable


def _chain_from_iterable(*args):
    """Alternative chain() constructor taking a single iterable argument
    that evaluates lazily."""
    if len(args) != 1:
        raise TypeError(f'chain.from_iterable() takes exactly one argument ({len(args)} given)')
    return _from_iterable(args[0])


chain.from_iterable = _chain_from_iterable


def _compress(data, selectors):
    for datum, selector in zip(data, selectors):
        if selector:
            yield datum


def compress(*args, **kwargs):
    """Return data elements corresponding to true selector elements."""
    data, selectors = _keywords('compress', args, kwargs, (
        ('data', _REQUIRED), ('selectors', _REQUIRED)))
    return _compress(iter(data), iter(selectors))


def _dropwhile(predicate, iterator):
    for element in iterator:
        if not predicate(element):
            yield element
            break
    yield from iterator


def dropwhile(*args, **kwargs):
    """Drop items from the iterable while predicate(item) is true."""
    predicate, iterable = _positional('dropwhile', args, kwargs, 2, 2)
    return _dropwhile(predicate, iter(iterable))


def _takewhile(predicate, iterator):
    for element in iterator:
        if not predicate(element):
            return
        yield element


def takewhile(*args, **kwargs):
    """Return successive entries from an iterable as long as the predicate
    evaluates to true for each entry."""
    predicate, iterable = _positional('takewhile', args, kwargs, 2, 2)
    return _takewhile(predicate, iter(iterable))


def _filterfalse(predicate, iterator):
    if predicate is None:
        for element in iterator:
            if not element:
                yield element
    else:
        for element in iterator:
            if not predicate(element):
                yield element


def filterfalse(*args, **kwargs):
    """Return those items of iterable for which function(item) is false.
    If function is None, return the items that are false."""
    function, iterable = _positional('filterfalse', args, kwargs, 2, 2)
    return _filterfalse(function, iter(iterable))


def _starmap(function, iterator):
    for args in iterator:
        if type(args) is not tuple:
            # CPython's message for an argument that is not iterable.
            args = tuple(args)
        yield function(*args)


def starmap(*args, **kwargs):
    """Return an iterator whose values are returned from the function
    evaluated with an argument tuple taken from the given sequence."""
    function, iterable = _positional('starmap', args, kwargs, 2, 2)
    return _starmap(function, iter(iterable))


def _pairwise(iterator):
    for a in iterator:
        break
    else:
        return
    for b in iterator:
        yield (a, b)
        a = b


def pairwise(*args, **kwargs):
    """Return an iterator of overlapping pairs taken from the input iterator.

        s -> (s0,s1), (s1,s2), (s2, s3), ...
    """
    iterable, = _positional('pairwise', args, kwargs, 1, 1)
    return _pairwise(iter(iterable))


_ISLICE_STOP = 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.'
_ISLICE_INDICES = 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.'


def _islice_arg(value, message):
    if value is None:
        return None
    if not isinstance(value, int) and not hasattr(type(value), '__index__'):
        raise ValueError(message)
    value = _as_index(value, '')
    if value < 0:
        raise ValueError(message)
    return value


def _islice(iterator, start, stop, step):
    index = 0
    # Skip up to start.
    while index < start:
        if stop is not None and index >= stop:
            return
        for _ in iterator:
            break
        else:
            return
        index += 1
    next_index = start
    while stop is None or next_index < stop:
        for element in iterator:
            break
        else:
            return
        if index == next_index:
            yield element
            next_index += step
        index += 1


def islice(*args, **kwargs):
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object

    Return an iterator whose next() method returns selected values from an
    iterable.
    """
    args = _positional('islice', args, kwargs, 2, 4)
    iterable = args[0]
    args = args[1:]
    if len(args) == 1:
        start = 0
        stop = _islice_arg(args[0], _ISLICE_STOP)
        step = 1
    else:
        start = _islice_arg(args[0], _ISLICE_INDICES)
        stop = _islice_arg(args[1], _ISLICE_STOP)
        if start is None:
            start = 0
        step = 1
        if len(args) == 3 and args[2] is not None:
            if not isinstance(args[2], int) and not hasattr(type(args[2]), '__index__'):
                raise ValueError('Step for islice() must be a positive integer or None.')
            step = _as_index(args[2], '')
            if step <= 0:
                raise ValueError('Step for islice() must be a positive integer or None.')
    iterator = iter(iterable)
    if stop is None and start == 0 and step == 1:
        return _identity(iterator)
    return _islice(iterator, start, stop, step)


def _identity(iterator):
    yield from iterator


def _zip_longest(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, iterator in enumerate(iterators):
            for value in iterator:
                break
            else:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def zip_longest(*iterables, **kwargs):
    """Return a zip_longest object whose .__next__() method returns a tuple
    where the i-th element comes from the i-th iterable argument, with
    missing values filled in by fillvalue."""
    fillvalue = kwargs.pop('fillvalue', None)
    if kwargs:
        raise TypeError('zip_longest() got an unexpected keyword argument')
    return _zip_longest([iter(it) for it in iterables], fillvalue)


class groupby:
    """make an iterator that returns consecutive keys and groups from the
    iterable; key is a function computing a key value for each element."""

    def __init__(self, *args, **kwargs):
        iterable, key = _keywords('groupby', args, kwargs, (('iterable', _REQUIRED), ('key', None)))
        self._iterator = iter(iterable)
        self._keyfunc = key
        # The sentinel makes the first __next__ step onto the first element.
        self._tgtkey = self._currkey = self._currvalue = _MISSING
        self._current_group = None

    def __iter__(self):
        return self

    def _step(self):
        value = next(self._iterator)
        self._currvalue = value
        self._currkey = value if self._keyfunc is None else self._keyfunc(value)

    def __next__(self):
        # A new group invalidates the previous group's iterator.
        self._current_group = token = object()
        if self._currkey is _MISSING:
            self._step()
        else:
            while self._currkey == self._tgtkey:
                self._step()
        self._tgtkey = self._currkey
        return (self._currkey, self._grouper(self._tgtkey, token))

    def _grouper(self, tgtkey, token):
        while self._current_group is token and self._currkey == tgtkey:
            yield self._currvalue
            try:
                self._step()
            except StopIteration:
                return


class _Missing:
    __slots__ = ()

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other

    def __hash__(self):
        return 0


_MISSING = _Missing()


class _TeeIterator:
    """One of the iterators returned by tee(): they share one buffer (a
    singly linked list of [value, next] cells) read from the source."""

    __slots__ = ('_source', '_link')

    def __init__(self, source, link):
        self._source = source
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        following = link[1]
        if following is None:
            value = next(self._source)
            following = [value, None]
            link[1] = following
        self._link = following
        return following[0]

    def __copy__(self):
        return _TeeIterator(self._source, self._link)


def tee(*args, **kwargs):
    """Returns a tuple of n independent iterators."""
    if kwargs:
        raise TypeError('itertools.tee() takes no keyword arguments')
    iterable, n = (_positional('tee', args, kwargs, 1, 2) + (2,))[:2]
    n = _as_index(n, 'n')
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    iterator = iter(iterable)
    if isinstance(iterator, _TeeIterator):
        first = iterator.__copy__()
    else:
        first = _TeeIterator(iterator, [None, None])
    result = [first]
    for _ in range(n - 1):
        result.append(first.__copy__())
    return tuple(result)


def _product(pools):
    for pool in pools:
        if not pool:
            return
    n = len(pools)
    indices = [0] * n
    yield tuple(pool[0] for pool in pools)
    while True:
        i = n - 1
        while i >= 0:
            indices[i] += 1
            if indices[i] < len(pools[i]):
                break
            indices[i] = 0
            i -= 1
        if i < 0:
            return
        yield tuple(pools[k][indices[k]] for k in range(n))


def product(*iterables, **kwargs):
    """Cartesian product of input iterables.  Equivalent to nested for-loops."""
    if len(kwargs) > 1:
        raise TypeError(f'product() takes at most 1 keyword argument ({len(kwargs)} given)')
    repeat = kwargs.pop('repeat', 1)
    for key in kwargs:
        raise TypeError(f"'{key}' is an invalid keyword argument for product()")
    repeat = _as_index(repeat, 'repeat')
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(it) for it in iterables] * repeat
    return _product(pools)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        i = r - 1
        while i >= 0 and indices[i] == i + n - r:
            i -= 1
        if i < 0:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def _check_r(r):
    r = _as_index(r, 'r')
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


def combinations(*args, **kwargs):
    """Return successive r-length combinations of elements in the iterable."""
    iterable, r = _keywords('combinations', args, kwargs, (('iterable', _REQUIRED), ('r', _REQUIRED)))
    pool = tuple(iterable)
    return _combinations(pool, _check_r(r))


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        i = r - 1
        while i >= 0 and indices[i] == n - 1:
            i -= 1
        if i < 0:
            return
        value = indices[i] + 1
        for j in range(i, r):
            indices[j] = value
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(*args, **kwargs):
    """Return successive r-length combinations of elements in the iterable
    allowing individual elements to have successive repeats."""
    iterable, r = _keywords('combinations_with_replacement', args, kwargs, (
        ('iterable', _REQUIRED), ('r', _REQUIRED)))
    pool = tuple(iterable)
    return _combinations_with_replacement(pool, _check_r(r))


def _permutations(pool, r):
    # The r-permutations in lexicographic order of positions: the chosen
    # positions are order[:r], the unused ones order[r:] in ascending order.
    # Reversing the unused tail and taking the next permutation of the
    # whole list gives the next r-permutation.
    n = len(pool)
    if r > n:
        return
    order = list(range(n))
    yield tuple(pool[i] for i in order[:r])
    while True:
        order[r:] = order[:r - 1:-1] if r else order[::-1]
        i = n - 2
        while i >= 0 and order[i] >= order[i + 1]:
            i -= 1
        if i < 0:
            return
        j = n - 1
        while order[j] <= order[i]:
            j -= 1
        order[i], order[j] = order[j], order[i]
        order[i + 1:] = order[:i:-1]
        yield tuple(pool[k] for k in order[:r])


def permutations(*args, **kwargs):
    """Return successive r-length permutations of elements in the iterable."""
    iterable, r = _keywords('permutations', args, kwargs, (('iterable', _REQUIRED), ('r', None)))
    pool = tuple(iterable)
    if r is None:
        r = len(pool)
    return _permutations(pool, _check_r(r))

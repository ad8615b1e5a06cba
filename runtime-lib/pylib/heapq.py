"""Heap queue algorithm (krait's heapq, written for krait).

Provides heappush, heappop, heapify, heapreplace, heappushpop, merge
(with key= and reverse=), nlargest and nsmallest (with key=), on plain
lists as min-heaps (a[k] <= a[2*k+1] and a[k] <= a[2*k+2]).

Missing compared with CPython 3.11: the private max-heap helpers
(_heappop_max, _heapify_max, ...) are not provided.
"""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge",
           "nlargest", "nsmallest", "heappushpop"]


def _check_list(name, heap):
    if not isinstance(heap, list):
        which = "argument" if name == "heapify" else "argument 1"
        raise TypeError(f"{name}() {which} must be list, not {type(heap).__name__}")


def _sift_down(heap, start, pos):
    # Moves heap[pos] up towards start until its parent is not larger.
    item = heap[pos]
    while pos > start:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if item < parent:
            heap[pos] = parent
            pos = parent_pos
            continue
        break
    heap[pos] = item


def _sift_up(heap, pos):
    # Moves the smaller child up until a leaf is reached, then places the
    # item there and bubbles it back towards pos (fewer comparisons).
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_down(heap, start, pos)


def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    _check_list("heappush", heap)
    heap.append(item)
    _sift_down(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _check_list("heappop", heap)
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        item = heap[0]
        heap[0] = last
        _sift_up(heap, 0)
        return item
    return last


def heapreplace(heap, item):
    """Pop and return the current smallest value, and add the new item."""
    _check_list("heapreplace", heap)
    if not heap:
        raise IndexError("index out of range")
    result = heap[0]
    heap[0] = item
    _sift_up(heap, 0)
    return result


def heappushpop(heap, item):
    """Fast version of a heappush followed by a heappop."""
    _check_list("heappushpop", heap)
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_up(heap, 0)
    return item


def heapify(x):
    """Transform list into a heap, in-place, in O(len(x)) time."""
    _check_list("heapify", x)
    for i in range(len(x) // 2 - 1, -1, -1):
        _sift_up(x, i)


def _heapify_max(x):
    for i in range(len(x) // 2 - 1, -1, -1):
        _sift_up_max(x, i)


def _sift_down_max(heap, start, pos):
    item = heap[pos]
    while pos > start:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if parent < item:
            heap[pos] = parent
            pos = parent_pos
            continue
        break
    heap[pos] = item


def _sift_up_max(heap, pos):
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_down_max(heap, start, pos)


def merge(*iterables, key=None, reverse=False):
    """Merge multiple sorted inputs into a single sorted output.

    Lazy, like CPython's: each input is advanced only as needed.
    Equal items come out in the order of the inputs (stable).
    """
    # Entries are [sort value, input order, current item, iterator]; the
    # input order breaks ties so items themselves are never compared
    # beyond their sort values.
    entries = []
    sign = -1 if reverse else 1
    for order, iterable in enumerate(iterables):
        iterator = iter(iterable)
        for first in iterator:
            value = first if key is None else key(first)
            entries.append([value, order * sign, first, iterator])
            break
    if reverse:
        _heapify_max(entries)
        pop_fix = _sift_up_max
    else:
        heapify(entries)
        pop_fix = _sift_up
    while len(entries) > 1:
        entry = entries[0]
        yield entry[2]
        advanced = False
        for item in entry[3]:
            entry[0] = item if key is None else key(item)
            entry[2] = item
            advanced = True
            break
        if advanced:
            pop_fix(entries, 0)
        else:
            last = entries.pop()
            entries[0] = last
            pop_fix(entries, 0)
    if entries:
        entry = entries[0]
        yield entry[2]
        yield from entry[3]


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset.

    Equivalent to: sorted(iterable, key=key)[:n]
    """
    if n <= 0:
        return []
    items = list(iterable)
    if key is None:
        return sorted(items)[:n]
    return sorted(items, key=key)[:n]


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset.

    Equivalent to: sorted(iterable, key=key, reverse=True)[:n]
    """
    if n <= 0:
        return []
    items = list(iterable)
    if key is None:
        return sorted(items, reverse=True)[:n]
    return sorted(items, key=key, reverse=True)[:n]

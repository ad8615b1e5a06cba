"""asyncio's event loop: ready callbacks in FIFO order and timers on virtual time.

One loop iteration moves the timers that are due to the end of the ready
queue, then runs the callbacks that were ready when it started (as
CPython's `_run_once` does). When nothing is ready, the clock jumps to the
earliest timer. Timers due at the same moment run in the order they were
scheduled.
"""

import sys

_running_loop = None
_event_loop = None


def _heap_push(heap, item):
    heap.append(item)
    i = len(heap) - 1
    while i > 0:
        parent = (i - 1) >> 1
        if heap[i] < heap[parent]:
            heap[i], heap[parent] = heap[parent], heap[i]
            i = parent
        else:
            break


def _heap_pop(heap):
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    heap[0] = last
    i, n = 0, len(heap)
    while True:
        child = 2 * i + 1
        if child >= n:
            break
        if child + 1 < n and heap[child + 1] < heap[child]:
            child += 1
        if heap[child] < heap[i]:
            heap[i], heap[child] = heap[child], heap[i]
            i = child
        else:
            break
    return top


class Handle:
    """A callback scheduled on the loop; cancel() keeps it from running."""
    __slots__ = ("_callback", "_args", "_cancelled", "_loop")

    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._loop = loop

    def cancel(self):
        self._cancelled = True
        self._callback = None
        self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                "message": f"Exception in callback {self._callback!r}",
                "exception": exc,
                "handle": self,
            })

    def __repr__(self):
        state = " cancelled" if self._cancelled else ""
        return f"<Handle{state} {self._callback!r}>"


class TimerHandle(Handle):
    """A callback scheduled for a moment of the loop's clock."""
    __slots__ = ("_when", "_seq", "_scheduled")

    def __init__(self, when, seq, callback, args, loop):
        super().__init__(callback, args, loop)
        self._when = when
        self._seq = seq
        self._scheduled = False

    def when(self):
        return self._when

    def __lt__(self, other):
        return (self._when, self._seq) < (other._when, other._seq)

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()


class AbstractEventLoop:
    """The interface of event loops (only BaseEventLoop implements it)."""


class BaseEventLoop(AbstractEventLoop):
    def __init__(self):
        self._ready = []
        self._ready_head = 0
        self._scheduled = []
        self._timer_seq = 0
        self._clock = 0.0
        self._stopping = False
        self._closed = False
        self._running = False
        self._current_task = None
        self._tasks = []
        self._task_counter = 0
        self._exception_handler = None
        self._asyncgens = []

    def __repr__(self):
        return (f"<_UnixSelectorEventLoop running={self._running} closed={self._closed} "
                "debug=False>")

    def time(self):
        return self._clock

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return False

    def set_debug(self, enabled):
        pass

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self)
        self._ready.append(handle)
        return handle

    call_soon_threadsafe = call_soon

    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self._clock + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        self._timer_seq += 1
        timer = TimerHandle(when, self._timer_seq, callback, args, self)
        _heap_push(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def _timer_handle_cancelled(self, handle):
        pass

    def create_future(self):
        from .futures import Future
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        from .tasks import Task
        self._check_closed()
        return Task(coro, loop=self, name=name)

    def _ready_count(self):
        return len(self._ready) - self._ready_head

    def _pop_ready(self):
        handle = self._ready[self._ready_head]
        self._ready_head += 1
        if self._ready_head > 64 and self._ready_head * 2 > len(self._ready):
            del self._ready[:self._ready_head]
            self._ready_head = 0
        return handle

    def _run_once(self):
        while self._scheduled and self._scheduled[0]._cancelled:
            _heap_pop(self._scheduled)._scheduled = False
        if not self._ready_count() and self._scheduled and not self._stopping:
            when = self._scheduled[0]._when
            if when > self._clock:
                self._clock = when
        while self._scheduled:
            timer = self._scheduled[0]
            if timer._when > self._clock:
                break
            _heap_pop(self._scheduled)
            timer._scheduled = False
            if not timer._cancelled:
                self._ready.append(timer)
        for _ in range(self._ready_count()):
            handle = self._pop_ready()
            if not handle._cancelled:
                handle._run()

    def run_forever(self):
        self._check_closed()
        global _running_loop
        if self._running:
            raise RuntimeError("This event loop is already running")
        if _running_loop is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")
        self._running = True
        previous = _running_loop
        _running_loop = self
        try:
            while True:
                if not self._ready_count() and not self._scheduled:
                    # Nothing could ever wake a task up again: stop rather
                    # than wait forever.
                    break
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            _running_loop = previous

    def run_until_complete(self, future):
        from .tasks import ensure_future
        self._check_closed()
        new_task = not _is_future(future)
        future = ensure_future(future, loop=self)

        def done(fut):
            fut._loop.stop()
        future.add_done_callback(done)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(done)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def stop(self):
        self._stopping = True

    def close(self):
        if self._running:
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._ready_head = 0
        self._scheduled.clear()

    async def shutdown_asyncgens(self):
        pass

    async def shutdown_default_executor(self):
        pass

    def set_exception_handler(self, handler):
        self._exception_handler = handler

    def get_exception_handler(self):
        return self._exception_handler

    def default_exception_handler(self, context):
        message = context.get("message") or "Unhandled exception in event loop"
        print(message, file=sys.stderr)
        exc = context.get("exception")
        if exc is not None:
            print(f"{type(exc).__name__}: {exc}", file=sys.stderr)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            self.default_exception_handler(context)
        else:
            self._exception_handler(self, context)


def _is_future(obj):
    return getattr(type(obj), "_asyncio_future_blocking", None) is not None


def new_event_loop():
    """A new loop (not made current)."""
    return BaseEventLoop()


def _get_running_loop():
    return _running_loop


def get_running_loop():
    """The running loop; RuntimeError outside a coroutine run by a loop."""
    if _running_loop is None:
        raise RuntimeError("no running event loop")
    return _running_loop


def get_event_loop():
    """The running loop, else the current one (made on first use)."""
    global _event_loop
    if _running_loop is not None:
        return _running_loop
    if _event_loop is None or _event_loop.is_closed():
        _event_loop = new_event_loop()
    return _event_loop


def set_event_loop(loop):
    global _event_loop
    _event_loop = loop

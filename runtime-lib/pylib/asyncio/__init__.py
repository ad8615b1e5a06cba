"""Asynchronous I/O (krait's asyncio, written for krait): a single-threaded event loop.

Provides run, Runner, new_event_loop, get_event_loop, get_running_loop,
set_event_loop, the loop (call_soon, call_later, call_at, time,
create_future, create_task, run_until_complete, run_forever, stop,
close), Future, Task (result, exception, done, cancelled, cancel,
uncancel, cancelling, add/remove_done_callback, get_name, set_name,
get_coro), create_task, ensure_future, sleep, gather, wait_for, wait,
as_completed, shield, timeout/timeout_at, current_task, all_tasks,
iscoroutine, Queue, LifoQueue, PriorityQueue, Event, Lock, Semaphore,
BoundedSemaphore, Condition, and the exceptions CancelledError,
InvalidStateError, QueueEmpty, QueueFull, TimeoutError.

The loop runs on virtual time: when no callback is ready it jumps to the
earliest timer instead of waiting, so `sleep(10)` returns at once while
keeping CPython's order (shorter sleeps wake first, equal ones in the
order they were scheduled, ready callbacks in FIFO order).

Missing compared with CPython 3.11: all I/O (sockets, streams,
subprocesses, signals, executors, threads), event-loop policies, debug
mode, and the "Task exception was never retrieved" report; Task reprs are
simplified. A loop with nothing ready and no timers stops (CPython would
block forever) and run_until_complete raises RuntimeError.
iscoroutinefunction reads `__code__.co_flags`, which krait's functions do
not have yet: it answers False for them.
"""

from .events import (AbstractEventLoop, BaseEventLoop, Handle, TimerHandle, new_event_loop,
                     get_event_loop, get_running_loop, set_event_loop, _get_running_loop)
from .futures import (Future, CancelledError, InvalidStateError, TimeoutError, isfuture,
                      wrap_future)
from .tasks import (Task, create_task, ensure_future, sleep, gather, wait_for, wait,
                    as_completed, shield, current_task, all_tasks, iscoroutine,
                    iscoroutinefunction, run_coroutine_threadsafe, FIRST_COMPLETED,
                    FIRST_EXCEPTION, ALL_COMPLETED, timeout, timeout_at, Timeout)
from .locks import Event, Lock, Semaphore, BoundedSemaphore, Condition
from .queues import Queue, LifoQueue, PriorityQueue, QueueEmpty, QueueFull
from .runners import run, Runner

__all__ = ["AbstractEventLoop", "BaseEventLoop", "Handle", "TimerHandle", "new_event_loop",
           "get_event_loop", "get_running_loop", "set_event_loop", "Future", "CancelledError",
           "InvalidStateError", "TimeoutError", "isfuture", "Task", "create_task",
           "ensure_future", "sleep", "gather", "wait_for", "wait", "as_completed", "shield",
           "current_task", "all_tasks", "iscoroutine", "iscoroutinefunction",
           "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "timeout", "timeout_at",
           "Timeout", "Event", "Lock", "Semaphore", "BoundedSemaphore", "Condition", "Queue",
           "LifoQueue", "PriorityQueue", "QueueEmpty", "QueueFull", "run", "Runner"]

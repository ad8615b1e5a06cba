# asyncio: scheduling order, sleeps, gather, tasks, cancellation, queues, events, locks, timeouts.
import asyncio

log = []


async def sleeper(name, delay):
    log.append(f"{name} start")
    await asyncio.sleep(delay)
    log.append(f"{name} woke after {delay}")
    return name


async def ordering():
    results = await asyncio.gather(sleeper("slow", 0.3), sleeper("fast", 0.1),
                                   sleeper("mid", 0.2), sleeper("fast2", 0.1))
    print(results)
    print(log)


asyncio.run(ordering())


async def failing(n):
    await asyncio.sleep(0.01 * n)
    raise ValueError(f"failure {n}")


async def gather_errors():
    try:
        await asyncio.gather(sleeper("ok", 0.05), failing(1))
    except ValueError as e:
        print("gather raised", e)
    res = await asyncio.gather(failing(2), sleeper("fine", 0), return_exceptions=True)
    print([type(r).__name__ for r in res], res[1])
    print(await asyncio.gather())


asyncio.run(gather_errors())


async def forever():
    try:
        while True:
            await asyncio.sleep(0.1)
    except asyncio.CancelledError:
        print("forever cancelled")
        raise


async def tasks_demo():
    t = asyncio.create_task(sleeper("task", 0.05), name="named")
    print(t.get_name(), t.done())
    await asyncio.sleep(0)
    print("done yet?", t.done())
    print("awaited", await t, t.done(), t.result())
    f = asyncio.create_task(forever())
    await asyncio.sleep(0.25)
    print("cancel returns", f.cancel())
    try:
        await f
    except asyncio.CancelledError:
        print("await cancelled task raises CancelledError", f.cancelled())
    pending = asyncio.create_task(asyncio.sleep(1))
    try:
        pending.result()
    except asyncio.InvalidStateError as e:
        print(type(e).__name__, e)
    pending.cancel()
    print("current task is a Task:", isinstance(asyncio.current_task(), asyncio.Task))
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.2, fut.set_result, "future value")
    print(await fut)


asyncio.run(tasks_demo())


async def slow_op():
    await asyncio.sleep(1)
    return "never"


async def timeouts():
    try:
        await asyncio.wait_for(slow_op(), timeout=0.2)
    except asyncio.TimeoutError as e:
        print("wait_for timed out", type(e).__name__, repr(str(e)))
    print(await asyncio.wait_for(sleeper("quick", 0.1), timeout=0.2))
    try:
        async with asyncio.timeout(0.05):
            await asyncio.sleep(0.5)
    except TimeoutError:
        print("timeout() expired")


asyncio.run(timeouts())


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i)
    await q.put(None)


async def consumer(q, out):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            break
        print("got", item)
        out.append(item * item)


async def queue_demo():
    q = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q, 5), consumer(q, out))
    await q.join()
    print(out, q.empty(), q.qsize())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b")]:
        pq.put_nowait(item)
    print([pq.get_nowait() for _ in range(3)])
    try:
        q.task_done()
    except ValueError as e:
        print(type(e).__name__, e)


asyncio.run(queue_demo())


async def waiter(event, name):
    print(name, "waiting")
    await event.wait()
    print(name, "released")


async def locked(lock, name, shared):
    async with lock:
        value = shared["n"]
        await asyncio.sleep(0.1)
        shared["n"] = value + 1
        print(name, "incremented to", shared["n"])


async def sync_demo():
    ev = asyncio.Event()
    waiters = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0.1)
    print("setting", ev.is_set())
    ev.set()
    await asyncio.gather(*waiters)
    lock = asyncio.Lock()
    shared = {"n": 0}
    await asyncio.gather(*(locked(lock, f"l{i}", shared) for i in range(3)))
    print(shared, lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print(type(e).__name__, e)
    sem = asyncio.Semaphore(2)
    active = []

    async def limited(i):
        async with sem:
            active.append(i)
            print("active", len(active))
            await asyncio.sleep(0.1)
            active.remove(i)
    await asyncio.gather(*(limited(i) for i in range(4)))


asyncio.run(sync_demo())


async def waiting():
    tasks = [asyncio.create_task(sleeper(f"t{i}", d)) for i, d in enumerate([0.3, 0.1, 0.2])]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    for coro in asyncio.as_completed(tasks):
        print("as_completed", await coro)


asyncio.run(waiting())


async def crash():
    await asyncio.sleep(0)
    raise KeyError("from task")


try:
    asyncio.run(crash())
except KeyError as e:
    print("asyncio.run raised", repr(e))
try:
    asyncio.run(42)
except ValueError as e:
    print(type(e).__name__, e)
c = crash()
c.close()
print(asyncio.iscoroutine(c), asyncio.iscoroutine(42))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(sleeper("loop", 0.1)), loop.is_closed())
loop.close()
print(loop.is_closed())

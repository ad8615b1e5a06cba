# Coroutines driven by hand with send(None): await chains, custom awaitables.
class Suspend:
    """An awaitable that suspends once, handing `value` to the driver."""
    def __init__(self, value):
        self.value = value
    def __await__(self):
        received = yield self.value
        return received
async def leaf(n):
    got = await Suspend(f"leaf {n}")
    return n * 10 + got
async def branch():
    a = await leaf(1)
    b = await leaf(2)
    return a + b
def drive(coro):
    to_send = None
    steps = []
    while True:
        try:
            yielded = coro.send(to_send)
        except StopIteration as stop:
            return steps, stop.value
        steps.append(yielded)
        to_send = len(steps)
print(drive(branch()))
async def plain():
    return "no awaits"
c = plain()
print(type(c).__name__, drive(c))
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
async def fails():
    await Suspend("x")
    raise ValueError("inside coroutine")
try:
    drive(fails())
except ValueError as e:
    print("ValueError:", e)
async def bad_await():
    await 5
try:
    bad_await().send(None)
except TypeError as e:
    print("TypeError:", e)
co = leaf(3)
print(co.send(None))
try:
    co.throw(KeyError("thrown in"))
except KeyError as e:
    print("KeyError:", e)
co2 = branch()
co2.send(None)
co2.close()
print("closed", co2.cr_running)
async def with_async_cm():
    class ACM:
        async def __aenter__(self):
            print("aenter")
            return "resource"
        async def __aexit__(self, *exc):
            print("aexit", exc[0])
            return False
    async with ACM() as r:
        print("using", r)
    return "done"
print(drive(with_async_cm()))
async def aiter_demo():
    class Countdown:
        def __init__(self, n):
            self.n = n
        def __aiter__(self):
            return self
        async def __anext__(self):
            if self.n == 0:
                raise StopAsyncIteration
            self.n -= 1
            return self.n
    out = []
    async for v in Countdown(3):
        out.append(v)
    return out
print(drive(aiter_demo()))

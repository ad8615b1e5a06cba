# Async generators driven by hand: async for, __anext__, aclose, async comprehensions.
class Suspend:
    def __await__(self):
        return (yield "suspended")
async def agen(n):
    try:
        for i in range(n):
            got = await Suspend()
            yield i * 10 + (got or 0)
    finally:
        print("agen finally")
def drive(coro):
    send = None
    while True:
        try:
            y = coro.send(send)
        except StopIteration as s:
            return s.value
        send = 1
async def main():
    out = []
    async for v in agen(3):
        out.append(v)
    g = agen(5)
    first = await g.__anext__()
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        out.append("stopped")
    return out, first
print(drive(main()))
async def simple():
    yield 1
    yield 2
a = simple()
print(type(a).__name__, a.__name__)
try:
    a.asend(None).send(None)
except StopIteration as s:
    print("first", s.value)
async def comp():
    return [x async for x in simple()]
print(drive(comp()))
async def bad():
    yield 1
    raise StopAsyncIteration
async def use_bad():
    return [x async for x in bad()]
try:
    drive(use_bad())
except RuntimeError as e:
    print("RuntimeError:", e)

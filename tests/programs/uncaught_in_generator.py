# An exception escaping a generator into a for loop, uncaught.
def parse_all(items):
    for item in items:
        yield int(item)
total = 0
for value in parse_all(["1", "2", "three"]):
    total += value
    print("running total", total)

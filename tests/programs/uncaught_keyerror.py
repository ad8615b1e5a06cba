# An uncaught exception: stdout is flushed first, traceback on stderr, exit 1.
def lookup(d, k):
    return d[k]
print("before the error")
inventory = {"apples": 3}
print(lookup(inventory, "apples"))
print(lookup(inventory, "kiwis"))
print("never printed")

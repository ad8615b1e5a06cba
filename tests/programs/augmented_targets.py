# Augmented assignment on names, attributes, subscripts; evaluation order.
class C:
    def __init__(self):
        self.n = 1
        self.items = [1, 2]
c = C()
c.n += 4
c.n *= 3
c.items += [3]
c.items[0] -= 10
print(c.n, c.items)
d = {"k": [1]}
d["k"] *= 2
d.setdefault("z", 0)
d["z"] += 1
print(d)
order = []
def key(k):
    order.append(("key", k))
    return k
def container():
    order.append("container")
    return d
container()[key("z")] += 5
print(d["z"], order)
s = "ab"
s += "cd"
s *= 2
print(s)
t = (1,)
t += (2,)
print(t)
lst = [1, 2, 3]
alias = lst
lst += [4]
print(alias is lst, alias)
tup = ([1],)
try:
    tup[0] += [2]
except TypeError as e:
    print("TypeError:", e, tup)
x = 10
x /= 4
x //= 1
x **= 2
x -= 0.5
print(x)
bits = 0b1010
bits |= 1
bits &= 0b1110
bits ^= 0b11
bits <<= 2
bits >>= 1
print(bits)

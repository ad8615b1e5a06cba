# Builds and drops cyclic structures in a loop: doubly linked lists, graphs
# with back-references, self-referencing instances and closures, dicts and
# lists that contain themselves. The collector must reclaim them (the gc
# test runs this with a large count and checks peak memory); the output is
# a checksum that CPython agrees with.
import sys


class DNode:
    def __init__(self, value):
        self.value = value
        self.prev = None
        self.next = None


def doubly_linked(n):
    head = DNode(0)
    node = head
    for i in range(1, n):
        nxt = DNode(i)
        node.next = nxt
        nxt.prev = node
        node = nxt
    node.next = head
    head.prev = node
    total = 0
    node = head.next
    while node is not head:
        total += node.value
        node = node.next
    return total


class Vertex:
    def __init__(self, name):
        self.name = name
        self.edges = []
        self.parent = None


def graph(n):
    root = Vertex("root")
    for i in range(n):
        child = Vertex(str(i))
        child.parent = root
        root.edges.append(child)
        child.edges.append(root)
    return sum(len(v.edges) for v in root.edges)


class Selfish:
    def __init__(self):
        self.me = self
        self.payload = [self, (self,), {"me": self}]


def closure_cycle():
    def counter():
        counter.calls += 1
        return counter
    counter.calls = 0
    return counter()().calls


def containers():
    a = []
    a.append(a)
    d = {}
    d["d"] = d
    t = ([a], d)
    a.append(t)
    return len(a) + len(d)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    check = 0
    for r in range(rounds):
        check += doubly_linked(50)
        check += graph(20)
        check += len(Selfish().payload)
        check += closure_cycle()
        check += containers()
    print("rounds", rounds, "check", check)


main()

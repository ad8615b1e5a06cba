l = [1, 2]
for call in (lambda: l.insert(1), lambda: l.insert(1, 2, 3), lambda: l.pop(1, 2), lambda: l.append(), lambda: l.append(x=1),
             lambda: l.clear(1), lambda: list.append(), lambda: list.insert(l), lambda: set().add(1, 2), lambda: list.append(set(), 1)):
    try:
        call()
    except TypeError as e:
        print(e)
print(l)
d = {}
for call in (lambda: d.get(), lambda: d.get(1, 2, 3), lambda: d.pop(), lambda: "x".split(1, 2, 3),
             lambda: [].index(), lambda: (1,).count()):
    try:
        call()
    except TypeError as e:
        print(e)

# Lists: methods, slicing, slice assignment, sorting, nesting.
a = [5, 3, 8, 1]
a.append(7)
a.extend([2, 9])
a.insert(0, 0)
print(a, len(a), a.index(8), a.count(3))
print(a.pop(), a.pop(0), a)
a.remove(3)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a, a[1:3], a[::-1], a[-2:])
b = a.copy()
b[0] = 100
print(a[0], b[0])
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
print(m)
words = ["pear", "fig", "apple", "kiwi"]
print(sorted(words, key=len), sorted(words, key=lambda w: w[-1]))
print([1, 2] + [3], [0] * 4, 3 in [1, 2, 3], [1, 2] == [1, 2], [1, 2] < [1, 3])
del a[0]
print(a)
c = list(range(10))
c[2:5] = ["x"]
print(c)
del c[::2]
print(c)
print(list("abc"), list(range(3, 0, -1)), sum([1, 2, 3]), max([4, 9, 2]))
a.clear()
print(a, bool(a), bool([0]))

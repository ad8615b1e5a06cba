# Loops with else, break/continue, while, nested loops, walrus, conditional expressions.
for i in range(3):
    pass
else:
    print("for completed", i)
for i in range(10):
    if i == 4:
        break
else:
    print("not printed")
print("broke at", i)
n, steps = 27, 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
else:
    print("collatz steps", steps)
found = None
for row in range(5):
    for col in range(5):
        if row * col == 6:
            found = (row, col)
            break
    if found:
        break
print(found)
data = [3, 8, 1, 9]
if (biggest := max(data)) > 5:
    print("big", biggest)
print([y for x in data if (y := x * 2) > 5])
total = 0
i = 0
while True:
    i += 1
    if i % 2:
        continue
    total += i
    if i >= 10:
        break
print(total)
x = 5
print("pos" if x > 0 else "neg" if x < 0 else "zero", "a" if 0 else "b")
print(1 and 2, 0 and 2, 1 or 2, 0 or "", None or [] or "last", not 0, not [1])
for ch in "ab":
    for k in range(2):
        if k:
            continue
        print(ch, k)
count = 0
while count < 3:
    count += 1
print(count)

# print() keywords, sys.stdout/sys.stderr writes, ordering of flushed output.
import sys
print("a", "b", sep="-", end="!\n")
print("no newline", end="")
print()
print(*range(5), sep=", ")
print("to stderr", file=sys.stderr)
sys.stdout.write("written directly\n")
n = sys.stdout.write("abc\n")
print("write returned", n)
print("", end="")
print(1, 2.0, None, True, [1], (2,), {3: 4}, "s", sep="|")
sys.stderr.write("last stderr line\n")

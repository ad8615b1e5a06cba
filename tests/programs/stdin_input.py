# input() and sys.stdin (fed from stdin_input.in).
import sys
name = input("name? ")
count = int(input())
print(f"hello {name}, {count * 2}")
line = sys.stdin.readline()
print(repr(line))
rest = [l.rstrip("\n") for l in sys.stdin]
print(rest, len(rest))
try:
    input()
except EOFError as e:
    print("EOFError:", e)
print(repr(sys.stdin.read()))

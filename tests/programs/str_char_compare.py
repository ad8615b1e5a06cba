# Comparisons with one-character str constants (compiled inline for exact
# strs): every operator, either side, empty and longer strs, non-ASCII,
# subclasses with their own __lt__, and other types.


def classify(ch):
    if ch < "0" or ch > "9":
        return "other"
    return "digit"


for ch in ["0", "5", "9", "/", ":", "", "00", "9x", "a", "é", "\0", " "]:
    print(repr(ch), classify(ch), ch < "5", ch <= "5", ch == "5", ch != "5", ch > "5", ch >= "5")
    print(repr(ch), "5" < ch, "5" <= ch, "5" == ch, "5" != ch, "5" > ch, "5" >= ch)
    print(repr(ch), ch < "\0", ch <= "\0", ch == "\0", ch > "\0", "\0" < ch, "\0" >= ch)


class Loud(str):
    def __lt__(self, other):
        print("Loud.__lt__", repr(other))
        return "custom"

    def __gt__(self, other):
        print("Loud.__gt__", repr(other))
        return 0


s = Loud("7")
print(s < "5", s > "5", "5" > s, "5" < s, s == "7", s != "7")
if s < "0":
    print("truthy custom result")
if not (s > "9"):
    print("falsy custom result")

for other in [5, 5.0, None, [1], ("5",)]:
    try:
        print(other < "5")
    except TypeError as e:
        print("TypeError:", e)
    print(other == "5", "5" != other)

ords = [c for c in "a0Z~ é9" if c >= "0" and c <= "z"]
print(ords)
print(sorted("hello", key=lambda c: c > "h"))
print(["x" if c == "l" else c for c in "hello"])

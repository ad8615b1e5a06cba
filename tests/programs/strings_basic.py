# Strings: indexing, slicing, concatenation, methods the runtime has.
s = "Hello, World"
print(s[0], s[-1], s[7:], s[:5], s[::2], s[::-1], len(s))
print(s.lower(), s.upper(), s.replace("l", "L"), s.find("World"), s.count("l"))
print(s.split(", "), "a,b,,c".split(","), "  pad  ".strip() + "|", "xxhixx".strip("x"))
print("-".join(["a", "b", "c"]), s.startswith("Hell"), s.endswith("x"))
print("ab" * 3, "a" + "b", "b" in "abc", "z" not in "abc")
print(repr("it's"), repr('say "hi"'), repr("tab\there"), repr("nl\n"))
print(ord("A"), chr(97), str(42), str(3.5), str(None), str(True))
words = "the quick brown fox".split()
print(sorted(words), max(words), min(words, key=len))
acc = ""
for ch in "abc":
    acc = ch + acc
print(acc, "abc" < "abd", "B" < "a", "é", len("héllo"))

# Comparisons of exact strs (decided without dispatch) and of a subclass
# with its own __lt__; ord of one-byte strs, other strs, bytes.
print("a" < "b", "b" < "a", "a" < "ab", "" < "a", "é" > "z", "Z" < "a", "abc" == "abc", "abc" != "abd", "x" >= "x", "x" <= "w")
class S(str):
    def __lt__(self, o):
        return "subclass"
print(S("a") < "b", "b" > S("a"))
print(ord("a"), ord("é"), ord(b"a"), ord(bytearray(b"z")), ord("\x00"))
for bad in ("", "ab", 5):
    try:
        ord(bad)
    except TypeError as e:
        print("TE", e)

# lower/upper of ASCII (byte-wise) and other strs, join's single allocation and errors.
print("Hello World".lower(), "Hello World".upper(), "ÀÉÎ straße ΑΣ".lower(), "straße ﬁ".upper(), "ΑΣ ΑΣΑ".lower())
print("-".join([]), "-".join(["a"]), "-".join(["a", "b", "é"]), "".join(iter(["x", "y"])), ", ".join(str(i) for i in range(5)))
for bad in (["a", 1], [None]):
    try:
        "-".join(bad)
    except TypeError as e:
        print("TE", e)
# Ordering decided by the first byte, by later bytes, and by length.
words = ["", "a", "ab", "aa", "b", "é", "e\u0301", "z", "\U0001F600", "Z", "0", "9"]
print(sorted(words))
print([(x < y, x <= y, x > y, x >= y) for x, y in [("a", "ab"), ("é", "z"), ("", "a"), ("\U0001F600", "é"), ("ab", "aa")]])
print(sorted([("b", 1), ("a", 2), ("é", 0), ("a", 1)]))

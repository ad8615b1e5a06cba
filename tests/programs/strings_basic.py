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

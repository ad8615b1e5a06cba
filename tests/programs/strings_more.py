# More string operations: comparisons, iteration, membership, building, repr of containers.
s = "Mississippi"
print(s.count("ss"), s.find("ss"), s.find("zz"), s.replace("ss", "SS", 1), s.lower().count("s"))
print([c for c in s if c in "aeiou"], sorted(set(s)), "".join(reversed(s)))
print(s.split("s"), s.split("i", 2), "a b  c".split(), " x ".lstrip(), " x ".rstrip() + "|")
print(s.startswith(("Mi", "x")), s.endswith("pi"), s.upper().isupper() if hasattr(s, "isupper") else True)
lines = "one\ntwo\nthree"
print(lines.split("\n"), len(lines), lines.count("\n"))
print("%" in "100%", "abc" * 0, "" * 5, "a" + "b" * 3)
table = {}
for word in "the cat and the hat and the bat".split():
    table[word] = table.get(word, 0) + 1
print(table, sorted(table, key=lambda w: (-table[w], w)))
print(str([1, "a", None, 2.0]), str((1,)), str({"k": "v"}), str({1.5}))
n = 0
for ch in "hello world":
    if ch == "o":
        n += 1
print(n, "hello"[1:-1], "hello"[-100:100], "hello"[3:1], "hello"[::-2])
print(chr(ord("a") + 1), "".join(chr(ord(c) + 1) for c in "HAL"))

# str methods beyond the basics.
s = "Hello, World"
print(s.find("o"), s.find("o", 5), s.rfind("o"), s.index("W"), s.count("l", 3), s.rindex("l"))
print(s.startswith("World", 7), s.endswith(("x", "ld")), s.isalpha(), "abc".isalpha(), "123".isdigit())
print("  ".isspace(), "Ab1".isalnum(), "ABC".isupper(), "abc".islower(), "Title Case".istitle(), "x_1".isidentifier())
print("hello world".title(), "hELLO".capitalize(), "Hello".swapcase(), "Straße".casefold())
print("ab".center(6, "*"), "ab".ljust(5, "."), "ab".rjust(5), "42".zfill(5), "-42".zfill(6))
print("a,b,c".rsplit(",", 1), "a b  c".rsplit(), "l1\nl2\r\nl3".splitlines(), "x\ny\n".splitlines(True))
print("key=value=x".partition("="), "key=value=x".rpartition("="), "none".partition("="))
print("prefix_rest".removeprefix("prefix_"), "file.txt".removesuffix(".txt"), "a\tb".expandtabs(4))
table = str.maketrans("abc", "xyz", "!")
print("a!b!c!".translate(table), "hello".translate({ord("l"): "L", ord("o"): None}))
print(" ".join(w.capitalize() for w in "the quick fox".split()), "-".join("abc"))
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)

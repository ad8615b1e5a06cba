# String literals, escapes, raw strings, unicode, and their reprs.
s = "tab\tnew\nquote\"single'back\\"
print(s)
print(repr(s))
print(r"raw\n\t", len(r"\n"), "\x41\u00e9\N{GREEK SMALL LETTER ALPHA}", "\101")
print("""triple
quoted""", '''other''' "adjacent" 'concat')
print(repr("\x00\x7f\u200b"), repr("é"), repr("日本"), ascii("日本é"))
print("é".upper(), len("日本語"), "日本語"[1], "日本語"[::-1], "ß".lower())
u = "naïve café"
print(u.split(), u.replace("é", "e"), u.find("café"), u[-4:])
print(ord("€"), chr(8364), "\u20ac" == "€", "a" < "é" < "日")
multi = "line1\nline2\n"
print(multi.split("\n"), repr(multi.strip()))
print(f"{'é':>3}|{'日本':^6}|", "%")

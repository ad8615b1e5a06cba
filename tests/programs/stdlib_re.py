import re

def show(*a):
    print(*a)

def err(f, *args):
    try:
        r = f(*args)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

# groups, spans, lastindex/lastgroup
m = re.search(r"(?P<a>x)(y)?(?P<c>z)", "..xz..")
show(m, m.groups(), m.groupdict(), m.lastindex, m.lastgroup, m.span(2), m.start("c"), m.regs)
show(m[0], m["a"], m.group(0, 1, "c"), m.expand(r"<\g<c>\1>"), m.pos, m.endpos, m.re.pattern)
show(re.match(r"((a)b)", "ab").lastindex, re.match(r"(a)|(b)", "b").lastindex)
err(m.group, 5)
err(m.group, "nope")
# anchors and flags
show(re.findall(r"^\w+$", "one\ntwo\nthree", re.M), re.findall(r"\w+$", "a b\nc d\n"))
show(re.search(r"\Aab", "ab"), re.search(r"b\Z", "ab\n"), re.search(r"b$", "ab\n").span())
show(re.findall(r"(?i)straße", "STRASSE straße STRAßE"), re.findall(r"[a-z]+", "ABC def", re.I))
show(re.findall(r"(?s).", "a\nb"), re.findall(r"(?i:a)b", "AB Ab ab aB"))
show(re.findall(r"\w+", "héllo wörld 123", re.A), re.findall(r"\w+", "héllo wörld 123"))
show(re.findall(r"\d", "1٣x"), re.findall(r"\d", "1٣x", re.ASCII), re.findall(r"\s", "a\u00a0b c"))
show(re.findall(r"\bfoo\b", "foo foobar barfoo foo."), re.findall(r"\Bo\B", "foo boo o"))
# quantifiers
show(re.findall(r"a{2,3}", "aaaaaaa"), re.findall(r"a{2,3}?", "aaaaaaa"), re.findall(r"a{,2}", "aaa"))
show(re.match(r"a{3}", "aaaa").group(), re.findall(r"x{2}y?", "xxxxyx"), re.findall(r"a{x", "a{x"))
show(re.match(r"(ab)*c", "ababc").group(1), re.match(r"(a|b)*?c", "abac").groups())
show(re.match(r"(a*)*b", "aaab").groups(), re.match(r"(a*)+b", "b").groups(), re.match(r"(?:a|())*x", "aax").groups())
show(re.match(r"a++b", "aaab"), re.match(r"a++a", "aaa"), re.match(r"(?>a+)b", "aab").group())
# lookaround, backrefs, conditionals
show(re.findall(r"(?<!\d)\d{2}(?!\d)", "1 22 333 44"), re.sub(r"(?<=a)b", "X", "ab cb ab"))
show(re.match(r"(?P<q>['\"]).*?(?P=q)", "'hi' there").group(), re.findall(r"(\w)\1", "aabbcd"))
show(re.match(r"(a)?(?(1)b|c)", "ab").group(), re.match(r"(a)?(?(1)b|c)", "c").group())
show(re.search(r"(?i)(ab)\1", "abAB"), re.search(r"(?<=ab)c|(?<=x)y", "xy abc").group())
# sub / subn / split / findall with empty matches
show(re.sub("x*", "-", "abxd"), re.sub(r"\b", "|", "ab cd"), re.split(r"\b", "a b"))
show(re.split(r"x*", "axbc"), re.split(r"(x)|(y)", "axbyc"), re.split(r"\s+", " a  b ", maxsplit=1))
show(re.findall(r"", "abc"), re.findall(r"a|", "bab"), re.subn(r"a", "b", "aaa", count=2))
show(re.sub(r"(\d+)", r"<\1>", "a1b22"), re.sub(r"(?P<n>\d)", r"\g<n>\g<0>", "x1y2"))
show(re.sub(r"a", r"\n\t\\", "a"), re.sub(r"a", "\\.", "a"), re.sub(r"(a)(b)?", r"[\2]", "ac"))
show(re.sub(r"\w+", lambda m: m.group().upper(), "hi there", count=1))
show(re.sub("(?m)^", "> ", "one\ntwo"), re.sub(r"$", "!", "a\n"))
# Pattern objects
p = re.compile(r"(?P<word>\w+)\s*(?P<num>\d+)?", re.I | re.M)
show(p, p.pattern, p.flags, p.groups, p.groupindex, re.compile("a"), re.compile(r"\d", re.A | re.S))
show(p.match("  abc 12", 2), p.search("zz 9", 0, 2), p.fullmatch("ab", 0, 2), p.findall("a 1 b c 3"))
show([m.span() for m in p.finditer("a 1 b", 1)], p.split("x1y"), p.sub(r"\g<num>", "a1 b2"))
show(re.compile(p) is p, re.I | re.M, re.I, repr(re.NOFLAG), re.M & re.M, int(re.I | re.S))
err(re.compile, p, re.I)
# escape
show(re.escape("a.b*c?d(e)[f]{g}|h^i$j\\k l#m&n~o-p"), re.escape("naïve_ü"), re.escape(b"a.b"))
# bytes
show(re.findall(rb"\d+", b"a12b3"), re.sub(rb"a", b"x", b"banana"), re.match(rb"(\w+)", b"hi there").group(1))
err(re.match, r"a", b"a")
err(re.match, rb"a", "a")
err(re.match, r"a", 5)
# errors
for pat in [r"(a", r"a)", r"*a", r"a**", r"[a", r"\q", r"(?P=x)", r"[z-a]", r"(?<=a+)b",
            r"(?P<a>x)(?P<a>y)", r"a{3,2}", r"(a)\2", r"(a\1)", "ab\n(c", r"(?P<1a>x)",
            r"x(?i)", r"(?z)", r"\x4", "\\", r"(?<x)", r"(?P<n>a)(?(m)a)", r"[\d-z]"]:
    try:
        re.compile(pat)
        print("compiled", pat)
    except re.error as e:
        print("error:", e, "|", e.msg, e.pos, e.lineno, e.colno)
for t in [r"\3", r"\g<x>", r"\g<", r"\g<a", r"\q", "\\", r"\g<1a>"]:
    err(re.sub, "(a)", t, "a")
# long subjects do not overflow
show(len(re.findall(r"a", "a" * 100000)), re.match(r"(?:ab)*", "ab" * 50000).end(), re.search(r"x$", "y" * 100000 + "x").start())

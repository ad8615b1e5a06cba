# string (constants, capwords, Template, Formatter) and textwrap.
import string
import textwrap


def show(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(string.capwords("  the QUICK\tbrown  "), string.capwords("x_y_z", "_"))
t = string.Template("$who ${x} $$ $")
show("invalid", lambda: t.substitute(who=1, x=2))
show("safe", lambda: t.safe_substitute())
show("brace", lambda: string.Template("${a").substitute(a=1))
show("digit", lambda: string.Template("$1").substitute())
show("both", lambda: string.Template("a $b").substitute({"b": 1}, b=2))
show("line", lambda: string.Template("x\n $").substitute())
show("missing", lambda: string.Template("$nope").substitute({}))
print(string.Template("$a $b $a").get_identifiers(), string.Template("$a $").is_valid(), string.Template("ok").is_valid())
class Percent(string.Template):
    delimiter = "%"
print(Percent("%x and %%").substitute(x=5))
f = string.Formatter()
print(f.format("{0!r:>5}|{a[1]}|{b.real}", "x", a=[1, 2], b=3))
show("switch", lambda: f.format("{} {0}", 1))
show("nested", lambda: f.format("{0:{1}}", 3, 5))
show("parse", lambda: list(f.parse("a{0!r:x}b{{}}")))
show("keyerror", lambda: f.format("{x}"))
show("auto", lambda: f.format("{}-{}", "a", "b"))
show("single brace", lambda: f.format("a}"))
text = ("The quick brown fox jumps over the lazy dog. A well-known phrase, "
        "used--for example--by typists. Supercalifragilisticexpialidocious!")
for width in (10, 25, 40):
    print(textwrap.wrap(text, width=width))
print(textwrap.wrap(text, 20, break_on_hyphens=False, break_long_words=False))
print(textwrap.fill(text, 30, max_lines=3))
print(textwrap.fill("a\tb\tc", 20, expand_tabs=True), textwrap.wrap("  lead  spaces  ", 8))
print(textwrap.wrap("Hello there.  How are you? Fine.", 40, fix_sentence_endings=True))
print(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello world", width=11))
print(textwrap.shorten("Hello world and more", width=15, placeholder="..."))
show("width 0", lambda: textwrap.wrap("abc", 0))
show("placeholder", lambda: textwrap.shorten("abc def", 2))
print(repr(textwrap.dedent("  a\n    b\n  \n  c\n")), repr(textwrap.dedent("\ta\n  b")), repr(textwrap.dedent("x\n  y")))
print(repr(textwrap.indent("a\n\nb\n", "> ")), repr(textwrap.indent("a\n b", "+", lambda line: True)))
w = textwrap.TextWrapper(width=15, initial_indent="* ", subsequent_indent="  ", drop_whitespace=False)
print(w.wrap("one two three four five six"))

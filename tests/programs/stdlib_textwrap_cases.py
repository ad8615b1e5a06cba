# textwrap.wrap against CPython on deterministic pseudo-random texts with
# hyphens, em-dashes, long words, sentence ends and max_lines; dedent.
import textwrap
words = ["a", "bb", "well-known", "x-y", "re-re-entry", "--", "dash--dash", "Super-califragilistic", "end.", "Why?", "ok!", "  ", "tab\there", "e-mail", "123-456", "ab-", "-ab", "a--b", "foo---bar", "long" * 6, "don't", "A.B.", "co-op-ed"]
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
mismatch = 0
for trial in range(400):
    text = " ".join(words[rnd(len(words))] for _ in range(rnd(15) + 1))
    width = rnd(25) + 1
    opts = dict(break_on_hyphens=bool(rnd(2)), break_long_words=bool(rnd(2)), fix_sentence_endings=bool(rnd(2)), drop_whitespace=bool(rnd(3)))
    if rnd(3) == 0:
        opts["max_lines"] = rnd(3) + 1
        opts["placeholder"] = " ..."
    try:
        r = textwrap.wrap(text, width, **opts)
    except ValueError as e:
        r = "ValueError: " + str(e)
    print(trial, r)
print(textwrap.dedent("  a\n\t b\n   \n  c"), repr(textwrap.dedent("    x\n  \n      y\n")))

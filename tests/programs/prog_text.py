# Text processing: word frequencies, simple tokenizer, run-length encoding, caesar shift.
text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness"""
words = [w.strip(",.").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
for word, n in top:
    print(f"{word:<8}{n:>3} {'*' * n}")
def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        c = src[i]
        if c == " ":
            i += 1
        elif c in "0123456789":
            j = i
            while j < len(src) and src[j] in "0123456789":
                j += 1
            tokens.append(("NUM", int(src[i:j])))
            i = j
        elif c in "+-*/()":
            tokens.append(("OP", c))
            i += 1
        else:
            raise SyntaxError(f"bad character {c!r} at {i}")
    return tokens
print(tokenize("12 + (3*45) - 6"))
try:
    tokenize("1 $ 2")
except SyntaxError as e:
    print("SyntaxError:", e)
def rle(s):
    out, prev, count = [], None, 0
    for ch in s:
        if ch == prev:
            count += 1
        else:
            if prev is not None:
                out.append(f"{count}{prev}")
            prev, count = ch, 1
    if prev is not None:
        out.append(f"{count}{prev}")
    return "".join(out)
print(rle("aaabccddddde"), rle(""), rle("x"))
def shift(s, k):
    a = ord("a")
    return "".join(chr((ord(c) - a + k) % 26 + a) if "a" <= c <= "z" else c for c in s)
print(shift("hello, world", 3), shift(shift("round trip", 7), -7))

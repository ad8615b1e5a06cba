# io and open(): text and binary files, modes, newlines, errors, StringIO/BytesIO.
import io
import os

with open("t.txt", "w") as f:
    print(repr(f)[:40], f.mode, f.name, f.encoding, f.closed, f.writable(), f.readable())
    print(f.write("a\nb\r\nc\rd"), f.tell())
    f.writelines(["x", "y\n"])
print(f.closed)
with open("t.txt", "rb") as f:
    print(f.read(), type(f).__name__, f.mode)
with open("t.txt") as f:
    print([f.readline() for _ in range(5)])
with open("t.txt", newline="") as f:
    print(f.readlines())
with open("t.txt", newline="\r\n") as f:
    print(list(f))
with open("t.txt", "r", newline="\n") as f:
    print(f.read(3), f.read(2), f.read())
with open("t.txt") as f:
    print(repr(f.read(4)), f.tell(), repr(f.readline(1)), repr(f.readline()))
    f.seek(0)
    print(repr(f.read()))
with open("nl.txt", "w", newline="\r\n") as f:
    f.write("1\n2\n")
with open("nl.txt", "rb") as f:
    print(f.read())

with open("b.bin", "w+b") as f:
    print(type(f).__name__, f.mode)
    f.write(b"0123456789")
    f.seek(3)
    print(f.read(2), f.tell())
    f.seek(-2, 2)
    print(f.read())
    f.seek(-5, 1)
    print(f.read(1))
    f.truncate(4)
    f.seek(0)
    print(f.read(), f.seek(0, 2))
with open("b.bin", "ab") as f:
    print(type(f).__name__, f.tell(), f.write(bytearray(b"XY")))
with open("b.bin", "rb") as f:
    print(f.readline(), f.readlines(), f.read(), f.read(5))
with open("lines.bin", "wb") as f:
    f.write(b"one\ntwo\n\nthree")
with open("lines.bin", "rb") as f:
    print(list(f))
with open("lines.bin", "rb") as f:
    print(f.readline(2), f.readline(), f.readlines(1))

with open("u.txt", "w", encoding="utf-8") as f:
    f.write("h\u00e9llo \u4e16\u754c \U0001f600\n")
with open("u.txt", encoding="utf-8") as f:
    print(f.read(3), f.read(4), f.read())
with open("u.txt", encoding="latin-1") as f:
    print(len(f.read()))
with open("u.txt", encoding="ascii", errors="replace") as f:
    print(f.read())
with open("u.txt", "w", encoding="ascii", errors="ignore") as f:
    f.write("caf\u00e9\n")
with open("u.txt") as f:
    print(f.read())

with open("r.txt", "w") as f:
    f.write("hello world\n")
with open("r.txt", "r+") as f:
    print(f.read(5))
    f.write("!")
with open("r.txt") as f:
    print(f.read())
with open("r.txt", "a+") as f:
    f.write("more\n")
    f.seek(0)
    print(f.read())
with open("r.txt", "w+") as f:
    f.write("abc")
    f.seek(0)
    print(f.read())

f = open("r.txt")
f.close()
f.close()
for op in [f.read, f.readline, lambda: f.seek(0), f.tell, lambda: f.write("x"), lambda: iter(f),
           lambda: f.__enter__()]:
    try:
        op()
    except ValueError as e:
        print(type(e).__name__, e)
with open("r.txt") as f:
    for op in [lambda: f.write("x"), lambda: f.seek(1, 1), lambda: f.seek(-1)]:
        try:
            op()
        except (OSError, ValueError) as e:
            print(type(e).__name__, isinstance(e, io.UnsupportedOperation), e)
with open("r.txt", "w") as f:
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print(type(e).__name__, e)
    try:
        f.write(b"x")
    except TypeError as e:
        print(type(e).__name__, e)
with open("r.txt", "wb") as f:
    try:
        f.write("x")
    except TypeError as e:
        print(type(e).__name__, e)

for args in [("missing.txt",), ("missing/x.txt", "w"), (".",), ("r.txt", "x"), ("r.txt", "rw"),
             ("r.txt", "rbt"), ("r.txt", "rb", -1, "utf-8"), (None,), ("r.txt", "r", 0),
             ("r.txt", "r", -1, None, None, "x")]:
    try:
        open(*args)
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, e, getattr(e, "errno", None), getattr(e, "filename", None))
try:
    open("r.txt", encoding="nope")
except LookupError as e:
    print(type(e).__name__, e)

os.chmod("r.txt", 0)
if os.getuid() != 0:
    try:
        open("r.txt")
    except PermissionError as e:
        print("PermissionError", e.errno, e.strerror)
else:
    print("PermissionError", 13, "Permission denied")
os.chmod("r.txt", 0o644)

open("leak.txt", "w").write("unclosed but flushed")
print(open("leak.txt").read())

fd = os.open("fd.txt", os.O_WRONLY | os.O_CREAT, 0o644)
with open(fd, "w") as f:
    print(f.name == fd, f.write("via fd"))
with open("fd.txt") as f:
    print(f.read())

s = io.StringIO("line1\nline2\r\nline3")
print(s.readlines(), s.tell(), s.read())
s = io.StringIO("a\r\nb\rc\n", newline=None)
print(repr(s.getvalue()))
s = io.StringIO("a\r\nb\rc\n", newline="")
print(s.readlines())
s = io.StringIO()
s.write("hello")
s.seek(10)
s.write("!")
print(repr(s.getvalue()), s.tell(), s.truncate(3), repr(s.getvalue()), s.tell())
s.seek(0)
print(s.read(2), s.readline(), s.read())
for bad in [lambda: s.write(b"x"), lambda: s.seek(-1), lambda: s.seek(1, 1), lambda: io.StringIO(5)]:
    try:
        bad()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
s.close()
try:
    s.getvalue()
except ValueError as e:
    print(type(e).__name__, e)

b = io.BytesIO(b"abc\ndef\n")
print(b.read(2), b.readline(), b.readlines(), b.read())
b.seek(-3, 2)
print(b.read(), b.tell())
b.seek(20)
b.write(b"Z")
print(b.getvalue(), b.truncate(4), b.getvalue())
for bad in [lambda: b.write("x"), lambda: b.seek(-1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
with io.BytesIO() as bb:
    bb.write(b"x")
print(bb.closed, io.SEEK_END, io.DEFAULT_BUFFER_SIZE)


class Upper(io.StringIO):
    def write(self, text):
        return super().write(text.upper())


u = Upper()
print("shout", file=u)
print(u.getvalue(), isinstance(u, io.StringIO))
print(io.TextIOWrapper.__name__, io.open is open, type(open("t.txt")).__module__)

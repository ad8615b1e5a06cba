# os, os.path, tempfile and shutil.
import os
import os.path
from os import path as p2
import shutil
import stat
import sys
import tempfile

print(os.path is p2, sys.modules["os.path"] is os.path, os.path.__name__)
print(os.sep, os.linesep == "\n", os.curdir, os.pardir, os.pathsep, os.name, os.extsep)
print(isinstance(os.getpid(), int), os.cpu_count() >= 1, len(os.urandom(8)))

cwd = os.getcwd()
os.mkdir("d")
os.chdir("d")
print(os.getcwd() == os.path.join(cwd, "d"))
os.chdir("..")
os.makedirs("d/e/f")
os.makedirs("d/e/f", exist_ok=True)
for bad in [lambda: os.makedirs("d/e"), lambda: os.mkdir("d"), lambda: os.rmdir("d"),
            lambda: os.rmdir("nope"), lambda: os.listdir("nope"), lambda: os.chdir("nope"),
            lambda: os.rename("nope", "x"), lambda: os.remove("d"), lambda: os.stat("nope"),
            lambda: os.path.getsize("nope"), lambda: os.unlink(""), lambda: os.listdir(5.5)]:
    try:
        bad()
    except (OSError, TypeError) as e:
        print(type(e).__name__, e)
with open("d/a.txt", "w") as f:
    f.write("12345")
with open("d/e/b.txt", "w") as f:
    f.write("b")
st = os.stat("d/a.txt")
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat("d").st_mode), type(st.st_mtime))
print(st[6], len(st), isinstance(st.st_mtime_ns, int), stat.filemode(0o100644), stat.filemode(0o40755))
print(os.path.getsize("d/a.txt"), os.path.isfile("d/a.txt"), os.path.isdir("d/a.txt"))
print(os.path.exists("d/e"), os.path.isdir("d/e"), os.path.islink("d"), os.path.lexists("d"))
print(sorted(os.listdir("d")), sorted(e.name for e in os.scandir("d")))
with os.scandir("d") as it:
    for e in sorted(it, key=lambda e: e.name):
        print(e.name, e.path, e.is_file(), e.is_dir(), e.is_symlink(), e.stat().st_size > 0)
print([(r, sorted(ds), sorted(fs)) for r, ds, fs in os.walk("d")])
print([r for r, ds, fs in os.walk("d", topdown=False)])
os.symlink("a.txt", "d/link")
print(os.path.islink("d/link"), os.readlink("d/link"), os.path.realpath("d/link") == os.path.abspath("d/a.txt"))
os.remove("d/link")
os.rename("d/a.txt", "d/c.txt")
os.replace("d/c.txt", "d/e/c.txt")
print(sorted(os.listdir("d/e")))
print(os.access("d", os.W_OK), os.access("nope", os.F_OK))

os.environ["KRAIT_TEST_VAR"] = "value1"
print(os.environ["KRAIT_TEST_VAR"], os.getenv("KRAIT_TEST_VAR"), "KRAIT_TEST_VAR" in os.environ)
print(os.getenv("KRAIT_NOT_SET"), os.getenv("KRAIT_NOT_SET", "dflt"), os.environ.get("KRAIT_NOT_SET", 1))
del os.environ["KRAIT_TEST_VAR"]
print(os.environ.get("KRAIT_TEST_VAR"))
try:
    os.environ["KRAIT_NOT_SET"]
except KeyError as e:
    print("KeyError", e)
os.environ["HOME"] = "/home/someone"
print(os.path.expanduser("~"), os.path.expanduser("~/x"), os.path.expanduser("~someone/y"), os.path.expanduser("a~"))
os.environ["KV"] = "kv"
print(os.path.expandvars("$KV/${KV}/$NOPE/${NOPE}/$"))

for path in ["", "/", "//", "///", "a", "a/", "/a/b/", "a/./b/../../..", "./a//b", "/../x", "..", "//a/b"]:
    print(repr(path), os.path.normpath(path), os.path.split(path), os.path.splitext(path),
          os.path.basename(path), os.path.dirname(path), os.path.isabs(path))
print(os.path.join("", "a"), os.path.join("a", ""), os.path.join("/", "a", "b/", "c"))
print(os.path.splitext("a.b/c"), os.path.splitext("..."), os.path.splitext("a/..b.c"))
print(os.path.relpath("a/b", "a/c/d"), os.path.relpath("/x", "/"), os.path.relpath("."))
print(os.path.commonprefix([]), os.path.commonprefix(["abc", "abd", "ab"]), os.path.commonpath(["a/b", "a/c"]))
print(os.path.abspath("x") == os.path.join(os.getcwd(), "x"), os.path.splitdrive("/a"))
for bad in [lambda: os.path.commonpath([]), lambda: os.path.commonpath(["/a", "b"]),
            lambda: os.path.relpath(""), lambda: os.path.join("a", 5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


class P:
    def __fspath__(self):
        return "d/e"


print(os.fspath(P()), os.path.join(P(), "f"), os.path.isdir(P()))

tmp = tempfile.gettempdir()
print(os.path.isdir(tmp), tempfile.gettempprefix())
d = tempfile.mkdtemp(prefix="pre_", suffix="_suf")
print(os.path.isdir(d), os.path.basename(d).startswith("pre_"), d.endswith("_suf"), os.path.isabs(d))
fd, name = tempfile.mkstemp(dir=d, suffix=".txt")
os.write(fd, b"raw bytes")
os.close(fd)
with open(name) as f:
    print(f.read(), name.endswith(".txt"), os.path.dirname(name) == d)
with tempfile.NamedTemporaryFile("w+", dir=d) as ntf:
    ntf.write("named")
    ntf.seek(0)
    print(ntf.read(), os.path.exists(ntf.name))
print(os.path.exists(ntf.name))
ntf = tempfile.NamedTemporaryFile(dir=d, delete=False)
ntf.write(b"keep")
ntf.close()
print(os.path.exists(ntf.name), open(ntf.name, "rb").read())
with tempfile.TemporaryFile() as tf:
    tf.write(b"anon")
    tf.seek(0)
    print(tf.read())
with tempfile.TemporaryDirectory() as td:
    os.makedirs(os.path.join(td, "x", "y"))
    open(os.path.join(td, "x", "y", "z"), "w").close()
    print(os.path.isdir(td))
print(os.path.exists(td))
t = tempfile.TemporaryDirectory()
print(repr(t).startswith("<TemporaryDirectory "))
t.cleanup()
t.cleanup()
print(os.path.exists(t.name))

shutil.copyfile("d/e/b.txt", "copy.txt")
print(open("copy.txt").read(), shutil.copy("copy.txt", "d"), os.path.exists("d/copy.txt"))
print(shutil.copy2("copy.txt", "copy2.txt"), os.stat("copy2.txt").st_mtime == os.stat("copy.txt").st_mtime)
try:
    shutil.copyfile("copy.txt", "copy.txt")
except shutil.SameFileError as e:
    print(type(e).__name__, e)
try:
    shutil.copyfile("nope", "x")
except FileNotFoundError as e:
    print(type(e).__name__, e)
print(shutil.copytree("d", "d2"))
print(sorted(os.listdir("d2")), sorted(os.listdir("d2/e")))
try:
    shutil.copytree("d", "d2")
except FileExistsError as e:
    print(type(e).__name__, e)
print(shutil.move("d2", "d3"), os.path.exists("d2"), os.path.isdir("d3/e"))
print(shutil.move("copy2.txt", "d3"), os.path.exists("d3/copy2.txt"))
shutil.rmtree("d3")
shutil.rmtree("nope", ignore_errors=True)
try:
    shutil.rmtree("nope")
except FileNotFoundError as e:
    print(type(e).__name__, e)
shutil.rmtree("d")
shutil.rmtree(d)
print(os.path.exists("d"), os.path.exists(d), shutil.which("sh") is not None, shutil.which("no-such-cmd-x"))

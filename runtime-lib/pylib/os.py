"""Operating-system interfaces for POSIX systems.

Provides the path, file and directory functions of the Rust `_os` module
(getcwd, chdir, listdir, mkdir, rmdir, remove, unlink, rename, replace,
stat, lstat, chmod, access, symlink, readlink, utime, open, close, read,
write, lseek, isatty, getpid, getppid, getuid, cpu_count, urandom,
strerror, umask, putenv, unsetenv, the O_*, F_OK/R_OK/W_OK/X_OK and
SEEK_* constants) and, written here: `environ` (a mapping that updates the
process environment), getenv, makedirs, removedirs, renames, walk,
scandir (DirEntry objects), fspath, fsencode, fsdecode, PathLike,
get_exec_path, the separators (sep, altsep, extsep, pathsep, linesep,
curdir, pardir, defpath, devnull), `name` and `error`. `os.path` is the
`posixpath` module (also importable as `os.path`).

Missing compared with CPython 3.11: processes (system, fork, exec*,
spawn*, popen, kill, wait*), pipes and descriptor duplication, fwalk,
environb, the *_fd and follow_symlinks variants of most calls, statvfs,
terminal size, scheduling, users and groups beyond getuid.
"""

import sys
import _os
import posixpath as path
from _os import (getcwd, chdir, listdir, mkdir, rmdir, remove, unlink, rename,
                 replace, stat, lstat, chmod, access, symlink, readlink, utime,
                 open, close, read, write, lseek, isatty, getpid, getppid,
                 getuid, cpu_count, urandom, strerror, umask, putenv, unsetenv,
                 O_RDONLY, O_WRONLY, O_RDWR, O_APPEND, O_CREAT, O_EXCL, O_TRUNC,
                 O_NOFOLLOW, O_CLOEXEC, O_DIRECTORY, O_NONBLOCK, F_OK, R_OK,
                 W_OK, X_OK, SEEK_SET, SEEK_CUR, SEEK_END, EX_OK)

sys.modules["os.path"] = path

name = "posix"
sep = path.sep
altsep = path.altsep
extsep = path.extsep
pathsep = path.pathsep
defpath = path.defpath
devnull = path.devnull
curdir = path.curdir
pardir = path.pardir
linesep = "\n"
error = OSError


class _Environ:
    """The process environment as a mutable mapping of str to str;
    changes reach the environment of the process."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("str expected, not " + type(key).__name__)
        if not isinstance(value, str):
            raise TypeError("str expected, not " + type(value).__name__)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        value = self._data[key]
        unsetenv(key)
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        return self._data == other

    def __repr__(self):
        items = ", ".join(f"{k!r}: {v!r}" for k, v in self._data.items())
        return "environ({" + items + "})"

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def pop(self, key, *default):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def update(self, other=(), **kwds):
        if hasattr(other, "keys"):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kwds.items():
            self[k] = v

    def clear(self):
        for k in list(self._data):
            del self[k]

    def __or__(self, other):
        result = dict(self._data)
        result.update(other)
        return result

    def __ior__(self, other):
        self.update(other)
        return self


environ = _Environ(_os.environ())


def getenv(key, default=None):
    """The environment variable `key`, or `default`."""
    return environ.get(key, default)


def get_exec_path(env=None):
    """The directories searched for executables ($PATH)."""
    if env is None:
        env = environ
    return env.get("PATH", defpath).split(pathsep)


def fspath(p):
    """The str or bytes form of a path-like object."""
    if isinstance(p, (str, bytes)):
        return p
    method = getattr(type(p), "__fspath__", None)
    if method is None:
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + type(p).__name__)
    result = method(p)
    if not isinstance(result, (str, bytes)):
        raise TypeError("expected {}.__fspath__() to return str or bytes, not {}".format(
            type(p).__name__, type(result).__name__))
    return result


class PathLike:
    """The base of objects with a file-system path (`__fspath__`)."""

    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        return hasattr(subclass, "__fspath__") or NotImplemented


def fsencode(filename):
    """A path as bytes (UTF-8)."""
    filename = fspath(filename)
    return filename.encode("utf-8", "surrogateescape") if isinstance(filename, str) else filename


def fsdecode(filename):
    """A path as str (UTF-8)."""
    filename = fspath(filename)
    return filename.decode("utf-8", "surrogateescape") if isinstance(filename, bytes) else filename


def makedirs(name, mode=0o777, exist_ok=False):
    """Creates a directory and any missing parents."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, mode, exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Removes a directory, then its parents while they are empty."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """Renames, creating the new parents and pruning the old ones."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


class DirEntry:
    """One entry of a scandir() listing."""

    def __init__(self, directory, name):
        self.name = name
        self.path = path.join(directory, name)
        self._stat = None
        self._lstat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def is_symlink(self):
        try:
            return (self.stat(follow_symlinks=False).st_mode & 0o170000) == 0o120000
        except FileNotFoundError:
            return False

    def is_dir(self, *, follow_symlinks=True):
        try:
            return (self.stat(follow_symlinks=follow_symlinks).st_mode & 0o170000) == 0o040000
        except FileNotFoundError:
            return False

    def is_file(self, *, follow_symlinks=True):
        try:
            return (self.stat(follow_symlinks=follow_symlinks).st_mode & 0o170000) == 0o100000
        except FileNotFoundError:
            return False


class _ScandirIterator:
    def __init__(self, directory, names):
        self._directory = directory
        self._names = iter(names)

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._directory, next(self._names))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def close(self):
        self._names = iter(())


def scandir(path=None):
    """An iterator of DirEntry objects for the directory's entries."""
    directory = "." if path is None else fspath(path)
    return _ScandirIterator(directory, listdir(directory))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yields (dirpath, dirnames, filenames) for each directory under top."""
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    files = []
    for entry_name in names:
        full = path.join(top, entry_name)
        if path.isdir(full):
            dirs.append(entry_name)
        else:
            files.append(entry_name)
    if topdown:
        yield top, dirs, files
        for d in dirs:
            new = path.join(top, d)
            if followlinks or not path.islink(new):
                yield from walk(new, topdown, onerror, followlinks)
    else:
        for d in dirs:
            new = path.join(top, d)
            if followlinks or not path.islink(new):
                yield from walk(new, topdown, onerror, followlinks)
        yield top, dirs, files

"""Temporary files and directories.

Provides gettempdir, gettempdirb, gettempprefix, mkdtemp, mkstemp, mktemp,
NamedTemporaryFile (deleted on close unless delete=False), TemporaryFile,
TemporaryDirectory (a context manager removing the tree on exit or on
cleanup()), the `tempdir` and `template` settings and TMP_MAX.

Missing compared with CPython 3.11: SpooledTemporaryFile, bytes
prefix/suffix/dir arguments, and the finalizers that remove a forgotten
NamedTemporaryFile or TemporaryDirectory when it is garbage-collected
(they are removed by close()/cleanup()/the with statement only).
"""

import os as _os
import _os as _posix

__all__ = ["NamedTemporaryFile", "TemporaryFile", "TemporaryDirectory",
           "mkstemp", "mkdtemp", "mktemp", "TMP_MAX", "gettempprefix",
           "tempdir", "gettempdir", "gettempprefix", "gettempdirb"]

TMP_MAX = 10000
template = "tmp"
tempdir = None

_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"
_rng = None


def _random_name():
    global _rng
    if _rng is None:
        import random
        _rng = random.Random()
    return "".join(_rng.choice(_LETTERS) for _ in range(8))


def _candidate_dirs():
    for var in ("TMPDIR", "TEMP", "TMP"):
        value = _os.getenv(var)
        if value:
            yield value
    yield from ("/tmp", "/var/tmp", "/usr/tmp")
    try:
        yield _os.getcwd()
    except OSError:
        yield _os.curdir


def gettempdir():
    """The directory temporary files go to ($TMPDIR, /tmp, ...)."""
    global tempdir
    if tempdir is None:
        for d in _candidate_dirs():
            if d != _os.curdir:
                d = _os.path.abspath(d)
            if _os.path.isdir(d) and _os.access(d, _os.W_OK | _os.X_OK):
                tempdir = d
                break
        else:
            raise FileNotFoundError(2, "No usable temporary directory found in %s"
                                    % list(_candidate_dirs()))
    return tempdir


def gettempdirb():
    """gettempdir() as bytes."""
    return _os.fsencode(gettempdir())


def gettempprefix():
    """The default prefix of temporary names ('tmp')."""
    return template


def _parts(suffix, prefix, dir):
    if suffix is None:
        suffix = ""
    if prefix is None:
        prefix = template
    if dir is None:
        dir = gettempdir()
    return suffix, prefix, _os.fspath(dir)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Creates a new directory (mode 0o700) and returns its absolute path."""
    suffix, prefix, dir = _parts(suffix, prefix, dir)
    for _ in range(TMP_MAX):
        name = _os.path.join(dir, prefix + _random_name() + suffix)
        try:
            _os.mkdir(name, 0o700)
        except FileExistsError:
            continue
        return _os.path.abspath(name)
    raise FileExistsError(17, "No usable temporary directory name found")


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Creates a new file (mode 0o600); returns (descriptor, absolute path)."""
    suffix, prefix, dir = _parts(suffix, prefix, dir)
    flags = _os.O_RDWR | _os.O_CREAT | _os.O_EXCL
    for _ in range(TMP_MAX):
        name = _os.path.join(dir, prefix + _random_name() + suffix)
        try:
            fd = _os.open(name, flags, 0o600)
        except FileExistsError:
            continue
        return fd, _os.path.abspath(name)
    raise FileExistsError(17, "No usable temporary file name found")


def mktemp(suffix="", prefix=template, dir=None):
    """An unused name (unsafe: the file may be created by someone else)."""
    if dir is None:
        dir = gettempdir()
    for _ in range(TMP_MAX):
        name = _os.path.join(dir, prefix + _random_name() + suffix)
        if not _os.path.lexists(name):
            return name
    raise FileExistsError(17, "No usable temporary filename found")


class _TemporaryFileWrapper:
    """A file object with a `name` (its path) that removes the file when
    closed, if `delete`."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def __getattr__(self, attr):
        return getattr(self.__dict__["file"], attr)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()
        return False

    def __iter__(self):
        return iter(self.file)

    def __repr__(self):
        return "<tempfile._TemporaryFileWrapper file=%r>" % (self.file,)

    @property
    def closed(self):
        return self.file.closed

    def close(self):
        if self._closed:
            return
        self._closed = True
        try:
            self.file.close()
        finally:
            if self.delete:
                try:
                    _os.unlink(self.name)
                except FileNotFoundError:
                    pass


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None,
                       suffix=None, prefix=None, dir=None, delete=True, *, errors=None):
    """An open temporary file with a visible name (removed on close
    unless delete is false)."""
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        file = open(fd, mode, buffering=buffering, newline=newline,
                    encoding=encoding, errors=errors)
    except BaseException:
        _os.unlink(name)
        _os.close(fd)
        raise
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None,
                  suffix=None, prefix=None, dir=None, *, errors=None):
    """An open temporary file with no name in the file system."""
    fd, name = mkstemp(suffix, prefix, dir)
    _os.unlink(name)
    try:
        return open(fd, mode, buffering=buffering, newline=newline,
                    encoding=encoding, errors=errors)
    except BaseException:
        _os.close(fd)
        raise


class TemporaryDirectory:
    """A temporary directory; `with TemporaryDirectory() as d:` binds its
    path and removes the tree on exit (or call cleanup())."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._done = False

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()
        return False

    def cleanup(self):
        if self._done:
            return
        self._done = True
        if _os.path.lexists(self.name):
            import shutil
            shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)

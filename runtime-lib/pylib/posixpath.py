"""Path operations for POSIX systems; `os.path` is this module.

Provides join, split, splitext, splitdrive, basename, dirname, isabs,
normcase, normpath, abspath, realpath, relpath, commonprefix, commonpath,
expanduser, expandvars, exists, lexists, isfile, isdir, islink, ismount,
getsize, getmtime, getatime, getctime, samefile, sameopenfile, samestat,
and the constants sep, altsep, extsep, pathsep, curdir, pardir, defpath,
devnull.

Missing compared with CPython 3.11: bytes paths are accepted by the pure
string functions only where they are written without str literals (join,
split, basename, dirname do not accept bytes); `expanduser` reads
/etc/passwd directly (no `pwd` module).
"""

import _os
import stat as _stat

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext",
           "basename", "dirname", "commonprefix", "getsize", "getmtime",
           "getatime", "getctime", "islink", "exists", "lexists", "isdir",
           "isfile", "ismount", "expanduser", "expandvars", "normpath",
           "abspath", "samefile", "sameopenfile", "samestat", "curdir",
           "pardir", "sep", "pathsep", "defpath", "altsep", "extsep",
           "devnull", "realpath", "supports_unicode_filenames", "relpath",
           "commonpath"]

curdir = "."
pardir = ".."
extsep = "."
sep = "/"
pathsep = ":"
defpath = "/bin:/usr/bin"
altsep = None
devnull = "/dev/null"
supports_unicode_filenames = False


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    method = getattr(type(p), "__fspath__", None)
    if method is None:
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + type(p).__name__)
    return method(p)


def _check_arg(funcname, p):
    if isinstance(p, (str, bytes)) or hasattr(type(p), "__fspath__"):
        return _fspath(p)
    raise TypeError(f"{funcname}() argument must be str, bytes, or "
                    f"os.PathLike object, not {type(p).__name__!r}")


def _home_of(user):
    """The home directory of `user` from the password file, or None."""
    try:
        with open("/etc/passwd") as f:
            for line in f:
                fields = line.rstrip("\n").split(":")
                if len(fields) >= 6 and fields[0] == user:
                    return fields[5]
    except OSError:
        pass
    return None


def _uid_home():
    uid = str(_os.getuid())
    try:
        with open("/etc/passwd") as f:
            for line in f:
                fields = line.rstrip("\n").split(":")
                if len(fields) >= 6 and fields[2] == uid:
                    return fields[5]
    except OSError:
        pass
    return None


def normcase(s):
    """Case normalisation: none on POSIX."""
    return _fspath(s)


def isabs(s):
    """Whether the path is absolute (starts with a slash)."""
    return _fspath(s).startswith("/")


def join(a, *p):
    """Joins path components, restarting at an absolute one."""
    path = _check_arg("join", a)
    for part in p:
        part = _check_arg("join", part)
        if not isinstance(part, str):
            raise TypeError("Can't mix strings and bytes in path components")
        if part.startswith("/"):
            path = part
        elif not path or path.endswith("/"):
            path += part
        else:
            path += "/" + part
    return path


def split(p):
    """(head, tail): tail is the part after the last slash."""
    p = _fspath(p)
    cut = p.rfind("/") + 1
    head, tail = p[:cut], p[cut:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def splitext(p):
    """(root, ext): ext is the last dot and what follows it, unless the
    dot only leads the file name."""
    p = _fspath(p)
    slash = p.rfind("/")
    dot = p.rfind(".")
    if dot > slash:
        i = slash + 1
        while i < dot:
            if p[i] != ".":
                return p[:dot], p[dot:]
            i += 1
    return p, p[:0]


def splitdrive(p):
    """(drive, path): the drive is always empty on POSIX."""
    p = _fspath(p)
    return p[:0], p


def basename(p):
    """The final component of a path."""
    p = _fspath(p)
    return p[p.rfind("/") + 1:]


def dirname(p):
    """Everything before the final component."""
    return split(p)[0]


def normpath(path):
    """Collapses redundant separators and up-level references."""
    path = _fspath(path)
    if path == "":
        return "."
    slashes = 0
    if path.startswith("/"):
        slashes = 2 if path.startswith("//") and not path.startswith("///") else 1
    parts = []
    for comp in path.split("/"):
        if comp == "" or comp == ".":
            continue
        if comp != ".." or (not slashes and not parts) or (parts and parts[-1] == ".."):
            parts.append(comp)
        elif parts:
            parts.pop()
    result = "/" * slashes + "/".join(parts)
    return result or "."


def abspath(path):
    """The absolute, normalised form of a path."""
    path = _fspath(path)
    if not isabs(path):
        path = join(_os.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """The canonical path: symbolic links resolved."""
    path = abspath(filename)
    parts = [c for c in path.split("/") if c]
    resolved = "/"
    seen = 0
    while parts:
        comp = parts.pop(0)
        candidate = join(resolved, comp)
        try:
            is_link = _stat.S_ISLNK(_os.lstat(candidate).st_mode)
        except OSError:
            if strict:
                raise
            is_link = False
        if not is_link:
            resolved = candidate
            continue
        seen += 1
        if seen > 40:
            if strict:
                raise OSError(40, "Too many levels of symbolic links", candidate)
            return join(candidate, *parts) if parts else candidate
        target = _os.readlink(candidate)
        if target.startswith("/"):
            resolved = "/"
        parts = [c for c in target.split("/") if c] + parts
        resolved = normpath(resolved)
        # '..' after a link goes up from the link's target
        while parts and parts[0] == "..":
            parts.pop(0)
            resolved = dirname(resolved) or "/"
        while parts and parts[0] == ".":
            parts.pop(0)
    return normpath(resolved)


def relpath(path, start=None):
    """The path relative to start (default the current directory)."""
    if not path:
        raise ValueError("no path specified")
    path = _fspath(path)
    start = curdir if start is None else _fspath(start)
    start_parts = [x for x in abspath(start).split("/") if x]
    path_parts = [x for x in abspath(path).split("/") if x]
    common = len(commonprefix([start_parts, path_parts]))
    rel = [pardir] * (len(start_parts) - common) + path_parts[common:]
    if not rel:
        return curdir
    return join(*rel)


def commonprefix(m):
    """The longest common leading string (or list) of the items."""
    if not m:
        return ""
    if not isinstance(m[0], (list, tuple)):
        m = tuple(_fspath(x) for x in m)
    low = min(m)
    high = max(m)
    for i, c in enumerate(low):
        if c != high[i]:
            return low[:i]
    return low


def commonpath(paths):
    """The longest common sub-path of the paths."""
    paths = tuple(_fspath(p) for p in paths)
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    absolute = set(p.startswith("/") for p in paths)
    if len(absolute) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in p.split("/") if c and c != "."] for p in paths]
    low = min(split_paths)
    high = max(split_paths)
    common = low
    for i, c in enumerate(low):
        if c != high[i]:
            common = low[:i]
            break
    prefix = "/" if paths[0].startswith("/") else ""
    return prefix + "/".join(common)


def expanduser(path):
    """Replaces a leading ~ (the current user) by the home directory."""
    path = _fspath(path)
    if not path.startswith("~"):
        return path
    i = path.find("/", 1)
    if i < 0:
        i = len(path)
    if i == 1:
        home = _os.environ().get("HOME")
        if home is None:
            home = _uid_home()
    else:
        home = _home_of(path[1:i])
    if home is None:
        return path
    home = home.rstrip("/")
    return (home + path[i:]) or "/"


def expandvars(path):
    """Replaces $name and ${name} by environment variables that exist."""
    path = _fspath(path)
    if "$" not in path:
        return path
    env = _os.environ()
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c != "$" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        if path[i + 1] == "{":
            end = path.find("}", i + 2)
            if end < 0:
                out.append(c)
                i += 1
                continue
            name = path[i + 2:end]
            if name in env:
                out.append(env[name])
            else:
                out.append(path[i:end + 1])
            i = end + 1
            continue
        j = i + 1
        while j < n and (path[j].isalnum() or path[j] == "_"):
            j += 1
        name = path[i + 1:j]
        if name and name in env:
            out.append(env[name])
        else:
            out.append(path[i:j] if name else c)
        i = j if name else i + 1
    return "".join(out)


def exists(path):
    """Whether the path names an existing file (broken links: False)."""
    try:
        _os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def lexists(path):
    """Whether the path exists (broken symbolic links too)."""
    try:
        _os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def isfile(path):
    """Whether the path is an existing regular file."""
    try:
        st = _os.stat(path)
    except (OSError, ValueError):
        return False
    return _stat.S_ISREG(st.st_mode)


def isdir(s):
    """Whether the path is an existing directory."""
    try:
        st = _os.stat(s)
    except (OSError, ValueError):
        return False
    return _stat.S_ISDIR(st.st_mode)


def islink(path):
    """Whether the path is a symbolic link."""
    try:
        st = _os.lstat(path)
    except (OSError, ValueError, AttributeError):
        return False
    return _stat.S_ISLNK(st.st_mode)


def ismount(path):
    """Whether the path is a mount point."""
    try:
        s1 = _os.lstat(path)
    except (OSError, ValueError):
        return False
    if _stat.S_ISLNK(s1.st_mode):
        return False
    try:
        s2 = _os.lstat(join(path, ".."))
    except (OSError, ValueError):
        return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def getsize(filename):
    """The size of a file in bytes."""
    return _os.stat(filename).st_size


def getmtime(filename):
    """The last modification time (seconds since the epoch)."""
    return _os.stat(filename).st_mtime


def getatime(filename):
    """The last access time (seconds since the epoch)."""
    return _os.stat(filename).st_atime


def getctime(filename):
    """The metadata change time (seconds since the epoch)."""
    return _os.stat(filename).st_ctime


def samestat(s1, s2):
    """Whether two stat results describe the same file."""
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    """Whether two paths name the same file."""
    return samestat(_os.stat(f1), _os.stat(f2))


def sameopenfile(fp1, fp2):
    """Whether two file descriptors refer to the same file."""
    return samestat(_os.stat(fp1), _os.stat(fp2))

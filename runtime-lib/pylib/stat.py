"""Interpreting `os.stat()` results: the file-type bits (S_IFMT, S_IFDIR,
S_IFREG, S_IFLNK, ...), the permission bits (S_IRUSR ... S_IXOTH, S_ISUID,
S_ISGID, S_ISVTX), the tests S_ISDIR, S_ISREG, S_ISLNK, S_ISFIFO,
S_ISSOCK, S_ISCHR, S_ISBLK, S_IMODE, S_IFMT and filemode(), and the
ST_* tuple indices.

Missing compared with CPython 3.11: the Windows FILE_ATTRIBUTE_* and the
BSD UF_*/SF_* flag constants, S_ISDOOR/S_ISPORT/S_ISWHT.
"""

ST_MODE = 0
ST_INO = 1
ST_DEV = 2
ST_NLINK = 3
ST_UID = 4
ST_GID = 5
ST_SIZE = 6
ST_ATIME = 7
ST_MTIME = 8
ST_CTIME = 9

S_IFDIR = 0o040000
S_IFCHR = 0o020000
S_IFBLK = 0o060000
S_IFREG = 0o100000
S_IFIFO = 0o010000
S_IFLNK = 0o120000
S_IFSOCK = 0o140000

S_ISUID = 0o4000
S_ISGID = 0o2000
S_ISVTX = 0o1000
S_ENFMT = S_ISGID
S_IREAD = 0o0400
S_IWRITE = 0o0200
S_IEXEC = 0o0100
S_IRWXU = 0o0700
S_IRUSR = 0o0400
S_IWUSR = 0o0200
S_IXUSR = 0o0100
S_IRWXG = 0o0070
S_IRGRP = 0o0040
S_IWGRP = 0o0020
S_IXGRP = 0o0010
S_IRWXO = 0o0007
S_IROTH = 0o0004
S_IWOTH = 0o0002
S_IXOTH = 0o0001


def S_IMODE(mode):
    """The permission bits of a mode (those chmod() sets)."""
    return mode & 0o7777


def S_IFMT(mode):
    """The file-type bits of a mode."""
    return mode & 0o170000


def S_ISDIR(mode):
    return S_IFMT(mode) == S_IFDIR


def S_ISCHR(mode):
    return S_IFMT(mode) == S_IFCHR


def S_ISBLK(mode):
    return S_IFMT(mode) == S_IFBLK


def S_ISREG(mode):
    return S_IFMT(mode) == S_IFREG


def S_ISFIFO(mode):
    return S_IFMT(mode) == S_IFIFO


def S_ISLNK(mode):
    return S_IFMT(mode) == S_IFLNK


def S_ISSOCK(mode):
    return S_IFMT(mode) == S_IFSOCK


_TYPE_CHARS = ((S_IFLNK, "l"), (S_IFSOCK, "s"), (S_IFREG, "-"), (S_IFBLK, "b"),
               (S_IFDIR, "d"), (S_IFCHR, "c"), (S_IFIFO, "p"))


def filemode(mode):
    """'-rwxr-xr-x' for a mode, as `ls -l` shows it."""
    out = "?"
    for bits, ch in _TYPE_CHARS:
        if S_IFMT(mode) == bits:
            out = ch
            break
    for who, special, special_ch in ((6, S_ISUID, "s"), (3, S_ISGID, "s"), (0, S_ISVTX, "t")):
        perms = (mode >> who) & 7
        out += "r" if perms & 4 else "-"
        out += "w" if perms & 2 else "-"
        if mode & special:
            out += special_ch if perms & 1 else special_ch.upper()
        else:
            out += "x" if perms & 1 else "-"
    return out

# A program of several modules: a package with a subpackage, relative
# imports, a module imported from two places, circular imports, and the
# errors imports raise.
import sys
import mm_pkg
import mm_pkg.sub.deep as deep
from mm_pkg import util, VERSION as V
from mm_pkg.util import *

print(__name__, mm_pkg.__name__, util.__name__, deep.__name__, V)
print(mm_pkg.greet("world"), util.counter, counter is util.counter)
print(shout("star"), "not_exported" in dir(), "_private" in dir())
print(mm_pkg.sub.deep is deep, mm_pkg.util is util, deep.util is util)
print(sorted(k for k in sys.modules if k.startswith("mm_pkg")))

import mm_pkg.cyc_a
print(mm_pkg.cyc_b.late())

for name in ["mm_pkg.cyc_bad", "mm_pkg.beyond", "nonexistent_module", "mm_pkg.nope"]:
    try:
        if name == "mm_pkg.cyc_bad":
            import mm_pkg.cyc_bad
        elif name == "mm_pkg.beyond":
            import mm_pkg.beyond
        elif name == "nonexistent_module":
            import nonexistent_module
        else:
            import mm_pkg.nope
    except ImportError as e:
        print(type(e).__name__, str(e).split(" (")[0], e.name)

try:
    from mm_pkg import missing_name
except ImportError as e:
    print(str(e).split(" (")[0])

for attempt in range(2):
    try:
        import mm_pkg.raises
    except ValueError as e:
        print(attempt, e, "mm_pkg.raises" in sys.modules)


def late_import():
    import mm_pkg.util as again
    return again is util


print(late_import())
if __name__ == "__main__":
    print("main done")

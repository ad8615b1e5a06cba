# SystemExit is an exception: it can be caught, and exit() codes vary.
import sys
for code in [None, 0, 2, "text"]:
    try:
        sys.exit(code)
    except SystemExit as e:
        print("SystemExit", repr(e.code))
try:
    raise SystemExit(5)
except BaseException as e:
    print(type(e).__name__, e.code, isinstance(e, Exception))
print(sys.argv[0].endswith("sys_exit_caught.py"), len(sys.argv))
raise SystemExit(0)

# sys.argv holds the script path then the arguments (see args_and_argv.args).
import sys
print(len(sys.argv), sys.argv[1:])
print(sys.argv[0].endswith("args_and_argv.py"))
total = sum(int(a) for a in sys.argv[1:] if a.isdigit() if hasattr(a, "isdigit")) if False else 0
for a in sys.argv[1:]:
    print(repr(a))

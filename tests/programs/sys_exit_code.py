# sys.exit with an int: the exit status, no traceback; finally blocks run.
import sys
print("working")
try:
    sys.exit(3)
finally:
    print("cleanup")

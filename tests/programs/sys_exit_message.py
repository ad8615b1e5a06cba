# sys.exit with a message: printed to stderr, exit status 1.
import sys
def main():
    print("checking input")
    sys.exit("fatal: no input given")
main()

from . import util
from .sub.deep import depth
print("init", __name__, __package__)


def greet(who):
    return util.shout("hello " + who) + " at depth " + str(depth())

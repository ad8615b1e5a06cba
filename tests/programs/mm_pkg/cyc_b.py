print("cyc_b starts")
from . import cyc_a
B = "b"


def late():
    return cyc_a.A

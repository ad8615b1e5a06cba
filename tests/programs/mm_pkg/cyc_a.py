print("cyc_a starts")
from . import cyc_b
A = "a"
print("cyc_a sees", cyc_b.B)

from .cyc_bad import Y
X = 1

from .cyc_bad2 import X

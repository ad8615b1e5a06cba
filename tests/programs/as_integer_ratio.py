print((7).as_integer_ratio(), (-3).as_integer_ratio(), True.as_integer_ratio(), (2**70).as_integer_ratio())
print((0.75).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.5).as_integer_ratio(), (1e300).as_integer_ratio()[1], (5e-324).as_integer_ratio()[1] == 2**1074, (0.0).as_integer_ratio())
for x in (float("inf"), float("nan")):
    try:
        x.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print((0.5).hex(), (1.0).hex(), (-3.75).hex(), (0.0).hex(), (-0.0).hex(), (5e-324).hex(), float("inf").hex(), float("-inf").hex(), float("nan").hex(), (1e300).hex(), (0.1).hex())

nan = float("nan")
print([float("nan")] == [float("nan")], [nan] == [nan], nan in [nan], (nan,) == (nan,), nan == nan, nan is nan)
print(float("nan") is float("nan"), repr(float("nan")), repr(-nan), float("-nan"))
import math
print(math.isnan(nan), math.nan is math.nan, [math.nan] == [math.nan], {nan: 1}[nan])

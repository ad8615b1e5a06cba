import statistics as st
from fractions import Fraction as F

def err(f, *a):
    try:
        print("ok", f(*a))
    except Exception as e:
        print(type(e).__name__, e)

sets = [[2, 4, 4, 4, 5, 5, 7, 9], [1.5, 2.5, 2.5, 2.75, 3.25, 4.75], [F(1, 2), F(1, 4), F(1, 3)], [1, 3, 2, 4], [10], [1, 2.5, F(1, 2)], [True, False, True]]
for data in sets:
    for name in ["mean", "fmean", "median", "median_low", "median_high", "mode", "multimode", "pvariance", "pstdev"]:
        print(name, repr(getattr(st, name)(data)))
    if len(data) > 1:
        for name in ["variance", "stdev", "quantiles"]:
            print(name, repr(getattr(st, name)(data)))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9], n=10), st.quantiles(range(10), n=3, method="inclusive"))
print(st.multimode("aabbbccc"), st.mode(["x", "y", "y"]), st.harmonic_mean([40, 60]), st.geometric_mean([54, 24, 36]))
print(st.variance([1, 2, 3, 4], 2.5), st.pvariance([1, 2, 3, 4], mu=2.5), st.mean(iter([1, 2, 3])), st.median((5, 1, 3)))
for f, a in [(st.mean, []), (st.median, []), (st.mode, []), (st.variance, [1]), (st.stdev, [1]), (st.pvariance, []), (st.fmean, []),
             (st.quantiles, [1]), (st.harmonic_mean, [-1, 2]), (st.mean, ["a", "b"])]:
    err(f, a)
print(issubclass(st.StatisticsError, ValueError), st.multimode([]))

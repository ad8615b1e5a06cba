# sys.float_info (a struct sequence) and float.fromhex.
import sys
fi = sys.float_info
print(fi)
print(fi.max_exp, fi.min_exp, fi.radix, fi.rounds, fi.max_10_exp, fi.min_10_exp, len(fi), fi[0] == fi.max, tuple(fi)[8])
print(fi == tuple(fi), 53 in fi)
print(float.fromhex("0x1.fffffffffffffp+1023") == fi.max, float.fromhex("0x1p-1074"), float.fromhex("-0x1.8p1"))
print(float.fromhex(" 0X.1P4 "), float.fromhex("inf"), float.fromhex("1p-1075"), float.fromhex("3p-1075"))
for bad in ["0x", "0x1p", "zz"]:
    try:
        float.fromhex(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    float.fromhex("0x1p1024")
except OverflowError as e:
    print("OverflowError:", e)
class F(float):
    pass
print(type(F.fromhex("0x1p0")).__name__)
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor, sys.version_info >= (3, 8), tuple(sys.version_info)[3])

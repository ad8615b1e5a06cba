# struct: packing and unpacking in every byte order, native alignment, floats
# of every width (rounding, subnormals, infinities), strings, and the errors;
# math.ldexp into the subnormal range.
import math
print(math.ldexp(1e-310, 1074), math.ldexp(1e308, -1100), math.ldexp(0.75, -1074), math.ldexp(1.0, -10**30), math.ldexp(-1.5, 1023))
import struct

for fmt in ["<i", ">h", "!I", "=q", "<Q", "@b", ">B", "<?", "@l", "<L", "@n", "@N", "@P"]:
    v = 1 if fmt.endswith("?") else 100
    data = struct.pack(fmt, v)
    print(fmt, struct.calcsize(fmt), data, struct.unpack(fmt, data))
print(struct.pack("<hhl", 1, 2, 3), struct.pack("@hhl", 1, 2, 3), struct.calcsize("@hhl"), struct.calcsize("@bid"))
print(struct.pack(">3sx2p5p", b"abcd", b"xyz", b"hi"), struct.unpack(">3sx2p5p", struct.pack(">3sx2p5p", b"abcd", b"xyz", b"hi")))
for x in [0.0, -0.0, 1.5, -2.25, 0.1, 1e-310, 5e-324, 3.4028235e38, 65504.0, 1e-7, 6e-8, float("inf"), -float("inf"), 1 / 3]:
    row = []
    for code in "edf":
        try:
            b = struct.pack("<" + code, x)
            row.append((b.hex(), struct.unpack("<" + code, b)[0]))
        except OverflowError as e:
            row.append(("OverflowError", str(e)))
    print(x, row)
print(struct.unpack("<d", struct.pack("<d", float("nan")))[0] != 0.0)
s = struct.Struct("<2H?c")
print(s.size, s.format, s.pack(7, 8, True, b"z"), s.unpack(b"\x01\x00\x02\x00\x00q"))
buf = bytearray(10)
struct.pack_into("<hh", buf, 2, -1, 513)
print(buf, struct.unpack_from("<h", buf, 4), list(struct.iter_unpack("<H", b"\x01\x00\x02\x00")))
print(struct.pack("<q", -2**63), struct.unpack(">i", b"\xff\xff\xff\xfe"), struct.pack("3i", 1, 2, 3))
for bad in [("<b", 200), ("<B", -1), ("<h", 40000), ("<i", 2**31), ("<Q", -1), ("<i", 1.5), ("<c", b"ab"), ("<s", "str"), ("<f", "x")]:
    try:
        struct.pack(*bad)
    except struct.error as e:
        print(bad[0], "error:", e)
for fmt, data in [("<i", b"\x00"), ("<z", b""), ("<2", b"")]:
    try:
        struct.unpack(fmt, data)
    except struct.error as e:
        print(fmt, "error:", e)
try:
    struct.pack("<ii", 1)
except struct.error as e:
    print("error:", e)

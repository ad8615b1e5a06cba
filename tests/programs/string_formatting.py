# str.format, format_map and printf-style % formatting.
print("{} {} {}".format(1, "a", [2]), "{1}-{0}".format("x", "y"), "{name}!".format(name="hi"))
print("{:>6}|{:<6}|{:^6}|{:06.2f}|{:,}".format("r", "l", "c", 3.14159, 1234567))
print("{0[0]} {0[1]} {1.real} {d[key]}".format([5, 6], 3, d={"key": "v"}))
print("{!r} {!s} {:{w}.{p}f}".format("q", "q", 2.71828, w=8, p=3), "{{literal}}".format())
print("{a}/{b}".format_map({"a": 1, "b": 2}))
print("%s %d %.3f %5.1f|%-5s|%05d %x %o %e %%" % ("s", 42, 3.14159, 2.25, "ab", -7, 255, 8, 12345.678))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "%c%c" % (72, "i"), "%r" % ("x",))
print("%+d % d %i %u" % (5, 5, -3, 7), "%.2s" % "abcdef", "%*d|%-*d|" % (4, 1, 4, 2))
for bad in [lambda: "%d" % "x", lambda: "%d %d" % (1,), lambda: "%s" % (1, 2), lambda: "{}".format(),
            lambda: "{0}{}".format(1, 2), lambda: "{".format(), lambda: "%q" % 1]:
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)

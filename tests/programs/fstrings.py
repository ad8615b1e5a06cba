# f-strings: conversions, format specs, nesting, expressions.
name, n, pi = "krait", 42, 3.14159
print(f"{name} {n} {pi}")
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"[{n:5}] [{n:<5}] [{n:^5}] [{n:>5}] [{n:05}] [{n:+}] [{-n:+}]")
print(f"[{name:10}] [{name:>10}] [{name:*^11}] [{name:.3}]")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#b} {255:08b} {1000000:,} {1000000:_}")
print(f"{pi:.2f} {pi:10.4f} {pi:e} {pi:.3g} {0.000012345:g} {pi:%}")
width, prec = 12, 3
print(f"[{pi:{width}.{prec}f}] [{name:>{width}}]")
print(f"{n * 2} {n // 5} {[i for i in range(3)]} {dict(a=1)} {(1, 2)}")
print(f"{'nested ' + f'{n}'}" f" and {{braces}}")
items = {"a": 1}
print(f"{items['a']} {len(items)=}" if False else f"{items['a']}")
print(f"{True} {None} {1.0} {1e20} {-0.0}")

import decimal

def run(mod):
    r = []
    print(mod.getcontext())
    Dec = mod.Decimal
    ctx = mod.getcontext()
    ctx.prec = 28
    def p(*a):
        r.append(" ".join(str(x) for x in a))
    def e(f):
        try:
            p("ok", f())
        except Exception as ex:
            p(type(ex).__name__, ex)
    vals = ["0", "1", "-1", "0.1", "1.10", "123.456", "-0.000001234", "1E+5", "1e-7", "5", "3", "7", "2.5", "-0", "100", "0.00", "12345678901234567890.123456789"]
    for a in vals:
        x = Dec(a)
        p(a, str(x), repr(x), x.adjusted(), int(x), float(x), hash(x), x.as_tuple(), round(x), round(x, 2), -x, +x, abs(x), x.normalize(), x.is_zero())
        for b in vals:
            y = Dec(b)
            p(" ", a, b, x + y, x - y, x * y, x == y, x < y, x >= y)
            if not y.is_zero():
                p("   ", x / y, x // y, x % y, divmod(x, y))
    p(Dec(1) / Dec(7), Dec(2).sqrt(), Dec("1.005").quantize(Dec("0.01")), Dec(0.1), Dec(2.5), Dec(1) + 1, 1 - Dec("0.5"), Dec("0.5") == 0.5, Dec("0.1") == 0.1)
    for mode in ["ROUND_DOWN", "ROUND_HALF_UP", "ROUND_HALF_EVEN", "ROUND_CEILING", "ROUND_FLOOR", "ROUND_UP", "ROUND_HALF_DOWN", "ROUND_05UP"]:
        p(mode, [str(Dec(v).quantize(Dec("1"), rounding=getattr(mod, mode))) for v in ["2.5", "3.5", "-2.5", "2.51", "-2.49", "1.0", "0.5", "5.1", "-0.5"]])
    ctx.prec = 6
    p(Dec(1) / Dec(7), Dec(2).sqrt(), Dec("123456789") + 0, Dec("999999.5") + 0, Dec(10) ** 10, Dec(2) ** -3, Dec(3) ** -1, Dec("1.1") ** 3, Dec(100).sqrt(), Dec("0.25").sqrt(), Dec("1E-10").sqrt())
    ctx.prec = 28
    e(lambda: Dec(1) / 0)
    e(lambda: Dec(0) / 0)
    e(lambda: Dec("abc"))
    e(lambda: Dec(5) // 0)
    e(lambda: Dec("-4").sqrt())
    p(sorted([Dec("0.5"), Dec(1), Dec("-3"), Dec("0.25")]), max(Dec(1), Dec("1.5")), sum([Dec("0.1")] * 10), Dec("2.50") == Dec("2.5"))
    p(Dec("Infinity"), Dec("-inf"), Dec("NaN"), Dec("1E+2") + 0, Dec("0.000001"), Dec("0.0000001"), Dec(1234).quantize(Dec("1E+2")), Dec("7.3").to_integral_value())
    p(f"{Dec('3.14159'):.2f}", f"{Dec('2.5'):8.3f}|", f"{Dec('-1.5'):f}", f"{Dec('1234.5')}", Dec(3).as_integer_ratio(), Dec("0.75").as_integer_ratio())
    with mod.localcontext() as c:
        c.prec = 3
        p(Dec(1) / 3)
    p(Dec(1) / 3, mod.getcontext().prec)
    return r

for line in run(decimal):
    print(line)

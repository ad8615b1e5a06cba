# time: broken-down times, formatting and parsing (deterministic parts).
import time

for secs in [0, 1, 59, 86399, 86400, 951782400, 1e9, 1700000000.75, -1, -86401, 4102444800]:
    t = time.gmtime(secs)
    print(tuple(t), t.tm_zone, t.tm_gmtoff)
t = time.gmtime(1700000000)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
print(t[0], t[-1], len(t), t[:3])
for fmt in ["%Y-%m-%d %H:%M:%S", "%a %A %b %B", "%d/%m/%y %I:%M %p", "%j %U %W %w %u",
            "%G-W%V", "%D %T %R %F", "%e|%C|%%|%n|%t", "%c", "%x %X", "literal only"]:
    print(repr(time.strftime(fmt, t)))
for year in [2020, 2021, 2026, 2027]:
    for day in ["01-01", "01-03", "12-29", "12-31"]:
        tt = time.strptime(f"{year}-{day}", "%Y-%m-%d")
        print(year, day, time.strftime("%G %V %U %W %j %a", tt))
print(time.asctime(time.gmtime(1234567890)))
print(time.strftime("%Y", (2024, 1, 1, 0, 0, 0, 0, 1, 0)))
print(tuple(time.strptime("2024-02-29 13:45:01", "%Y-%m-%d %H:%M:%S")))
print(tuple(time.strptime("  7 Mar 99", " %d %b %y")))
print(tuple(time.strptime("Tuesday, November 14, 2023 10PM", "%A, %B %d, %Y %I%p")))
print(tuple(time.strptime("100", "%j")))
print(time.strptime("12:30", "%H:%M")[:6])
print(time.mktime(time.localtime(1234567890)) == 1234567890.0)
print(time.localtime(0).tm_year in (1969, 1970))
for args in [("2024-13-01", "%Y-%m-%d"), ("2024-02-30", "%Y-%m-%d"), ("2024-01-01x", "%Y-%m-%d"),
             ("abc", "%H")]:
    try:
        time.strptime(*args)
    except ValueError as e:
        print(type(e).__name__, e)
for bad in [lambda: time.sleep(-1), lambda: time.strftime("%Y", (2024, 13, 1, 0, 0, 0, 0, 1, 0)),
            lambda: time.gmtime("x"), lambda: time.strftime(5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
a, b = time.perf_counter(), time.perf_counter()
c, d = time.monotonic_ns(), time.monotonic_ns()
print(b >= a, d >= c, type(time.time_ns()), type(time.process_time()), time.time() > 1.6e9)
time.sleep(0)

import json
from json import JSONDecodeError, JSONEncoder, JSONDecoder

def err(f, *a, **k):
    try:
        print("ok", f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

data = {"a": [1, 2.5, None, True, False, "s"], "b": {"c": {}, "d": []}, "e": (1, 2), "f": -0.0}
print(json.dumps(data))
print(json.dumps(data, indent=4, sort_keys=True))
print(json.dumps(data, indent=0), json.dumps([], indent=2), json.dumps({}, indent=2))
print(json.dumps(data, separators=(",", ":")), json.dumps([1, [2, [3]]], indent=1, separators=(",", " = ")))
print(json.dumps("\"\\\n\t\r\b\f\x01\x1f é ☃ 😀"), json.dumps("é ☃ 😀\x00", ensure_ascii=False))
print(json.dumps([1e16, 1.5e-7, 123456789.125, 2 ** 70, -5, 0.1 + 0.2, 1e300 * 10, float("nan")]))
print(json.dumps({2.5: 1, 3: 2, None: 3, False: 4, "x": 5}), json.dumps({(1, 2): 3}, skipkeys=True))
err(json.dumps, {(1, 2): 3})
err(json.dumps, [float("inf")], allow_nan=False)
err(json.dumps, object())
a = []
a.append(a)
err(json.dumps, a)
d = {}
d["self"] = d
err(json.dumps, d)
print(json.dumps({"b": 1, "a": 2, "c": 3}, sort_keys=True), json.dumps(data, default=str))
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
class E(JSONEncoder):
    def default(self, o):
        if isinstance(o, Pt):
            return [o.x, o.y]
        return JSONEncoder.default(self, o)
print(E().encode([Pt(0, 1), 2]), E(indent=2).encode({"z": Pt(3, 4.0)}), json.dumps(Pt(0, 2), cls=E), list(E().iterencode([1])) != [])
err(E().encode, [object()])
class MyInt(int):
    pass
class MyStr(str):
    pass
print(json.dumps([MyInt(3), MyStr("x"), True]), json.dumps({MyStr("k"): MyInt(1)}))
# decoding
print(json.loads('  {"a" : [1, -2, 3.5e2, -0.25, 1E-2, 10e+1], "b" : "x\\u00e9\\ud83d\\ude00\\/", "c": null} '))
print(json.loads("[]"), json.loads("{}"), json.loads('"x"'), json.loads("-0"), json.loads("1e400"), json.loads(b'[1]'))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=float), json.loads('[NaN, Infinity]', parse_constant=str))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=list), json.loads('{"a": {"b": 1}}', object_hook=len))
print(json.loads('"a\tb"', strict=False), JSONDecoder().raw_decode('[1] tail'), repr(json.loads('"\\"\\\\\\b\\f\\n\\r\\t"')))
for bad in ["", "   ", "{bad json}", "[1,]", "[1 2]", '{"a" 1}', '{"a": 1,}', '{"a": 1 "b"}', "[1] x",
            '"abc', '"a\\qb"', '"\\u12"', '"a\nb"', "nul", "01", "-", "1.", "{", "[", '{"a":', "\ufeff[]",
            "[1,\n 2,\n oops]", "1.5e", ".5", "+1", "tru"]:
    try:
        json.loads(bad)
        print("parsed", repr(bad))
    except JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
err(json.loads, 5)
err(json.loads, '[1]', object_hook=None, parse_int=None)
print(json.loads(json.dumps(data)) == {**data, "e": [1, 2]})

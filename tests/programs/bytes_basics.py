# bytes and bytearray: construction, repr, operators, methods, codecs.
b = b'hello'
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], list(b))
print(repr(b"it's"), repr(b'both \' and "'), b'\t\n\r\\\x00\x7f\xff')
print(str(b'x'), bytes(), bytes(3), bytes([104, 105]), bytes('h\xe9', 'utf-8'))
print(bytes(range(65, 70)), bytes(b'copy'), bytes.fromhex('68 69'))
print(b'a' + b'b', b'ab' * 3, 2 * b'x', b'ab' == b'ab', b'a' < b'b', b'a' != b'a')
print(104 in b, b'ell' in b, b'xyz' in b, b == bytearray(b'hello'))
print(isinstance(b, bytes), isinstance(bytearray(), bytearray), type(b).__name__)
print(hash(b'ab') == hash(b'ab'), {b'k': 1}[b'k'], sorted([b'b', b'a', b'ab']))
for x in b'ab':
    print(x)

# methods
print(b'abcabc'.count(b'bc'), b'abcabc'.find(b'c'), b'abcabc'.rfind(b'c'), b'abc'.find(99))
print(b'abc'.index(b'b'), b'abc'.startswith(b'ab'), b'abc'.endswith((b'x', b'c')))
print(b'a,b,,c'.split(b','), b' a  b '.split(), b'a b c'.split(None, 1))
print(b'-'.join([b'x', b'y', b'z']), b'  x \n'.strip(), b'xxaxx'.strip(b'x'))
print(b'aXa'.replace(b'a', b'bb'), b'MiXed'.upper(), b'MiXed'.lower(), b'\x01\xab'.hex())
print(b'123'.isdigit(), b'ab'.isalpha(), b''.isdigit(), b'a1'.isalnum(), b'AB'.isupper())
print(b'%d-%s' % (5, b'x'), b'%05.1f' % 2.25, bytearray(b'[%s]') % b'ok', ord(b'a'))

# codecs
print('h\xe9llo'.encode(), 'h\xe9llo'.encode('latin-1'), 'h\xe9llo'.encode('ascii', 'replace'))
print('h\xe9llo'.encode('ascii', errors='ignore'), b'h\xc3\xa9'.decode(), b'h\xe9'.decode('latin-1'))
print(b'a\xffb'.decode('utf-8', 'replace'), b'a\xffb'.decode(errors='ignore'))
for text, enc in [('abc\xe9', 'ascii'), ('ab\xe9\xe9', 'ascii'), ('\u20ac', 'latin-1')]:
    try:
        text.encode(enc)
    except UnicodeEncodeError as e:
        print(type(e).__name__, e)
for data in [b'\xff', b'a\xe9\x80', b'\xe9\x80A']:
    try:
        data.decode()
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
try:
    b'\xe9'.decode('ascii')
except UnicodeDecodeError as e:
    print(e)
try:
    'x'.encode('no-such-codec')
except LookupError as e:
    print(e)

# int conversions
print((1024).to_bytes(2, 'big'), (1024).to_bytes(4, 'little'), (-2).to_bytes(2, 'big', signed=True))
print(int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\xff\xfe', 'big', signed=True))
print(int.from_bytes([1, 0], 'little'))
for args in [(1, 'big'), (-1, 'big')]:
    try:
        (args[0] * 256).to_bytes(1, args[1])
    except OverflowError as e:
        print(e)

# errors
bad = [lambda: bytes([300]), lambda: bytes('abc'), lambda: bytes(1.5), lambda: b'a'[5],
       lambda: b'a' + 'x', lambda: 'x' in b'a', lambda: b'a'.find('a'),
       lambda: bytes.fromhex('zz'), lambda: b''.index(b'q')]
for f in bad:
    try:
        f()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)

# bytearray
ba = bytearray(b'abc')
ba.append(100)
ba += b'!'
ba[0] = 65
print(ba, ba.pop(), ba, len(ba), ba[1], ba[1:3])
ba.extend([120, 121])
ba[1:3] = b'ZZZ'
del ba[0]
print(ba, ba.decode(), bytes(ba), bytearray(3), bytearray([1, 2]))
try:
    ba.append(256)
except ValueError as e:
    print(e)
try:
    hash(ba)
except TypeError as e:
    print(e)
try:
    bytearray().pop()
except IndexError as e:
    print(e)


class Packet:
    def __bytes__(self):
        return b'\x01packet'


print(bytes(Packet()), bytes(Packet()).decode('latin-1'))
b = bytearray(5)
b[0] = 255; b[-1] = 7; b[2] = True
print(b, b[0], b[-1], b[4])
for bad in (256, -1):
    try:
        b[1] = bad
    except ValueError as e:
        print("VE", e)
for i in (5, -6):
    try:
        b[i] = 1
    except IndexError as e:
        print("IE", e)
    try:
        print(b[i])
    except IndexError as e:
        print("IE", e)
print(bytes(b)[-2], b"abc"[1])

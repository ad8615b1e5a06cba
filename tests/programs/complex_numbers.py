# complex numbers: arithmetic with CPython's algorithms, mixing with int/float, repr, hash, complex() parsing, and the errors.
z = 1 + 2j
w = complex(3, -4)
print(z, w, z + w, z - w, z * w, z / w, -z, +z, abs(w), z.conjugate())
print(z.real, z.imag, type(z).__name__, z == 1 + 2j, z != w, 2j, -0j, 0j, (-1) ** 0.5)
print(z ** 2, z ** -1, z ** 0.5, 2 ** z, z ** z, (1 + 1j) ** 100)
print(complex("1+2j"), complex(" (3-4.5j) "), complex("-j"), complex(2.5), complex(), complex(1j, 1j))
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), {1 + 0j: "a"}[1], 1 + 0j == 1, 1.5 + 0j == 1.5)
print(repr(complex(float("inf"), float("nan"))), complex(1e300, 1e300) * 10)
print(3 * z, z * 3.0, 1 / z, 0.5 - z, bool(0j), bool(1j))
for bad in ["z // 2", "z % 2", "z < w", "complex('1+')", "z / 0", "0j ** -1", "complex('1', 2)", "pow(z, 2, 3)", "divmod(z, 1)"]:
    try:
        if bad == "z // 2": z // 2
        elif bad == "z % 2": z % 2
        elif bad == "z < w": z < w
        elif bad == "complex('1+')": complex('1+')
        elif bad == "z / 0": z / 0
        elif bad == "0j ** -1": 0j ** -1
        elif bad == "complex('1', 2)": complex('1', 2)
        elif bad == "pow(z, 2, 3)": pow(z, 2, 3)
        else: divmod(z, 1)
    except Exception as e:
        print(bad, type(e).__name__, e)
print(sum([1j, 2, 3.5]), [x * 1j for x in range(3)], f"{z}", str(w), (-8) ** (1/3))

# int() and float() accept Unicode decimal digits and whitespace.
print(int("٣"), int("١٢٣"), int(" ۴۲ "), int("-٣", 16), int("\u00a0\u2003७\u3000"), int("𝟘𝟙"))
print(float("١.٥"), float(" ٣e٢ "), float("\u3000-٢.٥\u3000"))
for bad in ["٣x", "½", "٣.٥", "Ⅻ"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    float("½")
except ValueError as e:
    print("ValueError:", e)

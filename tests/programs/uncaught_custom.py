# An uncaught user exception: its qualified name is not printed for __main__.
class ValidationError(Exception):
    pass
def validate(age):
    if age < 0:
        raise ValidationError(f"age must be non-negative, got {age}")
    return age
print(validate(3))
try:
    validate(-1)
except ValidationError as e:
    print("handled:", e)
validate(-4)

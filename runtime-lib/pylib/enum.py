"""Enumerations (krait's enum, written for krait).

Provides EnumType (alias EnumMeta), Enum, ReprEnum, IntEnum, StrEnum, Flag,
IntFlag, auto, unique, FlagBoundary (STRICT, CONFORM, EJECT, KEEP), member
and nonmember, and the functional API (`Enum("Color", "RED GREEN")`).
Members are made when the class is created: lookup by value (`Color(1)`,
with `_missing_`) and by name (`Color["RED"]`), aliases, definition-order
iteration, `__members__`, mixed-in data types (`class P(int, Enum)`,
tuple values unpacked into `__init__`), and CPython 3.11's repr/str/format
(IntEnum and IntFlag print as their int, Flag composites as `Perm.R|W`).

Missing compared with CPython 3.11: the class namespace is a plain dict
(reusing a member name in the class body silently keeps the last value
instead of raising), `_order_` is not checked, `__members__` is a read-only dict
copy (printed as a mappingproxy), members named `name` or `value` hide
those properties, verify/EnumCheck, global_enum, pickling support
helpers, and DeprecationWarnings are not emitted.
"""

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag",
           "ReprEnum", "auto", "unique", "property", "member", "nonmember",
           "FlagBoundary", "STRICT", "CONFORM", "EJECT", "KEEP"]

_builtin_property = property
_builtin_type = type

# Set once each class exists: EnumType.__new__ looks at them while the
# module's own classes are being made.
Enum = None
ReprEnum = None
Flag = None
STRICT = CONFORM = EJECT = KEEP = None

_RESERVED_SUNDERS = frozenset({"_order_", "_generate_next_value_", "_numeric_repr_", "_missing_",
                               "_ignore_", "_iter_member_", "_iter_member_by_value_",
                               "_iter_member_by_def_", "_value_", "_name_", "_value_repr_"})


class _AutoNull:
    def __repr__(self):
        return "_auto_null"


_auto_null = _AutoNull()


class auto:
    """Stands for a value computed by _generate_next_value_."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return f"auto({self.value!r})"


class member:
    """Forces a value (e.g. a function) to become a member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keeps a value from becoming a member."""

    def __init__(self, value):
        self.value = value


class property(_builtin_property):
    """enum's property (a plain property in krait)."""


def _is_descriptor(obj):
    t = type(obj)
    return hasattr(t, "__get__") or hasattr(t, "__set__") or hasattr(t, "__delete__")


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def _is_private(cls_name, name):
    prefix = f"_{cls_name}__"
    return name.startswith(prefix) and len(name) > len(prefix) and not name.endswith("__")


def _is_single_bit(num):
    return num != 0 and (num & (num - 1)) == 0


def _iter_bits_lsb(num):
    while num:
        bit = num & (~num + 1)
        yield bit
        num ^= bit


def _bin(num, max_bits=None):
    """bin() in two's complement with a sign bit first: _bin(10) == '0b0 1010'."""
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        text = bin(num + ceiling).replace("1", "0", 1)
    else:
        text = bin(~num ^ (ceiling - 1) + ceiling)
    sign, digits = text[:3], text[3:]
    if max_bits is not None and len(digits) < max_bits:
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return f"{sign} {digits}"


class _EnumDict(dict):
    """The namespace of an enum class body: it records the member names in
    order and gives auto() its value as soon as it is assigned."""

    def __init__(self, cls_name, generate_next_value):
        super().__init__()
        self._cls_name = cls_name
        self._member_names = {}
        self._last_values = []
        self._ignore = []
        self._auto_called = False
        self._generate_next_value = generate_next_value

    def __setitem__(self, key, value):
        if _is_private(self._cls_name, key):
            pass
        elif _is_sunder(key):
            if key not in _RESERVED_SUNDERS:
                raise ValueError(f"_sunder_ names, such as {key!r}, are reserved for future "
                                 "Enum use")
            if key == "_generate_next_value_":
                if self._auto_called:
                    raise TypeError("_generate_next_value_ must be defined before members")
                self._generate_next_value = value.__func__ if isinstance(value, staticmethod) \
                    else value
            elif key == "_ignore_":
                value = value.replace(",", " ").split() if isinstance(value, str) else list(value)
                self._ignore = value
                already = set(value) & set(self._member_names)
                if already:
                    raise ValueError(f"_ignore_ cannot specify already set names: {already!r}")
        elif _is_dunder(key):
            if key == "__order__":
                key = "_order_"
        elif key in self._member_names:
            raise TypeError(f"{key!r} already defined as {self[key]!r}")
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value):
            pass
        else:
            if key in self:
                raise TypeError(f"{key!r} already defined as {self[key]!r}")
            if isinstance(value, member):
                value = value.value
            value = self._resolve_auto(key, value)
            self._member_names[key] = None
        super().__setitem__(key, value)

    def _resolve_auto(self, key, value):
        single = isinstance(value, auto)
        items = (value,) if single else value
        if type(items) is not tuple or not any(isinstance(v, auto) for v in items):
            self._last_values.append(value)
            return value
        resolved = []
        for v in items:
            if isinstance(v, auto):
                if v.value is _auto_null:
                    v.value = self._generate_next_value(key, 1, len(self._member_names),
                                                        self._last_values[:])
                    self._auto_called = True
                v = v.value
                self._last_values.append(v)
            resolved.append(v)
        return resolved[0] if single else tuple(resolved)

    def update(self, members=(), **more):
        pairs = members.items() if hasattr(members, "items") else members
        for name, value in pairs:
            self[name] = value
        for name, value in more.items():
            self[name] = value


def _member_names(cls_name, classdict):
    """The names in the class body that become members, in order."""
    if isinstance(classdict, _EnumDict):
        return list(classdict._member_names), classdict._ignore
    enum_dict = _EnumDict(cls_name, classdict.get("_generate_next_value_")
                          or _default_next_value)
    for key, value in classdict.items():
        enum_dict[key] = value
    classdict.update(enum_dict)
    return list(enum_dict._member_names), enum_dict._ignore


def _default_next_value(name, start, count, last_values):
    return Enum._generate_next_value_(name, start, count, last_values)


def _find_data_type(cls_name, bases):
    found = []
    for chain in bases:
        candidate = None
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    found.append(base._member_type_)
                    break
            elif "__new__" in base.__dict__ or "__init__" in base.__dict__ \
                    or "__dataclass_fields__" in base.__dict__:
                found.append(candidate or base)
                break
            else:
                candidate = candidate or base
    unique_types = []
    for t in found:
        if t not in unique_types:
            unique_types.append(t)
    if len(unique_types) > 1:
        raise TypeError(f"too many data types for {cls_name!r}: {unique_types!r}")
    return unique_types[0] if unique_types else object


def _get_mixins(cls_name, bases):
    if not bases:
        return object, Enum
    for chain in bases:
        for base in chain.__mro__:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError(f"<enum {cls_name!r}> cannot extend {base!r}")
    first_enum = bases[-1]
    if not isinstance(first_enum, EnumType):
        raise TypeError("new enumerations should be created as "
                        "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
    return _find_data_type(cls_name, bases), first_enum


def _find_new(classdict, member_type, first_enum):
    """The function that makes a member, and whether it gets the value as arguments."""
    new = classdict.get("__new__")
    if new is not None:
        return new, True
    for method in ("_new_member_", "__new__"):
        for holder in (member_type, first_enum):
            target = getattr(holder, method, None)
            if target is not None and target not in (object.__new__, _enum_new):
                return target, True
    return object.__new__, False


class _MembersProxy(dict):
    """A read-only copy of the member map that prints like CPython's mappingproxy."""

    def __repr__(self):
        return f"mappingproxy({dict.__repr__(self)})"

    def __str__(self):
        return dict.__repr__(self)

    def _read_only(self, *args, **kwargs):
        raise TypeError("'mappingproxy' object does not support item assignment")

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = _read_only


class EnumType(type):
    """Metaclass of enumerations: makes the members when the class is created."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        first_enum = bases[-1] if bases else None
        if not isinstance(first_enum, EnumType):
            return _EnumDict(cls, None)
        return _EnumDict(cls, first_enum._generate_next_value_)

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if Enum is None:
            # Enum itself.
            member_type, first_enum = object, None
        else:
            member_type, first_enum = _get_mixins(cls, bases)
        if first_enum is not None:
            names, ignore = _member_names(cls, classdict)
        else:
            names, ignore = [], ()
        member_values = {name: classdict[name] for name in names}
        ns = {k: v for k, v in classdict.items() if k not in member_values and k not in ignore}
        ns.pop("_ignore_", None)
        new_member, use_args = (None, False) if first_enum is None \
            else _find_new(classdict, member_type, first_enum)
        if first_enum is not None:
            if "__new__" in ns:
                ns["_new_member_"] = ns["__new__"]
            # Calling the class looks a member up by value, whatever
            # __new__ the data type brings.
            ns["__new__"] = _enum_new
        ns["_member_names_"] = []
        ns["_member_map_"] = {}
        ns["_value2member_map_"] = {}
        ns["_unhashable_values_"] = []
        ns["_member_type_"] = member_type
        ns["_use_args_"] = use_args
        ns.setdefault("_value_repr_", None)
        if Flag is not None and first_enum is not None and issubclass(first_enum, Flag):
            ns["_boundary_"] = boundary or getattr(first_enum, "_boundary_", None)
            ns["_flag_mask_"] = 0
            ns["_singles_mask_"] = 0
            ns["_all_bits_"] = 0
            ns["_inverted_"] = None
        elif boundary is not None:
            ns["_boundary_"] = boundary
        enum_class = super().__new__(metacls, cls, bases, ns, **kwds)
        if first_enum is None:
            return enum_class
        metacls._fix_dunders(enum_class, classdict, bases, member_type, first_enum)
        if Flag is not None and issubclass(enum_class, Flag):
            # Flag's operators win over the data type's (int.__or__...).
            for name in ("__or__", "__and__", "__xor__", "__ror__", "__rand__", "__rxor__",
                         "__invert__"):
                if name not in classdict:
                    type.__setattr__(enum_class, name, getattr(Flag, name))
        for name in names:
            value = member_values[name]
            metacls._add_member(enum_class, name, value, new_member, use_args, member_type)
        return enum_class

    def __init__(cls, *args, **kwds):
        pass

    @staticmethod
    def _fix_dunders(enum_class, classdict, bases, member_type, first_enum):
        """repr/str/format as 3.11 chooses them for mixed-in and ReprEnum classes."""
        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError("ReprEnum subclasses must be mixed with a data type "
                                "(i.e. int, str, float, etc.)")
            if "__format__" not in classdict:
                type.__setattr__(enum_class, "__format__", member_type.__format__)
            if "__str__" not in classdict:
                method = member_type.__str__
                if method is object.__str__:
                    method = member_type.__repr__
                type.__setattr__(enum_class, "__str__", method)
        for name in ("__repr__", "__str__", "__format__"):
            if name in classdict:
                continue
            found = getattr(enum_class, name)
            if found is getattr(object, name) or found is getattr(member_type, name):
                if ReprEnum is not None and ReprEnum in bases and name != "__repr__":
                    continue
                type.__setattr__(enum_class, name, getattr(first_enum, name))

    @staticmethod
    def _add_member(enum_class, name, value, new_member, use_args, member_type):
        args = value if isinstance(value, tuple) else (value,)
        if member_type is tuple:
            args = (args,)
        if not use_args:
            m = object.__new__(enum_class)
            if not hasattr(m, "_value_"):
                m._value_ = value
        else:
            m = new_member(enum_class, *args)
            if not hasattr(m, "_value_"):
                m._value_ = value if member_type is object else member_type(*args)
        value = m._value_
        if Flag is not None and issubclass(enum_class, Flag) and isinstance(value, int):
            mask = enum_class._flag_mask_ | value
            type.__setattr__(enum_class, "_flag_mask_", mask)
            if _is_single_bit(value):
                type.__setattr__(enum_class, "_singles_mask_", enum_class._singles_mask_ | value)
            type.__setattr__(enum_class, "_all_bits_", 2 ** mask.bit_length() - 1)
        m._name_ = name
        m.__objclass__ = enum_class
        m.__init__(*args)
        m._sort_order_ = len(enum_class._member_names_)
        if Flag is not None and issubclass(enum_class, Flag):
            m._inverted_ = None
        canonical = None
        try:
            canonical = enum_class._value2member_map_.get(value)
        except TypeError:
            for other in enum_class._member_map_.values():
                if other._value_ == value:
                    canonical = other
                    break
        if canonical is not None:
            m = canonical
        else:
            if Flag is None or not issubclass(enum_class, Flag) or _is_single_bit(value):
                enum_class._member_names_.append(name)
            try:
                enum_class._value2member_map_.setdefault(value, m)
            except TypeError:
                enum_class._unhashable_values_.append(value)
        enum_class._member_map_[name] = m
        type.__setattr__(enum_class, name, m)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        items = []
        if isinstance(names, dict):
            items = list(names.items())
        else:
            names = list(names)
            if names and isinstance(names[0], str):
                last_values = []
                for count, name in enumerate(names):
                    value = cls._generate_next_value_(name, start, count, last_values[:])
                    last_values.append(value)
                    items.append((name, value))
            else:
                items = [tuple(item) for item in names]
        classdict = {"__module__": module or "__main__"}
        if qualname is not None:
            classdict["__qualname__"] = qualname
        for name, value in items:
            classdict[name] = value
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    def __contains__(cls, value):
        if not isinstance(value, Enum):
            raise TypeError("unsupported operand type(s) for 'in': "
                            f"'{_builtin_type(value).__qualname__}' and "
                            f"'{cls.__class__.__qualname__}'")
        return isinstance(value, cls) and value._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError(f"{cls.__name__!r} cannot delete member {attr!r}.")
        super().__delattr__(attr)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError(f"cannot reassign member {name!r}")
        super().__setattr__(name, value)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @_builtin_property
    def __members__(cls):
        return _MembersProxy(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return f"<flag {cls.__name__!r}>"
        return f"<enum {cls.__name__!r}>"

    def __dir__(cls):
        names = {"__class__", "__doc__", "__members__", "__module__"}
        names.update(cls._member_names_)
        for klass in cls.__mro__:
            names.update(k for k in klass.__dict__ if not k.startswith("_"))
        return sorted(names)


EnumMeta = EnumType


def _enum_new(cls, value):
    if type(value) is cls:
        return value
    try:
        return cls._value2member_map_[value]
    except KeyError:
        pass
    except TypeError:
        for m in cls._member_map_.values():
            if m._value_ == value:
                return m
    exc = None
    try:
        result = cls._missing_(value)
    except Exception as e:
        result = None
        exc = e
    if isinstance(result, cls):
        return result
    if Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT \
            and isinstance(result, int):
        return result
    not_valid = ValueError(f"{value!r} is not a valid {cls.__qualname__}")
    if result is None and exc is None:
        raise not_valid
    if exc is None:
        exc = TypeError(f"error in {cls.__name__}._missing_: returned {result!r} instead of "
                        "None or a valid member")
    if not isinstance(exc, ValueError):
        exc.__context__ = not_valid
    raise exc


class Enum(metaclass=EnumType):
    """Base of enumerations: class attributes become the members."""

    __new__ = _enum_new

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            return max(last_values) + 1
        except TypeError:
            for v in reversed(last_values):
                try:
                    return v + 1
                except TypeError:
                    pass
            return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return f"<{self.__class__.__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{self.__class__.__name__}.{self._name_}"

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return getattr, (self.__class__, self._name_)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        names = {"__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"}
        for klass in type(self).__mro__:
            names.update(k for k in klass.__dict__ if not k.startswith("_"))
        return sorted(names)

    @_builtin_property
    def name(self):
        """The name of the member."""
        return self._name_

    @_builtin_property
    def value(self):
        """The value of the member."""
        return self._value_


class ReprEnum(Enum):
    """Changes only repr(): str() and format() are the mixed-in type's."""


class IntEnum(int, ReprEnum):
    """Enum whose members are also ints."""


class StrEnum(str, ReprEnum):
    """Enum whose members are also strs."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError(f"too many arguments for str(): {values!r}")
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError(f"{values[0]!r} is not a string")
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError(f"encoding must be a string, not {values[1]!r}")
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError(f"errors must be a string, not {values[2]!r}")
        value = str(*values)
        m = str.__new__(cls, value)
        m._value_ = value
        return m

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(StrEnum):
    """What Flag does with values outside its members' bits."""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


class Flag(Enum, boundary=STRICT):
    """Enum whose members combine with | & ^ ~ into composite members."""

    _numeric_repr_ = repr

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        try:
            high_bit = last.bit_length() - 1
        except Exception:
            raise TypeError(f"invalid flag value {last!r}") from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_(cls, value):
        found = [cls._value2member_map_.get(bit) for bit in _iter_bits_lsb(value & cls._flag_mask_)]
        return iter(sorted((m for m in found if m is not None), key=lambda m: m._sort_order_))

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            boundary = cls._boundary_
            if boundary is STRICT:
                width = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError(f"{cls!r} invalid value {value!r}\n    given {_bin(value, width)}"
                                 f"\n  allowed {_bin(flag_mask, width)}")
            if boundary is CONFORM:
                value = value & flag_mask
            elif boundary is EJECT:
                return value
            elif boundary is KEEP:
                if value < 0:
                    value = max(all_bits + 1, 2 ** value.bit_length()) + value
            else:
                raise ValueError(f"{cls!r} unknown flag boundary {boundary!r}")
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        aliases = value & ~cls._singles_mask_
        member_value = value & cls._singles_mask_
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError(f"{cls.__name__}({value!r}) -->  unknown values {unknown!r} "
                             f"[{_bin(unknown)}]")
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo, "_value_"):
            pseudo._value_ = value
        pseudo._inverted_ = None
        if member_value or aliases:
            members = list(cls._iter_member_(member_value))
            combined = 0
            for m in members:
                combined |= m._value_
            if aliases:
                value = member_value | aliases
                for m in cls._member_map_.values():
                    if m not in members and m._value_ and m._value_ & value == m._value_:
                        members.append(m)
                        combined |= m._value_
            unknown = value ^ combined
            pseudo._name_ = "|".join(m._name_ for m in members)
            if not combined:
                pseudo._name_ = None
            elif unknown and cls._boundary_ is STRICT:
                raise ValueError(f"{cls!r}: no members with value {unknown!r}")
            elif unknown:
                pseudo._name_ += "|" + cls._numeric_repr_(unknown)
        else:
            pseudo._name_ = None
        pseudo = cls._value2member_map_.setdefault(value, pseudo)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"{type(other).__qualname__!r} and {self.__class__.__qualname__!r}")
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return self._iter_member_(self._value_)

    def __len__(self):
        return bin(self._value_).count("1")

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return f"<{cls_name}: {self._value_!r}>"
        return f"<{cls_name}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return f"{cls_name}({self._value_!r})"
        return f"{cls_name}.{self._name_}"

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        if self._inverted_ is None:
            if self._boundary_ in (EJECT, KEEP):
                self._inverted_ = self.__class__(~self._value_)
            else:
                self._inverted_ = self.__class__(self._singles_mask_ & ~self._value_)
        return self._inverted_

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Flag whose members are also ints."""


def unique(enumeration):
    """Class decorator: raises ValueError if the enum has aliases."""
    duplicates = []
    for name, m in enumeration.__members__.items():
        if name != m.name:
            duplicates.append((name, m.name))
    if duplicates:
        details = ", ".join(f"{alias} -> {name}" for alias, name in duplicates)
        raise ValueError(f"duplicate values found in {enumeration!r}: {details}")
    return enumeration

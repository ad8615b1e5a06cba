"""Type hints at run time (krait's typing, written for krait).

krait does not check types: this module makes annotations work. Every
common name imports, and subscripting one gives an alias object with
CPython's repr (`typing.List[int]`), `__origin__`/`__args__`, and
get_origin/get_args. Calling an alias of a concrete class (`List[int]()`)
makes an instance of the class; `class C(Generic[T])`, `class C(List[int])`
and `class P(Protocol)` work through `__mro_entries__`.

Real implementations: NamedTuple (functional and class form: a tuple
subclass with fields, defaults, _asdict/_replace/_make), TypedDict (its
instances are plain dicts), NewType, TypeVar/ParamSpec/TypeVarTuple,
cast, overload (+ get_overloads), final, runtime_checkable (isinstance
against a protocol checks that its members exist), get_type_hints
(annotations through the MRO; string annotations are looked up in the
defining module when they are plain or dotted names), assert_never,
assert_type, reveal_type, TYPE_CHECKING.

Missing compared with CPython 3.11: no TypeVar substitution
(`Pair[int][str]` keeps the first arguments), generic aliases of
abstract collections (Iterable, Mapping...) use duck-typed isinstance
checks instead of collections.abc, ForwardRef does not evaluate
expressions, no typing.io/typing.re submodules, and Deque, DefaultDict,
OrderedDict, Counter and ChainMap know their origin class only once the
program has imported collections (typing does not import it).
"""

import builtins
import sys
from abc import ABCMeta, abstractmethod
from _argbind import bind as _bind

TYPE_CHECKING = False

__all__ = ["Annotated", "Any", "Callable", "ClassVar", "Concatenate", "Final", "ForwardRef",
           "Generic", "Literal", "Optional", "ParamSpec", "Protocol", "Tuple", "Type",
           "TypeVar", "TypeVarTuple", "Union", "AbstractSet", "ByteString", "Container",
           "ContextManager", "Hashable", "ItemsView", "Iterable", "Iterator", "KeysView",
           "Mapping", "MappingView", "MutableMapping", "MutableSequence", "MutableSet",
           "Sequence", "Sized", "ValuesView", "Awaitable", "AsyncIterator", "AsyncIterable",
           "Coroutine", "Collection", "AsyncGenerator", "AsyncContextManager", "Reversible",
           "SupportsAbs", "SupportsBytes", "SupportsComplex", "SupportsFloat", "SupportsIndex",
           "SupportsInt", "SupportsRound", "ChainMap", "Counter", "Deque", "Dict",
           "DefaultDict", "List", "OrderedDict", "Set", "FrozenSet", "NamedTuple", "TypedDict",
           "Generator", "BinaryIO", "IO", "Match", "Pattern", "TextIO", "AnyStr",
           "assert_type", "assert_never", "cast", "clear_overloads", "dataclass_transform",
           "final", "get_args", "get_origin", "get_overloads", "get_type_hints",
           "is_typeddict", "LiteralString", "Never", "NewType", "no_type_check",
           "no_type_check_decorator", "NoReturn", "NotRequired", "overload", "ParamSpecArgs",
           "ParamSpecKwargs", "Required", "reveal_type", "runtime_checkable", "Self", "Text",
           "TYPE_CHECKING", "TypeAlias", "TypeGuard", "Unpack"]


def _type_repr(obj):
    """How an argument shows inside an alias repr, as CPython prints it."""
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    if obj is None:
        return "None"
    if isinstance(obj, (list, tuple)):
        return "[" + ", ".join(_type_repr(a) for a in obj) + "]"
    return repr(obj)


def _as_args(params):
    return params if isinstance(params, tuple) else (params,)


def _norm(arg):
    return type(None) if arg is None else arg


class _Final:
    """Base of typing's own objects: they cannot be subclassed."""
    __slots__ = ()

    def __init_subclass__(cls, /, *args, _root=False, **kwds):
        if not _root:
            raise TypeError("Cannot subclass special typing classes")


class _SpecialForm(_Final, _root=True):
    """Any, Union, Optional, ClassVar, Final, Literal...: subscriptable names."""
    def __init__(self, name, getitem, doc=None):
        self._name = name
        self._getitem = getitem
        self.__doc__ = doc

    def __repr__(self):
        return "typing." + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, parameters)

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")


class _GenericAlias(_Final, _root=True):
    """`X[args]`: remembers the origin and the arguments."""

    def __init__(self, origin, args, name=None, form=None):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._form = form
        self.__parameters__ = tuple(a for a in args if isinstance(a, (TypeVar, ParamSpec)))

    def __repr__(self):
        if self._name is not None:
            head = "typing." + self._name
        else:
            head = _type_repr(self.__origin__)
        if not self.__args__:
            return f"{head}[()]"
        return f"{head}[{', '.join(_type_repr(a) for a in self.__args__)}]"

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, params):
        params = tuple(_norm(p) for p in _as_args(params))
        return _GenericAlias(self.__origin__, params, self._name, self._form)

    def __call__(self, *args, **kwargs):
        origin = self.__origin__
        if not callable(origin) or self._form is not None:
            raise TypeError(f"Type {self._name or origin!r} cannot be instantiated; "
                            f"use {getattr(origin, '__name__', origin)}() instead")
        result = origin(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if self._form is not None or not isinstance(origin, type):
            raise TypeError(f"Cannot subclass {self!r}")
        if origin is Generic or origin is Protocol:
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _GenericAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                    return ()
        return (origin,)

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, self._name, self._form)


class _UnionAlias(_GenericAlias, _root=True):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return f"typing.Optional[{_type_repr(other)}]"
        return super().__repr__()

    def __eq__(self, other):
        if not isinstance(other, _UnionAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return any(isinstance(obj, a) for a in self.__args__ if isinstance(a, type))

    def __subclasscheck__(self, cls):
        return any(issubclass(cls, a) for a in self.__args__ if isinstance(a, type))


class _CallableAlias(_GenericAlias, _root=True):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return f"typing.Callable[..., {_type_repr(args[1])}]"
        params = ", ".join(_type_repr(a) for a in args[:-1])
        return f"typing.Callable[[{params}], {_type_repr(args[-1])}]"


class _SpecialGenericAlias(_GenericAlias, _root=True):
    """List, Dict, Iterable...: unsubscripted, usable with isinstance."""

    def __init__(self, origin, name, nparams=-1, check=None, lazy=None):
        super().__init__(origin, (), name)
        self._nparams = nparams
        self._check = check
        self._lazy = lazy
        if lazy is not None:
            # Looked up on first use (see __getattr__): importing typing
            # does not import collections.
            del self.__origin__

    def __getattr__(self, attr):
        if attr == "__origin__" and self._lazy is not None:
            module, name = self._lazy
            return getattr(sys.modules.get(module), name, None)
        raise AttributeError(attr)

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        params = tuple(_norm(p) for p in _as_args(params))
        if self._nparams >= 0 and len(params) != self._nparams and self._name not in ("Tuple",):
            many = "many" if len(params) > self._nparams else "few"
            raise TypeError(f"Too {many} arguments for {self!r}; actual {len(params)}, "
                            f"expected {self._nparams}")
        if self._name == "Callable":
            if len(params) != 2:
                raise TypeError("Callable must be used as Callable[[arg, ...], result].")
            args, result = params
            if args is ...:
                return _CallableAlias(self.__origin__, (..., result), "Callable")
            args = tuple(_norm(a) for a in args)
            return _CallableAlias(self.__origin__, args + (result,), "Callable")
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        origin = self.__origin__
        if not isinstance(origin, type):
            raise TypeError(f"Type {self._name} cannot be instantiated")
        return origin(*args, **kwargs)

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if not isinstance(origin, type):
            return (Generic,)
        return (origin,)

    def __instancecheck__(self, obj):
        if self._check is not None:
            return all(hasattr(type(obj), m) for m in self._check)
        origin = self.__origin__
        if isinstance(origin, type):
            return isinstance(obj, origin)
        return False

    def __subclasscheck__(self, cls):
        origin = self.__origin__
        if isinstance(origin, type):
            return issubclass(cls, origin)
        if self._check is not None:
            return all(hasattr(cls, m) for m in self._check)
        return False

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash(self._name)


def _any_getitem(self, params):
    raise TypeError(f"{self} is not subscriptable")


def _one_arg(self, params):
    args = _as_args(params)
    if len(args) != 1:
        raise TypeError(f"{self} accepts only single type.")
    return _GenericAlias(self, args, self._name, self)


def _any_args(self, params):
    return _GenericAlias(self, _as_args(params), self._name, self)


def _union_getitem(self, params):
    if params == ():
        raise TypeError("Cannot take a Union of no types.")
    flat = []
    for p in _as_args(params):
        p = _norm(p)
        if isinstance(p, _UnionAlias):
            items = p.__args__
        elif type(p).__name__ == "UnionType":
            items = p.__args__
        else:
            items = (p,)
        for item in items:
            if item not in flat:
                flat.append(item)
    if len(flat) == 1:
        return flat[0]
    return _UnionAlias(Union, tuple(flat), "Union", self)


def _optional_getitem(self, params):
    args = _as_args(params)
    if len(args) != 1:
        raise TypeError("Optional[t] requires a single type.")
    return Union[args[0], None]


def _literal_getitem(self, params):
    values = []
    for p in _as_args(params):
        if p not in values:
            values.append(p)
    return _LiteralAlias(self, tuple(values), "Literal", self)


class _LiteralAlias(_GenericAlias, _root=True):
    def __repr__(self):
        return f"typing.Literal[{', '.join(repr(a) for a in self.__args__)}]"

    def __eq__(self, other):
        if not isinstance(other, _LiteralAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


def _annotated_getitem(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments "
                        "(a type and an annotation).")
    return _AnnotatedAlias(params[0], params[1:])


class _AnnotatedAlias(_GenericAlias, _root=True):
    def __init__(self, origin, metadata):
        super().__init__(origin, (origin,), "Annotated")
        self.__metadata__ = metadata

    def __repr__(self):
        extra = ", ".join(repr(m) for m in self.__metadata__)
        return f"typing.Annotated[{_type_repr(self.__origin__)}, {extra}]"

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Special type indicating an unconstrained type (subclassable, as in 3.11)."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls)


NoReturn = _SpecialForm("NoReturn", _any_getitem)
Never = _SpecialForm("Never", _any_getitem)
Self = _SpecialForm("Self", _any_getitem)
LiteralString = _SpecialForm("LiteralString", _any_getitem)
TypeAlias = _SpecialForm("TypeAlias", _any_getitem)
ClassVar = _SpecialForm("ClassVar", _one_arg)
Final = _SpecialForm("Final", _one_arg)
TypeGuard = _SpecialForm("TypeGuard", _one_arg)
Required = _SpecialForm("Required", _one_arg)
NotRequired = _SpecialForm("NotRequired", _one_arg)
Unpack = _SpecialForm("Unpack", _one_arg)
Concatenate = _SpecialForm("Concatenate", _any_args)
Union = _SpecialForm("Union", _union_getitem)
Optional = _SpecialForm("Optional", _optional_getitem)
Literal = _SpecialForm("Literal", _literal_getitem)
Annotated = _SpecialForm("Annotated", _annotated_getitem)


class TypeVar(_Final, _root=True):
    """A type variable: `T = TypeVar("T")`."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    def __repr__(self):
        if self.__covariant__:
            prefix = "+"
        elif self.__contravariant__:
            prefix = "-"
        else:
            prefix = "~"
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class TypeVarTuple(_Final, _root=True):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__

    def __iter__(self):
        yield Unpack[self]


class ParamSpecArgs(_Final, _root=True):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.args"


class ParamSpecKwargs(_Final, _root=True):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.kwargs"


class ParamSpec(_Final, _root=True):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __repr__(self):
        return "~" + self.__name__


AnyStr = TypeVar("AnyStr", bytes, str)


class Generic:
    """Base of user generic classes: `class Box(Generic[T])`."""
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        params = tuple(_norm(p) for p in _as_args(params))
        if not params and cls is not Tuple:
            raise TypeError(f"Parameter list to {cls.__qualname__}[...] cannot be empty")
        if cls is Generic or cls is Protocol:
            for p in params:
                if not isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)):
                    raise TypeError(f"Parameters to {cls.__name__}[...] must all be type variables "
                                    "or parameter specification variables.")
            if len(set(params)) != len(params):
                raise TypeError(f"Parameters to {cls.__name__}[...] must all be unique")
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        orig = cls.__dict__.get("__orig_bases__", ())
        params = []
        for b in orig:
            for p in getattr(b, "__parameters__", ()):
                if p not in params:
                    params.append(p)
        cls.__parameters__ = tuple(params)


class _ProtocolMeta(ABCMeta):
    def __instancecheck__(cls, instance):
        if cls.__dict__.get("_is_protocol", False):
            if not cls.__dict__.get("_is_runtime_protocol", False):
                raise TypeError("Instance and class checks can only be used with "
                                "@runtime_checkable protocols")
            if all(hasattr(instance, attr) for attr in _protocol_attrs(cls)):
                return True
        return super().__instancecheck__(instance)


_SPECIAL_NAMES = {"__abstractmethods__", "__annotations__", "__dict__", "__doc__", "__init__",
                  "__module__", "__new__", "__slots__", "__subclasshook__", "__weakref__",
                  "__class_getitem__", "__qualname__", "__orig_bases__", "__parameters__",
                  "_is_protocol", "_is_runtime_protocol", "__init_subclass__",
                  "_abc_registry", "_abc_cache", "_abc_negative_cache",
                  "_abc_negative_cache_version", "__match_args__"}


def _protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ("Protocol", "Generic"):
            continue
        names = list(base.__dict__.keys()) + list(base.__dict__.get("__annotations__", {}))
        for attr in names:
            if not attr.startswith("_abc_") and attr not in _SPECIAL_NAMES:
                attrs.add(attr)
    return attrs


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base of structural types: `class Closeable(Protocol): def close(self): ...`."""
    __slots__ = ()
    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get("_is_protocol", False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    """Allows isinstance() against a Protocol class (members must exist)."""
    if not cls.__dict__.get("_is_protocol", False):
        raise TypeError("@runtime_checkable can be only applied to protocol classes, "
                        f"got {cls!r}")
    cls._is_runtime_protocol = True
    return cls


List = _SpecialGenericAlias(list, "List", 1)
Dict = _SpecialGenericAlias(dict, "Dict", 2)
Set = _SpecialGenericAlias(set, "Set", 1)
FrozenSet = _SpecialGenericAlias(frozenset, "FrozenSet", 1)
Tuple = _SpecialGenericAlias(tuple, "Tuple", -1)
Type = _SpecialGenericAlias(type, "Type", 1)
Text = str
Deque = _SpecialGenericAlias(None, "Deque", 1, lazy=("collections", "deque"))
DefaultDict = _SpecialGenericAlias(None, "DefaultDict", 2, lazy=("collections", "defaultdict"))
OrderedDict = _SpecialGenericAlias(None, "OrderedDict", 2, lazy=("collections", "OrderedDict"))
Counter = _SpecialGenericAlias(None, "Counter", 1, lazy=("collections", "Counter"))
ChainMap = _SpecialGenericAlias(None, "ChainMap", 2, lazy=("collections", "ChainMap"))


def _abstract(name, nparams, *methods):
    return _SpecialGenericAlias(None, name, nparams, methods)


Callable = _abstract("Callable", 2, "__call__")
Iterable = _abstract("Iterable", 1, "__iter__")
Iterator = _abstract("Iterator", 1, "__iter__", "__next__")
Reversible = _abstract("Reversible", 1, "__reversed__", "__iter__")
Generator = _abstract("Generator", 3, "__iter__", "__next__", "send", "throw")
Container = _abstract("Container", 1, "__contains__")
Collection = _abstract("Collection", 1, "__len__", "__iter__", "__contains__")
Hashable = _abstract("Hashable", 0, "__hash__")
Sized = _abstract("Sized", 0, "__len__")
Sequence = _abstract("Sequence", 1, "__getitem__", "__len__", "__iter__")
MutableSequence = _abstract("MutableSequence", 1, "__getitem__", "__setitem__", "__len__",
                            "insert")
ByteString = _abstract("ByteString", 0, "__getitem__", "__len__", "decode")
Mapping = _abstract("Mapping", 2, "__getitem__", "__len__", "__iter__", "keys", "items")
MutableMapping = _abstract("MutableMapping", 2, "__getitem__", "__setitem__", "__delitem__",
                           "keys", "items")
AbstractSet = _abstract("AbstractSet", 1, "__contains__", "__len__", "__iter__", "isdisjoint")
MutableSet = _abstract("MutableSet", 1, "__contains__", "__len__", "__iter__", "add", "discard")
MappingView = _abstract("MappingView", 1, "__len__")
KeysView = _abstract("KeysView", 1, "__len__", "__iter__", "__contains__")
ItemsView = _abstract("ItemsView", 2, "__len__", "__iter__", "__contains__")
ValuesView = _abstract("ValuesView", 1, "__len__", "__iter__")
Awaitable = _abstract("Awaitable", 1, "__await__")
Coroutine = _abstract("Coroutine", 3, "__await__", "send", "throw")
AsyncIterable = _abstract("AsyncIterable", 1, "__aiter__")
AsyncIterator = _abstract("AsyncIterator", 1, "__aiter__", "__anext__")
AsyncGenerator = _abstract("AsyncGenerator", 2, "__aiter__", "__anext__", "asend", "athrow")
ContextManager = _abstract("ContextManager", 1, "__enter__", "__exit__")
AsyncContextManager = _abstract("AsyncContextManager", 1, "__aenter__", "__aexit__")
Pattern = _abstract("Pattern", 1, "match", "search", "pattern")
Match = _abstract("Match", 1, "group", "groups", "span")


def _supports(name, method):
    @runtime_checkable
    class _Supports(Protocol):
        pass
    setattr(_Supports, method, abstractmethod(lambda self: None))
    _Supports.__name__ = name
    _Supports.__qualname__ = name
    return _Supports


SupportsInt = _supports("SupportsInt", "__int__")
SupportsFloat = _supports("SupportsFloat", "__float__")
SupportsComplex = _supports("SupportsComplex", "__complex__")
SupportsBytes = _supports("SupportsBytes", "__bytes__")
SupportsIndex = _supports("SupportsIndex", "__index__")
SupportsAbs = _supports("SupportsAbs", "__abs__")
SupportsRound = _supports("SupportsRound", "__round__")


class IO(Generic):
    """Generic base of file objects (annotations only)."""
    __slots__ = ()
    mode = name = closed = None


class TextIO(IO):
    __slots__ = ()


class BinaryIO(IO):
    __slots__ = ()


class ForwardRef(_Final, _root=True):
    """A string annotation kept unevaluated."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def __repr__(self):
        return f"ForwardRef({self.__forward_arg__!r})"

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


def cast(typ, val):
    """Returns val unchanged (a hint for type checkers)."""
    return val


def assert_type(val, typ, /):
    return val


def assert_never(arg, /):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + "..."
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def reveal_type(obj, /):
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def final(f):
    """Marks a method or class final (for type checkers)."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        field_specifiers=(), **kwargs):
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            "eq_default": eq_default, "order_default": order_default,
            "kw_only_default": kw_only_default, "field_specifiers": field_specifiers,
            "kwargs": kwargs}
        return cls_or_fn
    return decorator


_overload_registry = {}


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @typing.overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @typing.overload-ed.")


def overload(func):
    """Registers an overload signature; the returned stub must not be called."""
    key = (getattr(func, "__module__", None), getattr(func, "__qualname__", None))
    _overload_registry.setdefault(key, []).append(func)
    return _overload_dummy


def get_overloads(func):
    key = (getattr(func, "__module__", None), getattr(func, "__qualname__", None))
    return list(_overload_registry.get(key, []))


def clear_overloads():
    _overload_registry.clear()


def get_origin(tp):
    """The unsubscripted form of an alias (List[int] -> list), else None."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, _SpecialGenericAlias):
        return tp.__origin__
    if isinstance(tp, _GenericAlias):
        origin = tp.__origin__
        if isinstance(origin, _SpecialGenericAlias):
            return origin.__origin__
        return origin
    if tp is Generic:
        return Generic
    if type(tp).__name__ in ("GenericAlias", "UnionType"):
        return getattr(tp, "__origin__", None) or (Union if type(tp).__name__ == "UnionType"
                                                    else None)
    return None


def get_args(tp):
    """The arguments of an alias (Dict[str, int] -> (str, int)), else ()."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _CallableAlias):
        args = tp.__args__
        if args[0] is ...:
            return args
        return (list(args[:-1]), args[-1])
    if isinstance(tp, _GenericAlias) and not isinstance(tp, _SpecialGenericAlias):
        return tp.__args__
    if type(tp).__name__ in ("GenericAlias", "UnionType"):
        return getattr(tp, "__args__", ())
    return ()


def _resolve(name, namespace):
    if not isinstance(name, str):
        return _norm(name)
    parts = name.split(".")
    if not all(p.isidentifier() for p in parts):
        return name
    if parts[0] in namespace:
        value = namespace[parts[0]]
    elif hasattr(builtins, parts[0]):
        value = getattr(builtins, parts[0])
    else:
        raise NameError(f"name '{parts[0]}' is not defined")
    for p in parts[1:]:
        value = getattr(value, p)
    return _norm(value)


def _module_namespace(obj):
    module = sys.modules.get(getattr(obj, "__module__", None))
    return getattr(module, "__dict__", {}) if module is not None else {}


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class (through its MRO), function or module."""
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get("__annotations__", {})
            ns = globalns if globalns is not None else _module_namespace(base)
            if localns:
                ns = dict(ns)
                ns.update(localns)
            for name, value in ann.items():
                hints[name] = _resolve(value, ns)
        return hints
    ann = getattr(obj, "__annotations__", None)
    if ann is None:
        if callable(obj) or isinstance(obj, type(sys)):
            return {}
        raise TypeError(f"{obj!r} is not a module, class, method, or function.")
    ns = globalns if globalns is not None else getattr(obj, "__globals__", None) \
        or _module_namespace(obj)
    if localns:
        ns = dict(ns)
        ns.update(localns)
    for name, value in ann.items():
        hints[name] = _resolve(value, ns)
    return hints


class NewType:
    """NewType("UserId", int): a callable returning its argument unchanged."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if "." in name:
            name = name.rpartition(".")[-1]
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = "__main__"

    def __repr__(self):
        return f"{self.__module__}.{self.__qualname__}"

    def __call__(self, x):
        return x

    def __mro_entries__(self, bases):
        name = self.__name__
        raise TypeError(f"Cannot subclass an instance of NewType. Perhaps you were looking "
                        f"for: `{name} = NewType({name!r}, {self.__name__})`")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _nt_property(index, name):
    def get(self):
        return self[index]
    return property(get, doc=f"Alias for field number {index}")


def _make_namedtuple(typename, fields, defaults, module, annotations):
    fields = tuple(fields)
    for name in (typename,) + fields:
        if not isinstance(name, str) or not name.isidentifier():
            raise ValueError(f"Type names and field names must be valid identifiers: {name!r}")
    seen = set()
    for name in fields:
        if name.startswith("_"):
            raise ValueError(f"Field names cannot start with an underscore: {name!r}")
        if name in seen:
            raise ValueError(f"Encountered duplicate field name: {name!r}")
        seen.add(name)
    defaults = tuple(defaults)
    field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults)) if defaults else {}
    positional = list(fields)
    qualname = f"{typename}.__new__"
    nfields = len(fields)

    def __new__(cls, *args, **kwargs):
        return tuple.__new__(cls, _bind(qualname, positional, [], field_defaults, args, kwargs))

    def __repr__(self):
        inner = ", ".join(f"{n}={v!r}" for n, v in zip(fields, self))
        return f"{self.__class__.__name__}({inner})"

    def _asdict(self):
        return dict(zip(fields, self))

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(n) if n in kwds else v for n, v in zip(fields, self)])
        if kwds:
            raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
        return result

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != nfields:
            raise TypeError(f"Expected {nfields} arguments, got {len(result)}")
        return result

    def __getnewargs__(self):
        return tuple(self)

    ns = {"__slots__": (), "_fields": fields, "_field_defaults": field_defaults,
          "__new__": __new__, "__repr__": __repr__, "_asdict": _asdict, "_replace": _replace,
          "_make": classmethod(_make), "__getnewargs__": __getnewargs__,
          "__match_args__": fields, "__module__": module,
          "__doc__": f"{typename}({', '.join(fields)})",
          "__annotations__": dict(annotations)}
    for i, name in enumerate(fields):
        ns[name] = _nt_property(i, name)
    return type(typename, (tuple,), ns)


_NT_PROHIBITED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                            "_field_defaults", "_make", "_replace", "_asdict", "_source"})
_NT_SPECIAL = frozenset({"__module__", "__name__", "__annotations__", "__qualname__",
                         "__orig_bases__"})


class NamedTupleMeta(type):
    def __new__(mcls, typename, bases, ns):
        if ns.get("_root", False):
            return super().__new__(mcls, typename, bases, ns)
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError("can only inherit from a NamedTuple type and Generic")
        annotations = ns.get("__annotations__", {})
        defaults = []
        for name in annotations:
            if name in ns:
                defaults.append(ns[name])
            elif defaults:
                raise TypeError(f"Non-default namedtuple field {name} cannot follow "
                                f"default field{'s' if len(defaults) > 1 else ''} "
                                f"{', '.join(n for n in annotations if n in ns)}")
        nt = _make_namedtuple(typename, annotations.keys(), defaults,
                              ns.get("__module__", "__main__"), annotations)
        if "__qualname__" in ns:
            nt.__qualname__ = ns["__qualname__"]
        for key, value in ns.items():
            if key in _NT_PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _NT_SPECIAL and key not in nt._fields:
                setattr(nt, key, value)
        for key, value in ns.items():
            set_name = getattr(type(value), "__set_name__", None)
            if set_name is not None and key not in nt._fields:
                set_name(value, nt, key)
        return nt


_NamedTuple = NamedTupleMeta("NamedTuple", (), {"_root": True})


class _NamedTupleFactory:
    """`NamedTuple`: a function making named tuples, and a base class."""

    def __call__(self, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = kwargs.items()
        elif kwargs:
            raise TypeError("Either list of fields or keywords can be provided to NamedTuple, "
                            "not both")
        fields = list(fields)
        return _make_namedtuple(typename, [n for n, _ in fields], (), "__main__",
                                {n: t for n, t in fields})

    def __mro_entries__(self, bases):
        return (_NamedTuple,)

    def __repr__(self):
        return "<function NamedTuple>"


NamedTuple = _NamedTupleFactory()


class _TypedDictMeta(type):
    def __new__(mcls, name, bases, ns, total=True):
        if ns.get("_root", False):
            return super().__new__(mcls, name, (dict,), ns)
        annotations = {}
        required = set()
        optional = set()
        for base in bases:
            annotations.update(base.__dict__.get("__annotations__", {}))
            required.update(base.__dict__.get("__required_keys__", ()))
            optional.update(base.__dict__.get("__optional_keys__", ()))
        own = ns.get("__annotations__", {})
        annotations.update(own)
        for key, tp in own.items():
            origin = getattr(tp, "__origin__", None)
            if origin is Required:
                required.add(key)
            elif origin is NotRequired:
                optional.add(key)
            elif total:
                required.add(key)
            else:
                optional.add(key)
        ns = dict(ns)
        ns["__annotations__"] = annotations
        cls = super().__new__(mcls, name, (dict,), ns)
        cls.__required_keys__ = frozenset(required)
        cls.__optional_keys__ = frozenset(optional)
        cls.__total__ = total
        return cls

    def __init__(cls, name, bases, ns, total=True):
        pass

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __instancecheck__(cls, obj):
        raise TypeError("TypedDict does not support instance and class checks")

    __subclasscheck__ = __instancecheck__


_TypedDict = _TypedDictMeta("TypedDict", (), {"_root": True})


class _TypedDictFactory:
    """`TypedDict`: a function making TypedDict classes, and a base class."""

    def __call__(self, typename, fields=None, /, *, total=True, **kwargs):
        if fields is None:
            fields = kwargs
        ns = {"__annotations__": dict(fields), "__module__": "__main__"}
        return _TypedDictMeta(typename, (), ns, total=total)

    def __mro_entries__(self, bases):
        return (_TypedDict,)

    def __repr__(self):
        return "<function TypedDict>"


TypedDict = _TypedDictFactory()


def is_typeddict(tp):
    return isinstance(tp, _TypedDictMeta)

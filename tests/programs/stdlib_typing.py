# typing: annotations are no-ops at run time; NamedTuple/TypedDict/NewType/Generic are real.
from typing import (Any, Optional, Union, List, Dict, Tuple, Set, FrozenSet, Callable, Iterable,
                    Iterator, Generator, Sequence, Mapping, TypeVar, Generic, Protocol, NamedTuple,
                    TypedDict, Literal, Final, ClassVar, cast, overload, TYPE_CHECKING,
                    get_type_hints, get_origin, get_args, NewType, Type, Annotated,
                    runtime_checkable, Awaitable, Deque, DefaultDict, NoReturn)
import typing

T = TypeVar("T")
K = TypeVar("K", bound=str)
print(T, K, T.__name__, TypeVar("Co", covariant=True))
print(List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int, None, str])
print(Tuple[int, ...], Callable[[int, str], bool], Callable[..., Any], Literal["a", 1])
print(Union[int, int], Union[int, Union[str, float]] == Union[int, str, float], Optional[Optional[int]])
print(List, Any, typing.Final[int], ClassVar[int], Set[int], FrozenSet[str], Type[int])
print(get_origin(List[int]) is list, get_args(Dict[str, int]), get_origin(Union[int, str]) is Union,
      get_args(Callable[[int], str]), get_origin(int), get_args(int))
print(isinstance([], List), isinstance({}, Dict), isinstance(3, Optional[int]) if False else "skip")
print(cast(int, "not checked"), TYPE_CHECKING)
try:
    isinstance([], List[int])
except TypeError as e:
    print(type(e).__name__, e)


def annotated(a: int, b: "str" = "x", *rest: float, flag: Optional[bool] = None) -> List[str]:
    return [str(a), b]


print(annotated(1), annotated.__annotations__["return"], get_type_hints(annotated)["b"])


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), type(s).__name__, Stack[str], Stack.__mro__[-2].__name__)


class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = "p"

    def norm2(self) -> int:
        return self.x * self.x + self.y * self.y


p = Point(3, 4)
print(p, p.norm2(), p[0], p._asdict(), p._replace(y=0), Point._fields, Point._field_defaults)
print(p == (3, 4, "p"), isinstance(p, tuple), len(p), Point._make([1, 2, "q"]), hash(p) == hash((3, 4, "p")))
x, y, _ = p
print(x, y, sorted([Point(2), Point(1, 5)]))
try:
    Point()
except TypeError as e:
    print(type(e).__name__, e)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__)
try:
    p._replace(z=1)
except ValueError as e:
    print(type(e).__name__, e)
Pair = NamedTuple("Pair", [("left", int), ("right", str)])
print(Pair(1, "r"), Pair._fields, Pair(right="b", left=2))
match p:
    case Point(x=3, y=yy):
        print("matched point y", yy)


class Movie(TypedDict):
    title: str
    year: int


m = Movie(title="Alien", year=1979)
print(m, type(m).__name__, Movie.__annotations__, sorted(Movie.__required_keys__))
Partial = TypedDict("Partial", {"a": int}, total=False)
print(Partial(a=1), Partial.__total__)

UserId = NewType("UserId", int)
print(UserId(5), type(UserId(5)).__name__, UserId.__name__, UserId.__supertype__)


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None:
        ...


class File:
    def close(self):
        pass


print(isinstance(File(), Closable), isinstance(3, Closable))


class NotRuntime(Protocol):
    def go(self) -> None:
        ...


try:
    isinstance(File(), NotRuntime)
except TypeError as e:
    print(type(e).__name__, e)


@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2


print(double(2), double("ab"))


class Config:
    name: str
    retries: int = 3
    tags: ClassVar[List[str]] = []


print(get_type_hints(Config), Config.retries)
print(Annotated[int, "meta"], get_args(Annotated[int, "meta"]), Iterable[int], Iterator, Generator[int, None, None])
print(isinstance([1], Iterable), isinstance(3, Iterable), isinstance(iter([]), Iterator), isinstance(len, Callable))
print(Sequence[int], Mapping[str, int], Awaitable[int], Deque[int], DefaultDict[str, int], NoReturn)
try:
    Dict[int]
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Bad(Any):
        pass
except TypeError as e:
    print(type(e).__name__, e)
x: Final = 5
y: "List[int]" = []
print(__annotations__)

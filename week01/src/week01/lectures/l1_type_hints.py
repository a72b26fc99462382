"""Lecture 1: type hints for backend code.

Hints are not checked when the program runs; they document the contract and let a checker (mypy,
see ``l1_running_mypy``) find mismatches before the code ever runs.

Run: uv run python -m week01.lectures.l1_type_hints
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeAlias, TypeVar

# --- W01.L1.1 built-in types, Optional and Union -------------------------------------------------


def greet(name: str, times: int = 1) -> str:
    """Built-in types in the signature: callers and readers see what goes in and out."""
    return " ".join([f"hello {name}"] * times)


def find_email(users: dict[int, str], user_id: int) -> str | None:
    """``X | None`` (the modern spelling of ``Optional[X]``): the caller must handle "not found"."""
    return users.get(user_id)


def parse_port(value: int | str) -> int:
    """A union: accept either type, then narrow with ``isinstance`` before using it."""
    if isinstance(value, str):
        value = int(value.strip())  # here mypy knows value is a str
    if not 0 < value < 65536:
        raise ValueError(f"port out of range: {value}")
    return value


# --- W01.L1.2 collections with type parameters ---------------------------------------------------


def unique_tags(posts: list[list[str]]) -> set[str]:
    """``list[list[str]]`` in, ``set[str]`` out: the element types are part of the contract."""
    return {tag.lower() for tags in posts for tag in tags}


def count_by_status(statuses: Iterable[str]) -> dict[str, int]:
    """Accept the most general input (any ``Iterable``), return a concrete ``dict``."""
    counts: dict[str, int] = {}
    for status in statuses:
        counts[status] = counts.get(status, 0) + 1
    return counts


def coordinates() -> tuple[float, float]:
    """``tuple[float, float]`` is a fixed-size pair; ``tuple[int, ...]`` would be any length."""
    return (52.52, 13.40)


# --- W01.L1.3 type aliases -----------------------------------------------------------------------

# Without aliases the signature below would read
# ``dict[str, list[tuple[str, int]]]`` and ``Callable[[dict[str, str]], tuple[int, str]]``.
# (Python 3.12+ also has the statement ``type UserId = int``.)
UserId: TypeAlias = int
Headers: TypeAlias = dict[str, str]
Handler: TypeAlias = Callable[[Headers], tuple[int, str]]
Routes: TypeAlias = dict[str, Handler]


def dispatch(routes: Routes, path: str, headers: Headers) -> tuple[int, str]:
    """Aliases make a signature read like the domain: a path is dispatched to a handler."""
    handler = routes.get(path)
    if handler is None:
        return (404, "not found")
    return handler(headers)


# --- W01.L1.4 generics: TypeVar basics -----------------------------------------------------------

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


def first(items: Iterable[T], default: T) -> T:
    """One ``T`` ties input and output: ``first([1, 2], 0)`` is an ``int``, not ``object``."""
    for item in items:
        return item
    return default


def invert(mapping: Mapping[K, V]) -> dict[V, K]:
    """Two type variables: the key type of the input is the value type of the output."""
    return {value: key for key, value in mapping.items()}


def main() -> None:
    print("greet('ada', 2)           ->", repr(greet("ada", 2)))
    print(
        "find_email({1: 'a@x'}, 2) ->", find_email({1: "a@x"}, 2), "(the caller must handle None)"
    )
    print("parse_port(' 8000 ')      ->", parse_port(" 8000 "))
    print("unique_tags(...)          ->", sorted(unique_tags([["API", "db"], ["db"]])))
    print("count_by_status(...)      ->", count_by_status(["open", "done", "open"]))
    routes: Routes = {"/health": lambda headers: (200, "ok")}
    print("dispatch(routes, '/nope') ->", dispatch(routes, "/nope", {}))
    print("first([], default=0)      ->", first([], default=0))
    print("invert({'a': 1})          ->", invert({"a": 1}))
    # Hints are not enforced at run time: this call is wrong, yet Python runs it happily.
    print("greet(42) at run time     ->", repr(greet(42)), "(mypy would reject this call)")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()

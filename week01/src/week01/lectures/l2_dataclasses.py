"""Lecture 2: dataclasses, the plain-Python ancestor of Pydantic models.

``@dataclass`` writes ``__init__``, ``__repr__`` and ``__eq__`` from annotated fields. It does
NOT check types: validation is yours, in ``__post_init__``. Pydantic (week 3) keeps the class
syntax and adds type validation and JSON (de)serialisation.

Run: uv run python -m week01.lectures.l2_dataclasses
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, asdict, dataclass, field, replace


@dataclass
class Task:
    """Defaults and ``field``: a mutable default must come from a factory, never ``= []``."""

    title: str
    priority: int = 3
    tags: list[str] = field(default_factory=list)  # a new list per instance
    id: int | None = field(default=None, compare=False)  # not part of equality

    def __post_init__(self) -> None:
        # Runs after the generated __init__: validate and normalise here.
        self.title = self.title.strip()
        if not self.title:
            raise ValueError("title must not be blank")
        if not 1 <= self.priority <= 5:
            raise ValueError(f"priority must be 1..5, got {self.priority}")


@dataclass(frozen=True, slots=True)
class Money:
    """Frozen: immutable and hashable (a value object). Slots: no ``__dict__``, less memory,
    and assigning a misspelled attribute fails instead of silently creating it."""

    amount_cents: int
    currency: str = "EUR"

    def __post_init__(self) -> None:
        if len(self.currency) != 3 or not self.currency.isalpha():
            raise ValueError(f"currency must be a 3-letter code, got {self.currency!r}")
        # A frozen instance cannot assign normally; object.__setattr__ is the escape hatch
        # for normalising inside __post_init__.
        object.__setattr__(self, "currency", self.currency.upper())

    def __add__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise ValueError("cannot add different currencies")
        return Money(self.amount_cents + other.amount_cents, self.currency)


def main() -> None:
    task = Task("  write tests ", priority=2)
    print("Task('  write tests ', priority=2) ->", task)
    print("defaults are per instance:", Task("a").tags is not Task("b").tags)
    print("id is excluded from ==   :", Task("a", id=1) == Task("a", id=2))
    try:
        Task("x", priority=9)
    except ValueError as exc:
        print("__post_init__ validation  :", exc)
    price = Money(1999, "eur")
    print("Money(1999, 'eur')        ->", price, "hashable:", hash(price) == hash(Money(1999)))
    try:
        price.amount_cents = 0  # type: ignore[misc]  # mypy also knows the class is frozen
    except FrozenInstanceError as exc:
        print("frozen                    ->", type(exc).__name__, exc)
    print("replace() makes a copy    ->", replace(price, amount_cents=999))
    print("asdict()                  ->", asdict(task))


if __name__ == "__main__":
    main()

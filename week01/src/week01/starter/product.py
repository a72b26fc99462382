"""Exercise 2: a validated dataclass (the plain-Python version of a Pydantic model).

Rules, checked in ``__post_init__`` (raise ``ValidationError(field, problem)``):

- ``sku``: 2-5 capital letters, a dash, 3-6 digits (``KB-101``); surrounding spaces and lower case
  are accepted and normalised (``" kb-101 "`` -> ``"KB-101"``);
- ``name``: stripped, 1-100 characters;
- ``price_cents``: an ``int`` (not ``bool``) greater than 0;
- ``quantity``: an ``int`` (not ``bool``) of at least 0;
- ``tags``: stored lower-cased and stripped, duplicates removed; an empty tag is invalid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .errors import ValidationError

SKU_PATTERN = re.compile(r"[A-Z]{2,5}-\d{3,6}")
MAX_NAME = 100


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True, slots=True)
class Product:
    sku: str
    name: str
    price_cents: int
    quantity: int = 0
    tags: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        raise NotImplementedError("TODO: validate; normalise via object.__setattr__")

    def restocked(self, amount: int) -> Product:
        """A copy with ``amount`` (> 0) more in stock; ``ValidationError("amount", ...)`` else."""
        raise NotImplementedError("TODO: amount > 0; return a replace()d copy")

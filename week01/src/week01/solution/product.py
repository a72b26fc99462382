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
        # BEGIN SOLUTION validate; normalise via object.__setattr__
        sku = self.sku.strip().upper()
        if not SKU_PATTERN.fullmatch(sku):
            raise ValidationError("sku", f"expected like 'KB-101', got {self.sku!r}")
        name = self.name.strip()
        if not 1 <= len(name) <= MAX_NAME:
            raise ValidationError("name", f"must be 1-{MAX_NAME} characters")
        if not _is_int(self.price_cents) or self.price_cents <= 0:
            raise ValidationError(
                "price_cents", f"must be a whole number > 0, got {self.price_cents!r}"
            )
        if not _is_int(self.quantity) or self.quantity < 0:
            raise ValidationError("quantity", f"must be a whole number >= 0, got {self.quantity!r}")
        tags = frozenset(tag.strip().lower() for tag in self.tags)
        if "" in tags:
            raise ValidationError("tags", "tags must not be empty")
        # The class is frozen: normalising needs object.__setattr__ (only ever in __post_init__).
        object.__setattr__(self, "sku", sku)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "tags", tags)
        # END SOLUTION

    def restocked(self, amount: int) -> Product:
        """A copy with ``amount`` (> 0) more in stock; ``ValidationError("amount", ...)`` else."""
        # BEGIN SOLUTION amount > 0; return a replace()d copy
        if not _is_int(amount) or amount <= 0:
            raise ValidationError("amount", f"must be a whole number > 0, got {amount!r}")
        return replace(self, quantity=self.quantity + amount)
        # END SOLUTION

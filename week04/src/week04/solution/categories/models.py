"""The stored category record (week 06 turns it into a SQLAlchemy model with the same fields)."""

from dataclasses import dataclass


@dataclass(kw_only=True)
class Category:
    id: int
    name: str
    description: str | None

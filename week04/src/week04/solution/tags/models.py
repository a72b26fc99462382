"""The stored tag record (week 06 turns it into a SQLAlchemy model with the same fields)."""

from dataclasses import dataclass


@dataclass(kw_only=True)
class Tag:
    id: int
    name: str

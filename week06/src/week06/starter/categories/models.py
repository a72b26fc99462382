"""The categories table: week 3's record, now a SQLAlchemy model with the same fields."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Identity, Index, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base

if TYPE_CHECKING:
    from ..tasks.models import Task


class Category(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    # TODO: name, description, tasks, uq_categories_name_lower

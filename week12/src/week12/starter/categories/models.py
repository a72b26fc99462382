"""The categories table: week 3's record, now a SQLAlchemy model with the same fields."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Identity, Index, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base

if TYPE_CHECKING:
    from ..tasks.models import Task


class Category(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(50))
    description: Mapped[str | None] = mapped_column(String(500))

    # lazy="raise": reading category.tasks without loading it first is an error, not a hidden query.
    tasks: Mapped[list[Task]] = relationship(back_populates="category", lazy="raise")

    __table_args__ = (
        # Names are unique per owner, ignoring case: the service checks first (for a clear 409),
        # the index makes it true even when two requests race. It leads with owner_id, so it
        # also serves the foreign key and "this user's categories".
        Index("uq_categories_owner_id_name_lower", owner_id, func.lower(name), unique=True),
    )

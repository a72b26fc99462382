"""The tags table: week 3's record, now a SQLAlchemy model with the same fields."""

from sqlalchemy import Identity, Index, String, func
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    # TODO: name (30); uq_tags_name_lower on lower(name)

"""The tags table: week 3's record, now a SQLAlchemy model with the same fields."""

from sqlalchemy import ForeignKey, Identity, Index, String, func
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(30))

    # Unique per owner, ignoring case (see categories/models.py).
    __table_args__ = (
        Index("uq_tags_owner_id_name_lower", owner_id, func.lower(name), unique=True),
    )

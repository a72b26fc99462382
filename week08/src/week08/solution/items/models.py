"""One table for everything the service integrates: the *internal* model every source maps into."""

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, Identity, Index, String, Text, UniqueConstraint, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class Item(Base):
    __tablename__ = "items"
    __table_args__ = (
        # The natural key: what the upstream calls it. Upserts conflict on it (idempotent sync).
        UniqueConstraint("source", "kind", "external_id", name="uq_items_source_kind_external_id"),
        # The read API's order (newest first) and its keyset cursor.
        Index("ix_items_occurred_at_id", "occurred_at", "id"),
        Index("ix_items_source_kind_occurred_at_id", "source", "kind", "occurred_at", "id"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    source: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(40))
    amount: Mapped[int | None] = mapped_column(BigInteger)  # minor units (cents), as Stripe sends
    currency: Mapped[str | None] = mapped_column(String(3))
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # When the upstream last changed it: an older version never overwrites a newer one.
    source_updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    attributes: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default="{}")
    synced_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

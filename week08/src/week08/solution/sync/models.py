"""Where each source's sync stands: its cursor and ETag, and how the last run went."""

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class SyncState(Base):
    __tablename__ = "sync_states"

    source: Mapped[str] = mapped_column(String(20), primary_key=True)
    cursor: Mapped[str | None] = mapped_column(String(100))  # where the next sync starts
    etag: Mapped[str | None] = mapped_column(String(200))  # for If-None-Match next time
    status: Mapped[str] = mapped_column(String(10), server_default="never")
    last_run_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_success_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
    consecutive_failures: Mapped[int] = mapped_column(Integer, server_default="0")
    received: Mapped[int] = mapped_column(Integer, server_default="0")
    inserted: Mapped[int] = mapped_column(Integer, server_default="0")
    updated: Mapped[int] = mapped_column(Integer, server_default="0")
    unchanged: Mapped[int] = mapped_column(Integer, server_default="0")
    invalid: Mapped[int] = mapped_column(Integer, server_default="0")
    not_modified: Mapped[bool] = mapped_column(server_default=false())

"""Every model of the app, imported once so ``Base.metadata`` knows every table (for Alembic)."""

from .db import Base
from .items.models import Item
from .sync.models import SyncState
from .webhooks.models import WebhookEvent

__all__ = ["Base", "Item", "SyncState", "WebhookEvent"]

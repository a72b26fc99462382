"""Every model of the app, imported once so ``Base.metadata`` knows every table.

Alembic's ``env.py`` imports this module: autogenerate and ``alembic check`` compare the database
with exactly these tables.
"""

from .auth.models import LoginFailure, RefreshToken
from .categories.models import Category
from .db import Base
from .idempotency import IdempotencyRecord
from .pipeline.models import DeadLetter, OutboxMessage, ReportExport, SentEmail
from .tags.models import Tag
from .tasks.models import Task, TaskTag
from .users.models import User

__all__ = [
    "Base", "Category", "DeadLetter", "IdempotencyRecord", "LoginFailure", "OutboxMessage",
    "RefreshToken", "ReportExport", "SentEmail", "Tag", "Task", "TaskTag", "User",
]  # fmt: skip

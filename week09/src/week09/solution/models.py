"""Every model of the app, imported once so ``Base.metadata`` knows every table.

Alembic's ``env.py`` imports this module: autogenerate and ``alembic check`` compare the database
with exactly these tables.
"""

from .categories.models import Category
from .db import Base
from .idempotency import IdempotencyRecord
from .tags.models import Tag
from .tasks.models import Task, TaskTag

__all__ = ["Base", "Category", "IdempotencyRecord", "Tag", "Task", "TaskTag"]

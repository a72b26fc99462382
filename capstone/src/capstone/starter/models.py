"""Every model of the app, imported once so ``Base.metadata`` knows every table (Alembic's
``env.py`` imports this module)."""

from .attachments.models import Attachment
from .audit.models import AuditEvent
from .auth.models import RefreshToken, User
from .comments.models import Comment, Mention
from .db import Base
from .exports.models import ReportExport
from .idempotency import IdempotencyRecord
from .jobs.models import OutboxEmail
from .projects.models import Project
from .tasks.models import Task
from .tenancy.models import Invitation, Membership, Organisation

__all__ = [
    "Attachment",
    "AuditEvent",
    "Base",
    "Comment",
    "IdempotencyRecord",
    "Invitation",
    "Membership",
    "Mention",
    "Organisation",
    "OutboxEmail",
    "Project",
    "RefreshToken",
    "ReportExport",
    "Task",
    "User",
]

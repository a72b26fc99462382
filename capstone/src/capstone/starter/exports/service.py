"""Making an export: the organisation's live tasks rendered as CSV or JSON, once.

``build`` runs in a worker (``jobs.worker.build_export``). It locks the export's row, so two
deliveries of the same task never build it twice at once, and leaves an export that is no longer
pending alone: a re-delivered task makes no second file.
"""

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from ..tasks.models import Task
from ..tenancy.base import scope_to_organisation
from .models import ExportStatus, ReportExport

FIELDS = ("id", "project_id", "title", "status", "assignee_id", "due_date", "created_at")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def render(tasks: Sequence[Task], format: str) -> str:
    """The ``FIELDS`` of each task as CSV (a header row first) or as a JSON array; dates and
    times in ISO 8601, a missing value empty (CSV) or null (JSON); ``ValueError`` for another
    format."""
    raise NotImplementedError("TODO: task 13: a dict per task, DictWriter or json")


async def build(session: AsyncSession, org_id: int, export_id: int) -> str:
    """Produce export ``export_id`` of ``org_id`` if it is still pending; its status after.
    The caller commits. A failure to render marks it failed with the error (and commits that)."""
    raise NotImplementedError("TODO: task 13: scope, lock, only if pending, render")

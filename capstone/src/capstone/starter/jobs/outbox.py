"""Writing the outbox, and asking a worker to empty it.

``write_outbox`` is a ``before_commit`` listener: the e-mails of a transaction's notices are rows
added to the same transaction, so a rolled-back change sends nothing and a committed one cannot
lose its e-mail. ``Enqueue`` is an ``after_commit`` listener: once the rows are committed, it asks
a worker to deliver them. If that fails (the broker is down), the rows wait for the periodic
sweep: the enqueue is a hint to be quick, never the only way a row is sent.
"""

import asyncio
import uuid
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from ..auth.models import User
from ..events import Change, Notice, Reason, notices
from .models import OutboxEmail

DOMAIN = "projects.example"  # the right-hand side of our Message-IDs


# TODO (task 13): two helpers for write_outbox: a new, globally unique Message-ID
# (RFC 5322's <left@right>, DOMAIN on the right), and the subject and plain-text body of a
# notice ("Assigned to you: <the task's title>"; "You were mentioned on task #<id>", the
# comment in the body)


async def write_outbox(session: AsyncSession, changes: list[Change]) -> None:
    """``before_commit``: one outbox row per notice of ``changes``, to the person's e-mail."""
    return  # TODO (task 13): one OutboxEmail per notice of `changes`, in `session`


class Enqueue:
    """``after_commit``: ask a worker to deliver, when the transaction wrote to the outbox.

    ``send`` is blocking (a Celery publish), so it runs in a thread; an exception is logged by
    ``Listeners`` and the sweep sends the rows later."""

    def __init__(self, send: Callable[[], object]) -> None:
        self.send = send

    async def __call__(self, changes: list[Change]) -> None:
        return  # TODO (task 13): publish (self.send, in a thread) if any change has a notice


class EnqueueExports:
    """``after_commit``: build each export requested in the transaction (``export.requested``);
    the Beat sweep builds those whose publish failed."""

    def __init__(self, send: Callable[[int, int], object]) -> None:
        self.send = send

    async def __call__(self, changes: list[Change]) -> None:
        return  # TODO (task 13): send(org_id, export id) of each export.requested change

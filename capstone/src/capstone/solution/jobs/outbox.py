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


# BEGIN SOLUTION task 13: a Message-ID; the subject and body of a notice
def message_id() -> str:
    """A new, globally unique Message-ID (RFC 5322: ``<left@right>``). It is chosen once, when the
    row is written, so every attempt to send the row sends the same id."""
    return f"<outbox.{uuid.uuid4().hex}@{DOMAIN}>"


def compose(notice: Notice) -> tuple[str, str]:
    """The subject and the plain-text body telling of ``notice``: "Assigned to you: <the task's
    title>", or "You were mentioned on task #<its id>" with the comment in the body."""
    change, after = notice.change, notice.change.after or {}
    if notice.reason is Reason.assigned:
        title = after.get("title", f"task #{change.entity_id}")
        return f"Assigned to you: {title}", (
            f'You are now the assignee of the task "{title}" (#{change.entity_id}).\n'
        )
    task = after.get("task_id", "?")
    return f"You were mentioned on task #{task}", (
        f"You were mentioned in a comment on task #{task}:\n\n{after.get('body', '')}\n"
    )


# REPLACE WITH
# # TODO (task 13): two helpers for write_outbox: a new, globally unique Message-ID
# # (RFC 5322's <left@right>, DOMAIN on the right), and the subject and plain-text body of a
# # notice ("Assigned to you: <the task's title>"; "You were mentioned on task #<id>", the
# # comment in the body)
# END SOLUTION


async def write_outbox(session: AsyncSession, changes: list[Change]) -> None:
    """``before_commit``: one outbox row per notice of ``changes``, to the person's e-mail."""
    # BEGIN SOLUTION task 13: one OutboxEmail per notice, in the same session
    told = [notice for change in changes for notice in notices(change)]
    if not told:
        return
    ids = {notice.user_id for notice in told}
    rows = await session.execute(select(User.id, User.email).where(User.id.in_(ids)))
    emails: dict[int, str] = dict(rows.all())
    for notice in told:
        if (recipient := emails.get(notice.user_id)) is None:
            continue  # an account deleted meanwhile: nobody to tell
        subject, body = compose(notice)
        session.add(
            OutboxEmail(
                org_id=notice.change.org_id,
                message_id=message_id(),
                recipient=recipient,
                subject=subject,
                body=body,
            )
        )
    # REPLACE WITH
    # return  # TODO (task 13): one OutboxEmail per notice of `changes`, in `session`
    # END SOLUTION


class Enqueue:
    """``after_commit``: ask a worker to deliver, when the transaction wrote to the outbox.

    ``send`` is blocking (a Celery publish), so it runs in a thread; an exception is logged by
    ``Listeners`` and the sweep sends the rows later."""

    def __init__(self, send: Callable[[], object]) -> None:
        self.send = send

    async def __call__(self, changes: list[Change]) -> None:
        # BEGIN SOLUTION task 13: publish once if any change has a notice
        if any(notices(change) for change in changes):
            await asyncio.to_thread(self.send)
        # REPLACE WITH
        # return  # TODO (task 13): publish (self.send, in a thread) if any change has a notice
        # END SOLUTION


class EnqueueExports:
    """``after_commit``: build each export requested in the transaction (``export.requested``);
    the Beat sweep builds those whose publish failed."""

    def __init__(self, send: Callable[[int, int], object]) -> None:
        self.send = send

    async def __call__(self, changes: list[Change]) -> None:
        # BEGIN SOLUTION task 13: each export.requested change
        for change in changes:
            if change.action == "export.requested":
                await asyncio.to_thread(self.send, change.org_id, change.entity_id)
        # REPLACE WITH
        # return  # TODO (task 13): send(org_id, export id) of each export.requested change
        # END SOLUTION

"""Changes, and who hears of them.

``AuditLog.record`` sees every mutation inside its transaction, so it is the one place that also
keeps the change on the request's session (``session.info``). Two consumers read what it kept:

- before the commit, the jobs put the e-mails to send into the outbox, in the same transaction
  (a rolled-back change sends nothing, a committed one cannot lose its e-mail);
- after the commit, the real-time layer publishes the changes to the WebSocket rooms (a client
  is never told of a change it cannot read yet).

Both register on the app's ``Listeners`` (``app.state.listeners``); ``get_session`` calls them.
``notices`` is the one rule of who is personally told: the new assignee of a task and the members
newly @mentioned in a comment, never the person who made the change.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

Snapshot = dict[str, Any] | None
SESSION_KEY = "capstone.changes"
logger = structlog.get_logger(__name__)


@dataclass(frozen=True)
class Change:
    """One audited mutation: what ``AuditLog.record`` was given, and in which organisation."""

    org_id: int
    actor_id: int | None
    action: str  # "task.updated", "comment.created", ...
    entity_type: str
    entity_id: int
    before: Snapshot
    after: Snapshot
    # What a ``before_commit`` listener found out in the transaction for the ``after_commit``
    # ones (the real-time layer: a comment's project); not part of the change's identity.
    facts: dict[str, Any] = field(default_factory=dict, compare=False)


class Reason(StrEnum):
    assigned = "assigned"
    mentioned = "mentioned"


@dataclass(frozen=True)
class Notice:
    """``user_id`` is told personally of ``change``, because of ``reason``."""

    user_id: int
    reason: Reason
    change: Change


BeforeCommit = Callable[[AsyncSession, list[Change]], Awaitable[None]]
AfterCommit = Callable[[list[Change]], Awaitable[None]]


@dataclass
class Listeners:
    """What the app does with a transaction's changes. ``before_commit`` runs inside the
    transaction (its writes commit with the change; its failure rolls everything back);
    ``after_commit`` runs once the data is there, and its failure is logged, not raised: the
    request has succeeded."""

    before_commit: list[BeforeCommit] = field(default_factory=list)
    after_commit: list[AfterCommit] = field(default_factory=list)

    async def committing(self, session: AsyncSession) -> None:
        # BEGIN SOLUTION task 0: the kept changes to each before_commit listener
        if changes := kept(session):
            for listener in self.before_commit:
                await listener(session, changes)
        # REPLACE WITH
        # return  # TODO (task 0): the kept changes (if any) to each before_commit listener
        # END SOLUTION

    async def committed(self, session: AsyncSession) -> None:
        # BEGIN SOLUTION task 0: the taken changes to each after_commit listener
        if changes := take(session):
            for listener in self.after_commit:
                try:
                    await listener(changes)
                except Exception:
                    logger.exception("after-commit listener failed", listener=repr(listener))
        # REPLACE WITH
        # return  # TODO (task 0): take the changes; each after_commit listener, failures logged
        # END SOLUTION


def keep(session: AsyncSession, change: Change) -> None:
    """Keep ``change`` on the session until its transaction ends."""
    # BEGIN SOLUTION task 0: a list under SESSION_KEY in session.info
    session.info.setdefault(SESSION_KEY, []).append(change)
    # REPLACE WITH
    # return  # TODO (task 0): append `change` to a list under SESSION_KEY in session.info
    # END SOLUTION


def kept(session: AsyncSession) -> list[Change]:
    """The changes of the session's transaction so far (still kept)."""
    # BEGIN SOLUTION task 0: a copy of the list, which stays
    changes: list[Change] = session.info.get(SESSION_KEY, [])
    return list(changes)
    # REPLACE WITH
    # return []  # TODO (task 0): a copy of the changes kept so far (they stay kept)
    # END SOLUTION


def take(session: AsyncSession) -> list[Change]:
    """The changes kept so far, forgotten by the session (after its commit or rollback)."""
    # BEGIN SOLUTION task 0: the list, removed from session.info
    changes: list[Change] = session.info.pop(SESSION_KEY, [])
    return changes
    # REPLACE WITH
    # return []  # TODO (task 0): the changes kept so far, no longer kept
    # END SOLUTION


def notices(change: Change) -> list[Notice]:
    """Who is told of ``change`` personally: a task's new assignee (not when unassigned, not when
    unchanged), the members a comment newly mentions (an edit tells only those it adds); never
    the actor."""
    # BEGIN SOLUTION task 12: new assignee, newly mentioned, not the actor
    before, after = change.before or {}, change.after or {}
    if change.entity_type == "task":
        assignee = after.get("assignee_id")
        if assignee is None or assignee == before.get("assignee_id"):
            return []
        users, reason = [assignee], Reason.assigned
    elif change.entity_type == "comment":
        old = set(before.get("mentions", []))
        users, reason = [m for m in after.get("mentions", []) if m not in old], Reason.mentioned
    else:
        return []
    return [Notice(user, reason, change) for user in users if user != change.actor_id]
    # END SOLUTION

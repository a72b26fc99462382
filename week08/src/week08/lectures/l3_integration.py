"""L3: external data: validate at the border, normalise into one internal model.

- **External models** describe what an API documents, field by field, and nothing more: they are
  the contract you check every response against. **Internal models** are what *your* code and
  database work with. Keep them apart: when GitHub renames a field, one mapping function changes,
  not your whole codebase.
- **Validate responses with Pydantic** (``Model.model_validate(data)``): a missing field, a
  wrong type or an impossible value becomes a ``ValidationError`` naming the field, at the border,
  instead of a ``KeyError`` three functions later or a wrong value in your database.
- **Missing and extra fields, on purpose**: ``extra="ignore"`` (the default) lets the provider add
  fields without breaking you; ``extra="forbid"`` on internal models catches your own typos.
  Optional fields (``str | None = None``) say what may be absent; everything else is required.
- **One bad record must not stop the sync**: validate each record on its own; log and count the
  failure (where and why, not the content: it may be personal data) and go on.
- **Normalise** different sources into one internal shape (``Event`` below): a GitHub issue and
  a Stripe charge become the same kind of row, with aware UTC times and integer minor units.

Run: ``uv run python -m week08.lectures.l3_integration``
"""

import logging
from collections import Counter
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

logger = logging.getLogger(__name__)


class GitHubIssue(BaseModel):
    """External: GitHub's issue (the fields we use)."""

    model_config = ConfigDict(extra="ignore")

    id: int
    title: str
    state: Literal["open", "closed"]
    updated_at: AwareDatetime
    user: dict[str, Any] | None = None  # null for deleted accounts


class StripeCharge(BaseModel):
    """External: Stripe's charge (amount in minor units, ``created`` in unix seconds)."""

    model_config = ConfigDict(extra="ignore")

    id: str = Field(pattern=r"^ch_")
    amount: int = Field(ge=0)
    currency: str = Field(min_length=3, max_length=3)
    created: AwareDatetime


class Event(BaseModel):
    """Internal: one row of our timeline, whatever the source."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: Literal["github", "stripe"]
    external_id: str
    title: str
    happened_at: AwareDatetime
    amount_cents: int | None = None


def from_github(issue: GitHubIssue) -> Event:
    return Event(source="github", external_id=str(issue.id),
                 title=f"[{issue.state}] {issue.title}", happened_at=issue.updated_at)  # fmt: skip


def from_stripe(charge: StripeCharge) -> Event:
    return Event(
        source="stripe", external_id=charge.id, title=f"charge of {charge.amount} {charge.currency}",
        happened_at=charge.created, amount_cents=charge.amount,
    )  # fmt: skip


def convert(
    records: list[Any], source: Literal["github", "stripe"]
) -> tuple[list[Event], Counter[str]]:
    """Validate and normalise each record on its own; count what failed and why."""
    events, failures = [], Counter[str]()
    for index, record in enumerate(records):
        try:
            if source == "github":
                events.append(from_github(GitHubIssue.model_validate(record)))
            else:
                events.append(from_stripe(StripeCharge.model_validate(record)))
        except ValidationError as exc:
            reasons = sorted({f"{'.'.join(map(str, e['loc']))}: {e['type']}" for e in exc.errors()})
            failures.update(reasons)
            logger.warning("invalid %s record #%d: %s", source, index, reasons)
    return events, failures


GITHUB = [
    {"id": 1, "title": "Crash", "state": "open", "updated_at": "2026-11-30T10:00:00Z", "user": None,
     "reactions": {"+1": 3}},  # an extra field: ignored
    {"id": 2, "title": "No date", "state": "open"},  # missing updated_at
    {"id": "three", "title": "Bad id", "state": "open", "updated_at": "2026-11-30T10:00:00Z"},
    {"id": 4, "title": "Odd state", "state": "reopened", "updated_at": "2026-11-30T10:00:00Z"},
    {"id": 5, "title": "Naive time", "state": "closed", "updated_at": "2026-11-30T10:00:00"},
]  # fmt: skip
STRIPE = [
    {"id": "ch_1", "amount": 2000, "currency": "eur", "created": 1796112000, "livemode": False},
    {"id": "ch_2", "amount": -5, "currency": "eur", "created": 1796112000},
]


def demo() -> dict[str, object]:
    github, github_failures = convert(GITHUB, "github")
    stripe, stripe_failures = convert(STRIPE, "stripe")
    timeline = sorted(github + stripe, key=lambda e: e.happened_at)
    return {
        "stored": [(e.source, e.external_id, e.title) for e in timeline],
        "invalid": dict(github_failures + stripe_failures),
        "all UTC": all(e.happened_at.utcoffset() == datetime(2026, 1, 1, tzinfo=UTC).utcoffset()
                       for e in timeline),
    }  # fmt: skip


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    for key, value in demo().items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()

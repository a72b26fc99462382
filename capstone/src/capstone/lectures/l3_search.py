"""Search: PostgreSQL full-text search against ``ILIKE`` (lecture 3).

``ILIKE '%term%'`` is the simplest search and right for a few thousand rows: no ranking, no
stemming ("deploying" does not find "deployed"), and a leading ``%`` means no B-tree index can
help: every row is read. (``pg_trgm``'s GIN index can serve ``ILIKE``; it is not used here.)

Full-text search stores a ``tsvector`` (normalised lexemes with positions) in a generated column,
indexes it with GIN and matches a ``tsquery``:

- the column is ``GENERATED ALWAYS AS (...) STORED``: written by the database on every insert and
  update, so it can never disagree with the text;
- ``setweight`` ranks a hit in the title (A) above one in the description (B); ``ts_rank`` orders;
- the query is built from the user's words, the last one a prefix (``deploy & ap:*``) so results
  appear while typing; user input never reaches ``to_tsquery`` raw (``&``, ``!``, ``(`` are its syntax);
- ``EXPLAIN`` shows the GIN index at work (the test asserts it on a seeded table).
"""

from __future__ import annotations

import re

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Computed,
    Index,
    Select,
    String,
    Text,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from capstone.lectures.db import Base

DOCUMENT = (
    "setweight(to_tsvector('english', title), 'A')"
    " || setweight(to_tsvector('english', coalesce(description, '')), 'B')"
)


class SearchTask(Base):
    __tablename__ = "lec_search_tasks"
    __table_args__ = (Index("lec_search_tasks_document", "document", postgresql_using="gin"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    org_id: Mapped[int] = mapped_column(BigInteger, index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    document: Mapped[str] = mapped_column(TSVECTOR, Computed(DOCUMENT, persisted=True))


# The text search configuration, written into the SQL (as a parameter it would need a cast).
ENGLISH: ColumnElement[str] = literal_column("'english'")
_WORD = re.compile(r"\w+")


def prefix_query(q: str) -> str | None:
    """``"Deploy  the AP"`` -> ``"deploy & the & ap:*"``; None when there is no word.

    Only the last word, the one being typed, is a prefix: whole words stay exact, which keeps
    results precise and lets the planner estimate them (a prefix alone is a blind 2 % guess).
    """
    words = _WORD.findall(q.lower())[:8]
    if not words:
        return None
    return " & ".join([*words[:-1], f"{words[-1]}:*"])


def full_text(org_id: int, q: str) -> Select[int, str, float]:
    """Ranked matches; an empty query (no words at all) matches nothing."""
    terms = prefix_query(q)
    query = func.to_tsquery(ENGLISH, terms or "")
    rank = func.ts_rank(SearchTask.document, query).label("rank")
    return (
        select(SearchTask.id, SearchTask.title, rank)
        .where(SearchTask.org_id == org_id, SearchTask.document.bool_op("@@")(query))
        .order_by(rank.desc(), SearchTask.id)
        .limit(20)
    )


def like_pattern(q: str) -> str:
    """``%`` and ``_`` in the user's text are literal characters, not wildcards."""
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def substring(org_id: int, q: str) -> Select[int, str]:
    return (
        select(SearchTask.id, SearchTask.title)
        .where(SearchTask.org_id == org_id, SearchTask.title.ilike(like_pattern(q), escape="\\"))
        .order_by(SearchTask.id)
        .limit(20)
    )


async def explain(session: AsyncSession, query: Select[int, str, float] | Select[int, str]) -> str:
    """The plan PostgreSQL chose for ``query`` (with its parameters inlined: EXPLAIN cannot bind)."""
    compiled = query.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
    rows = await session.execute(text(f"EXPLAIN {compiled}"))
    return "\n".join(row[0] for row in rows)

"""Full-text search over tasks: a generated ``tsvector`` column with a GIN index, ranked with
``ts_rank``, the last word typed a prefix (lecture 3, [l3_search.py](../../lectures/l3_search.py))."""

import re

from sqlalchemy import ColumnElement, literal_column

# Title (weight A) ranks above description (B). The column is GENERATED ... STORED: PostgreSQL
# writes it on every insert and update, so it cannot disagree with the text.
DOCUMENT = (
    "setweight(to_tsvector('english', title), 'A')"
    " || setweight(to_tsvector('english', description), 'B')"
)
# The text search configuration, in the SQL text (as a bound parameter it would need a cast).
ENGLISH: ColumnElement[str] = literal_column("'english'")
_WORD = re.compile(r"\w+")


def prefix_query(q: str) -> str | None:
    """``"Deploy  the AP"`` -> ``"deploy & the & ap:*"``; None when ``q`` holds no word. The
    user's text never reaches ``to_tsquery`` as syntax (``&``, ``!``, ``(`` are not words)."""
    raise NotImplementedError("TODO: task 9")

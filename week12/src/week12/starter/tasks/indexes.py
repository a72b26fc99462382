"""The indexes behind the list queries of GET /api/v2/tasks (task 1).

Each index serves one query the app really runs (``page_query`` in ``repository.py``); the tests
EXPLAIN those queries on a seeded table and assert these names, and ``benchmarks/bench_queries.py``
measures each query without and with its index. Migration 0005 creates them; ``Task`` declares them
(``__table_args__``) so that ``alembic check`` sees no drift.

Rules applied: equality columns first, then the ORDER BY column, then ``id`` (every sort ends with
the id as tie-breaker, and the keyset condition ``(column, id) > (:value, :id)`` reads the index
from the cursor on); an expression index must repeat the query's expression exactly.
"""

from sqlalchemy import Index, func, literal_column


def query_indexes() -> tuple[Index, ...]:
    """The indexes of the list queries, attached to the tasks table by ``Task.__table_args__``."""
    return (
        # ?state=in_progress&sort=-created_at: one state's tasks, newest first.
        Index("ix_tasks_status_created_at_id", "status", "created_at", "id"),
        # ?category_id=7&sort=-created_at: a category's tasks, newest first. It also serves the
        # foreign key (deleting a category looks up its tasks), so it replaces ix_tasks_category_id.
        Index("ix_tasks_category_id_created_at_id", "category_id", "created_at", "id"),
        # ?sort=title: alphabetical ignoring case, the expression SORT_COLUMNS["title"] uses.
        Index("ix_tasks_lower_title_id", func.lower(literal_column("title")), "id"),
    )

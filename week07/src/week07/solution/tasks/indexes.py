"""The indexes behind the slow list queries of GET /api/v2/tasks (task 2).

Each index serves a query the app really runs (``page_query`` in ``repository.py``): the tests
EXPLAIN those queries on seeded sample data and check that each plan reads an index that fits,
and ``benchmarks/bench_queries.py`` measures each query without and with the indexes. Migration
0005 creates them; ``Task`` declares them (``__table_args__``) so that ``alembic check`` sees no
drift. Week 6's ``ix_tasks_category_id`` is declared here too, for as long as it is needed: the
foreign key needs an index that leads with ``category_id``.
"""

from sqlalchemy import Index, func, literal_column


def query_indexes() -> tuple[Index, ...]:
    """The indexes of the list queries, attached to the tasks table by ``Task.__table_args__``."""
    # BEGIN SOLUTION
    # Equality columns first, then the ORDER BY column, then id (every sort ends with the id as
    # tie-breaker, and the keyset condition (column, id) > (:value, :id) reads the index from the
    # cursor on); an expression index repeats the query's expression exactly.
    return (
        # ?state=in_progress&sort=-created_at: one state's tasks, newest first.
        Index("ix_tasks_status_created_at_id", "status", "created_at", "id"),
        # ?category_id=7&sort=-created_at: a category's tasks, newest first. It also serves the
        # foreign key (deleting a category looks up its tasks), so it replaces ix_tasks_category_id.
        Index("ix_tasks_category_id_created_at_id", "category_id", "created_at", "id"),
        # ?sort=title: alphabetical ignoring case, the expression SORT_COLUMNS["title"] uses.
        Index("ix_tasks_lower_title_id", func.lower(literal_column("title")), "id"),
    )
    # REPLACE WITH
    # # TODO: declare the indexes your migration 0005 creates (and keep this one while needed)
    # return (Index("ix_tasks_category_id", "category_id"),)
    # END SOLUTION

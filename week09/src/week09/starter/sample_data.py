"""A realistic amount of tasks for performance work: the plan tests and the benchmark use it.

Indexes only matter on tables of realistic size and shape: on 20 rows every plan is a Seq Scan and
every query is fast. So this builds tens of thousands of tasks in one ``INSERT ... SELECT
generate_series(...)`` (no Python loop), with the skew of a real task list: most tasks are done,
few are in progress, a handful of categories hold most tasks, ids grow with creation time. Every
value is a function of the row number: the same data, and the same plans, on every machine.

Status follows age, as in a real backlog: the oldest 60 % are nearly all done (1 in 20 was
forgotten as "todo"); only the newest 40 % hold work in progress.
"""

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

CATEGORIES = 20
# 73 % done, 19 % todo, 8 % in progress; 10 % without a category, 80 % in the 5 busiest ones.
INSERT_TASKS = """
INSERT INTO tasks (title, description, status, priority, due_date, category_id,
                   created_at, updated_at)
SELECT
    (ARRAY['Write', 'Review', 'Fix', 'Plan', 'Test', 'Deploy', 'Document', 'Refactor', 'Measure',
           'Design'])[1 + i % 10]
      || ' ' || (ARRAY['the API', 'the schema', 'a report', 'the cache', 'the login', 'a migration',
                       'the docs', 'an index', 'the tests', 'the release', 'a dashboard',
                       'the backlog'])[1 + (i * 7) % 12]
      || ' #' || i,
    CASE WHEN i % 3 = 0 THEN 'Details of task ' || i END,
    CASE WHEN i <= :count * 6 / 10 THEN (CASE WHEN i % 20 = 0 THEN 'todo' ELSE 'done' END)
         WHEN i % 10 < 4 THEN 'done' WHEN i % 10 < 8 THEN 'todo' ELSE 'in_progress' END,
    (ARRAY['low', 'medium', 'medium', 'high'])[1 + (i * 11) % 4],
    CASE WHEN i % 4 = 0 THEN date '2024-01-01' + (i / 60) END,
    CASE WHEN i % 10 = 9 THEN NULL
         WHEN i % 10 < 8 THEN (CAST(:categories AS int[]))[1 + (i / 10) % 5]
         ELSE (CAST(:categories AS int[]))[6 + (i / 10) % 15] END,
    timestamptz '2024-01-01' + i * interval '9 minutes',
    timestamptz '2024-01-01' + i * interval '9 minutes'
FROM generate_series(1, :count) AS i
"""


async def seed_tasks(conn: AsyncConnection, count: int) -> list[int]:
    """Add ``CATEGORIES`` categories and ``count`` tasks, then ANALYZE; the category ids, busiest
    first (the first 5 hold 80 % of the tasks, each of the other 15 about 0.7 %)."""
    result = await conn.execute(
        text(
            "INSERT INTO categories (name) SELECT 'Sample category ' || i"
            " FROM generate_series(1, :n) AS i ORDER BY i RETURNING id"
        ),
        {"n": CATEGORIES},
    )
    categories = sorted(result.scalars())
    await conn.execute(text(INSERT_TASKS), {"categories": categories, "count": count})
    # Fresh statistics: the planner decides from them (ANALYZE may run inside a transaction).
    await conn.execute(text("ANALYZE tasks"))
    return categories

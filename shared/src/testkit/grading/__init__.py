"""Student feedback and grading on top of the testkit's JSON report.

- ``check``: ``testkit check-week N``: the student's ``starter/`` against the project tests, one
  line per task with points, the first failure and the hint;
- ``progress``: ``testkit progress``: points per week from the latest checks;
- ``grade``: ``testkit grade N --branch B ...``: each branch in a temporary git worktree with the
  grader's official tests, a tamper check, hidden tests, an API contract diff and a migrations
  check; ``results.json`` and ``report.md`` per branch and a matrix across branches.

The building blocks are small modules: ``runner`` (pytest in a subprocess under a time limit),
``results`` (points per task), ``hints`` (task titles and hints), ``worktree``, ``tamper``,
``openapi_diff``, ``migrations``, ``markdown`` and ``matrix``.
"""

"""Student feedback and grading on top of the testkit's JSON report.

- ``check``: ``testkit check-week N``: the student's ``starter/`` against the project tests, one
  line per task with points, the first failure and the hint;
- ``progress``: ``testkit progress``: points per week from the latest checks;
- ``grade``: ``testkit grade N --branch B ...``: each branch in a temporary git worktree with the
  grader's official tests, run in a sandbox; a tamper check, cheat signals, hidden tests, an API
  contract diff, a migrations check and similarity across branches; ``results.json`` and
  ``report.md`` per branch and a matrix across branches.

The building blocks are small modules: ``runner`` (pytest in a subprocess under a time limit, for
the student's own checks), ``results`` (points per task), ``hints`` (task titles and hints),
``worktree``, ``tamper``, ``signals`` (cheat signals), ``similarity`` (winnowing), ``sandbox``
(bubblewrap), ``inside`` (the grader's code in the sandbox), ``stream`` and ``stream_plugin`` (the
live result stream), ``testrun`` (a graded run, resumed after a hang), ``openapi_diff``,
``migrations``, ``markdown``, ``matrix`` and ``branch``.
"""

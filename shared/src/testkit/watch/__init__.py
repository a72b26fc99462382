"""``make watch N=6`` (``testkit watch 6``): rustlings for the course.

Finds the first task of the week whose tests do not pass yet, runs only that task's tests on every
save of the student's files, and shows a short result: the failing test, what it expected and got,
the file and function to edit, and the hint, one tier more per ``h``. When the task passes it moves
on to the next one. It also runs ruff and mypy on the files just saved and shows what they find,
without holding the student back.

- ``changes``: which student files changed (polling modification times) and key presses;
- ``lint``: ruff and mypy on the changed files, alongside the tests;
- ``session``: the loop and the screen.
"""

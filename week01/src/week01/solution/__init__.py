"""Week 1 exercises: the reference solutions (students work in ``week01.starter``).

1. ``inventory``    typed inventory functions (aliases, generics, mypy --strict clean)
2. ``product``      a validated, frozen dataclass
3. ``retry``        a retry decorator with exponential backoff and exception filtering
4. ``resources``    context managers that commit/roll back and always clean up
5. ``fetch``        async ``fetch_all`` with bounded concurrency and per-item errors
6. ``commits``      a conventional-commit parser and ``commit_lint``, its command line
"""

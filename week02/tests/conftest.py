"""Week 2 tests. The testkit plugin (loaded by entry point) provides ``--impl`` and fixtures."""

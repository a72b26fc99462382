"""Week 11 tests. The testkit plugin (``--impl``, markers, service fixtures) loads by entry point."""

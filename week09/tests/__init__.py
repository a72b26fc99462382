"""Week 9 tests. The testkit plugin (``--impl``, markers, database fixtures) loads by entry point."""

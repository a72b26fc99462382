"""Week 8 tests. The testkit plugin (``--impl``, markers, database fixtures) loads by entry point."""

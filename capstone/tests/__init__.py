"""capstone tests. The testkit plugin (``--impl``, markers, service fixtures) loads by entry point."""

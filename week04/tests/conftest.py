"""Week 4 tests. The testkit plugin (``--impl``, markers, ``asgi_client``) loads by entry point."""

"""The three upstreams; each has ``schemas.py`` (external), ``normalize.py`` and ``client.py``."""

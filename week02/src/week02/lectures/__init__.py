"""Runnable lecture examples: ``uv run python -m week02.lectures.<module>``."""

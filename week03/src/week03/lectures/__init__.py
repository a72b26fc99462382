"""Runnable lecture examples: ``uv run python -m week03.lectures.l1_http`` and so on."""

"""Runnable lecture examples: `uv run python -m week01.lectures.<module>`."""

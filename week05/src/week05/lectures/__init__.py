"""Runnable lecture examples: `uv run python -m week05.lectures.<module>`."""

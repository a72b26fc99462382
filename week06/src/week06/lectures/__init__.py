"""Runnable lecture examples: ``uv run python -m week06.lectures.l1_orm`` and so on."""

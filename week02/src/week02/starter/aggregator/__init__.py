"""Async CLI aggregator: weather, headlines and exchange rates fetched concurrently.

Run it with ``uv run python -m week02.starter.aggregator --help``.
"""

"""Runnable lecture examples of week 12, each with its test in ``tests/lectures/``."""

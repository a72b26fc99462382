"""Weeks 15-16 lectures: runnable modules, each with its test in ``deploy/tests/lectures``."""

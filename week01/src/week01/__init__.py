"""Week 1: Python for backend development."""

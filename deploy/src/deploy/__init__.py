"""Weeks 15-16: deployment, system design and the DSA track."""

"""Week 8's DSA problems (graphs; SQL recursive CTEs on a graph): statements in README.md, hints
in hints.md.

``solution/`` is the reference, ``starter/`` (generated from it) is where you work.
"""

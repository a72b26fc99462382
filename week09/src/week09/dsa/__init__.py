"""Week 9's DSA problems (hash maps, a sliding window, intervals, heaps, binary search; SQL recursive
CTEs and gaps and islands): statements in README.md, hints in hints.md.

``solution/`` is the reference, ``starter/`` (generated from it) is where you work.
"""

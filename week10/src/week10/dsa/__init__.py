"""Week 10's DSA problems (caches: LRU, LFU, TTL; a consistent hashing ring; heaps; a
dynamic-programming classic; SQL ranking and gaps and islands): statements in README.md, hints in
hints.md.

``solution/`` is the reference, ``starter/`` (generated from it) is where you work.
"""

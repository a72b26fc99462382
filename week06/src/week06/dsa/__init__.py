"""Week 6's DSA problems (queues and stacks; SQL window functions): statements in README.md,
hints in hints.md.

``solution/`` is the reference, ``starter/`` (generated from it) is where you work.
"""

"""Week 5's DSA problems, where the track starts: statements in README.md, hints in hints.md.

``solution/`` is the reference, ``starter/`` (generated from it) is where you work.
"""

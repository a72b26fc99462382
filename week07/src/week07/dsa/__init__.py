"""Week 7's DSA problems (trees and tries; SQL self-joins and recursive CTEs): statements in
README.md, hints in hints.md.

``solution/`` is the reference, ``starter/`` (generated from it) is where you work.
"""

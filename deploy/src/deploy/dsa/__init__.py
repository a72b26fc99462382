"""The deploy folder's DSA problems (operations: the first bad release, a feature flag's history,
the longest run within an error budget, a release reaching every mirror, a trace's self times, the
size of a config diff; SQL deploys per week, time to restore): statements in README.md, hints in
hints.md; system design prompts in design.md.

``solution/`` is the reference, ``starter/`` (generated from it) is where you work.
"""

"""Week 11's DSA problems (background jobs: a cooldown schedule, stages of a job graph, a retry
budget, an idempotency window, a monotonic stack, a dynamic-programming classic; SQL dead letters
with a running total, an outbox anti-join): statements in README.md, hints in hints.md.

``solution/`` is the reference, ``starter/`` (generated from it) is where you work.
"""

"""Week 12's DSA problems (real time: the busiest rooms, peaks per window, online periods, fan-out
over relays, topic wildcards, a running median; SQL latency percentiles, the peak of concurrent
sessions): statements in README.md, hints in hints.md.

``solution/`` is the reference, ``starter/`` (generated from it) is where you work.
"""

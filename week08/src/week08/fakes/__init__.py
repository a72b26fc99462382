"""Local fakes of the three upstreams, in their documented shapes, served over real TCP.

Each fake is a small Starlette app (the routes and the data) served by the testkit's
``FakeUpstream`` (which adds faults on command, request counting and ``X-RateLimit-*`` budgets).
The project tests sync against them, and so does ``scripts/sync_demo.py``. They are given code:
read them to see what the real APIs send.
"""

"""Reference answers to week 11's DSA problems (themed on background jobs, queues and events)."""

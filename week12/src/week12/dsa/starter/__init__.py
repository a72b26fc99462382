"""Reference answers to week 12's DSA problems (themed on WebSockets, real time and performance)."""

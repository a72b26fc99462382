"""The debugging exercise: a response-time report over an access log (the starter has bugs)."""

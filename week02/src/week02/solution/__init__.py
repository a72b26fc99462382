"""Reference solution of week 2: the debugging exercise and the async CLI aggregator."""

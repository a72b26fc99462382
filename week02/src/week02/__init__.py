"""Week 2: debugging methodology, testing foundations and an async CLI aggregator."""

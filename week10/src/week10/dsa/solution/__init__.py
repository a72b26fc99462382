"""Reference answers to week 10's DSA problems (caching-themed: eviction, expiry, sharding)."""

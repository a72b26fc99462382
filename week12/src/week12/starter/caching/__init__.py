"""The caching layer (week 10): Redis in front of PostgreSQL and of external APIs.

- ``keys``: every key, namespaced and versioned; generations and the epoch;
- ``guard``: the one way to Redis; a breaker, and recovery after missed writes (degradation);
- ``read_cache``: cache-aside for a user's reads, invalidated by generation, with a stampede lock;
- ``http_cache``: external API responses, fresh and revalidated as their ``Cache-Control`` says;
- ``metrics``: hits, misses, errors and recompute time per cache, kept in Redis;
- ``redis_client``: the connection pool, created once per process in the lifespan.
"""

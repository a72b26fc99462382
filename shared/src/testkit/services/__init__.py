"""Real PostgreSQL and Redis servers for tests and development, without Docker."""

from testkit.services.errors import ServiceUnavailable
from testkit.services.postgres import PostgresServer, find_pg_bindir
from testkit.services.redis import RedisServer, find_redis_server

__all__ = [
    "PostgresServer",
    "RedisServer",
    "ServiceUnavailable",
    "find_pg_bindir",
    "find_redis_server",
]

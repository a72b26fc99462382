"""Local servers for the lecture demos: real HTTP on 127.0.0.1, misbehaving on purpose.

Every lecture talks to a server on this machine (the course never calls the internet in a test):
``serve(routes)`` runs a small Starlette app with the testkit's ``FakeUpstream`` (faults, request
log, rate limits); the raw-socket servers below misbehave in one phase of a request each.
"""

import socket
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from starlette.routing import BaseRoute

from testkit.fake_upstream import FakeUpstream, RateLimit, unaccepted_port

__all__ = ["FakeUpstream", "RateLimit", "serve", "silent_server", "unaccepted_port"]


@contextmanager
def serve(
    routes: Sequence[BaseRoute], rate_limit: RateLimit | None = None
) -> Iterator[FakeUpstream]:
    with FakeUpstream(routes, rate_limit=rate_limit) as upstream:
        yield upstream


@contextmanager
def silent_server() -> Iterator[int]:
    """A port that accepts connections and then neither reads nor answers: a request's *write*
    (a large body fills the socket buffers) or *read* (no response ever comes) phase times out."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.05)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for conn in accepted:
            conn.close()
        listener.close()

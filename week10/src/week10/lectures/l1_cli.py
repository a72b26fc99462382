"""L1: what Redis is, and its command line (``redis-cli``) in 60 lines of Python.

Redis is a server that keeps **data structures in memory** (strings, hashes, lists, sets, sorted
sets...) under string keys and changes them with atomic commands, each answered in microseconds.
It runs every command of every client one after the other on one thread: no command ever sees
another half-done. Typical uses: a cache in front of a slower database, sessions and tokens,
counters and rate limits, queues (Celery, week 11), leaderboards, pub/sub (week 12). Data lives in
RAM; persistence to disk (RDB snapshots, the AOF log) is optional, so Redis holds what you can
rebuild or afford to lose, while PostgreSQL stays the source of truth.

Clients talk **RESP**, a small text protocol: a command is an array of strings, and a reply is a
simple string (``+OK``), an error (``-ERR ...``), an integer (``:1``), a bulk string
(``$5\\r\\nhello``, or ``$-1``: nil) or an array (``*2...``). ``redis-cli`` sends what you type and
prints the reply by its type, which is all ``Cli`` below does: ``session()`` replays the basic
commands (SET, GET, DEL, EXISTS, INCR, KEYS, EXPIRE, TTL) as you would type them.

Run: ``uv run python -m week10.lectures.l1_cli``
"""

import shlex
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

from week10.lectures.servers import local_redis


class Simple(str):
    """A simple string reply (``+OK``): redis-cli prints it bare."""


class Error(str):
    """An error reply (``-ERR ...``): the command failed; the connection is fine."""


def encode(args: list[str]) -> bytes:
    """A command as RESP: ``*<count>`` and each argument as a bulk string ``$<length>``."""
    parts = [f"*{len(args)}\r\n".encode()]
    for arg in args:
        data = arg.encode()
        parts.append(b"$%d\r\n%s\r\n" % (len(data), data))
    return b"".join(parts)


class Cli:
    def __init__(self, url: str) -> None:
        address = urlsplit(url)
        self.sock = socket.create_connection((address.hostname, address.port or 6379), timeout=5)
        self.replies = self.sock.makefile("rb")

    def call(self, *args: str) -> object:
        self.sock.sendall(encode(list(args)))
        return self.read()

    def read(self) -> object:
        line = self.replies.readline().removesuffix(b"\r\n")
        kind, rest = line[:1], line[1:]
        if kind == b"+":
            return Simple(rest.decode())
        if kind == b"-":
            return Error(rest.decode())
        if kind == b":":
            return int(rest)
        if kind == b"$":
            size = int(rest)
            return None if size < 0 else self.replies.read(size + 2)[:-2]
        if kind == b"*":
            size = int(rest)
            return None if size < 0 else [self.read() for _ in range(size)]
        raise ValueError(f"not a RESP reply: {line!r}")

    def close(self) -> None:
        self.replies.close()
        self.sock.close()


def show(reply: object, indent: int = 0) -> str:
    """The reply as redis-cli prints it."""
    if reply is None:
        return "(nil)"
    if isinstance(reply, Error):
        return f"(error) {reply}"
    if isinstance(reply, Simple):
        return str(reply)
    if isinstance(reply, int):
        return f"(integer) {reply}"
    if isinstance(reply, bytes):
        return '"' + reply.decode(errors="backslashreplace").replace('"', '\\"') + '"'
    if isinstance(reply, list):
        if not reply:
            return "(empty array)"
        width = len(str(len(reply)))
        lines = []
        for number, item in enumerate(reply, start=1):
            label = f"{number:>{width}}) "
            pad = " " * (indent if number > 1 else 0)
            lines.append(pad + label + show(item, indent + len(label)))
        return "\n".join(lines)
    raise TypeError(f"not a reply: {reply!r}")


SESSION = [
    "SET greeting hello",  # a string value under a key
    "GET greeting",
    "GET nobody",  # a key that does not exist: nil
    "EXISTS greeting nobody",  # how many of these keys exist
    "INCR visits",  # a counter: a missing key counts as 0
    "INCRBY visits 10",
    "INCR greeting",  # not a number: an error reply, the value is untouched
    "SET session:ada token-1 EX 60",  # with a time to live of 60 s
    "TTL session:ada",  # seconds left
    "TTL greeting",  # -1: the key exists, with no expiry
    "TTL nobody",  # -2: no such key
    "KEYS session:*",  # every key matching the pattern (never on a big server: lecture l1_scan)
    "DEL greeting visits",  # how many were deleted
    "GET greeting",
]


@contextmanager
def connected(url: str) -> Iterator[Cli]:
    cli = Cli(url)
    try:
        yield cli
    finally:
        cli.close()


def session(url: str, lines: list[str] = SESSION) -> list[tuple[str, str]]:
    """Each command line and what redis-cli would print for it."""
    with connected(url) as cli:
        return [(line, show(cli.call(*shlex.split(line)))) for line in lines]


def main() -> None:
    with local_redis() as url:
        for line, printed in session(url):
            print(f"redis> {line}")
            print(printed)


if __name__ == "__main__":
    main()

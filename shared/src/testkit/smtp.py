"""A real SMTP server for tests: aiosmtpd on 127.0.0.1, a free port, every message recorded.

``stop()`` takes it down (connections are refused, as when the mail relay is unreachable) and
``start()`` brings it back on the same port, so retries with backoff can be proven end to end.
``refuse(n)`` answers the next ``n`` messages with a temporary failure (451) instead: a failed
send counted in messages, not in time, for a test that must not race a retry's backoff.

    server = SmtpServer().start()
    ...  # send to server.host:server.port
    [message] = server.wait_for(1)  # email.message.EmailMessage objects
    server.close()
"""

from __future__ import annotations

import email
import email.policy
import threading
import time
from dataclasses import dataclass
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from testkit.services.process import StartedInWith, free_port


@dataclass(frozen=True)
class Received:
    """One delivered message: the envelope and the parsed message."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    message: EmailMessage


class _Recorder:
    """The aiosmtpd handler: accept every message and keep it (after ``refusals`` 451s)."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.refusals = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        with self.lock:
            if self.refusals > 0:
                self.refusals -= 1
                return "451 4.3.0 Temporary failure: try again later"
        content = envelope.original_content or b""
        parsed = email.message_from_bytes(content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)  # the default policy builds EmailMessage  # noqa: S101
        with self.lock:
            self.received.append(
                Received(str(envelope.mail_from), tuple(envelope.rcpt_tos), parsed)
            )
        return "250 Message accepted for delivery"


class SmtpServer(StartedInWith):
    """An SMTP server in a background thread; ``received`` holds what it accepted."""

    host = "127.0.0.1"

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self._recorder = _Recorder()
        self._controller: Controller | None = None

    @property
    def received(self) -> list[Received]:
        with self._recorder.lock:
            return list(self._recorder.received)

    @property
    def messages(self) -> list[EmailMessage]:
        return [item.message for item in self.received]

    def running(self) -> bool:
        return self._controller is not None

    def start(self) -> SmtpServer:
        """Start (or start again, same port, messages kept); returns once it accepts connections."""
        if self._controller is None:
            controller = Controller(
                self._recorder, hostname=self.host, port=self.port, ready_timeout=10
            )
            controller.start()
            self._controller = controller
        return self

    def stop(self) -> None:
        """Take the server down: new connections are refused until ``start()``."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def refuse(self, count: int = 1) -> None:
        """Answer the next ``count`` messages with 451 (a temporary failure): nothing is kept."""
        with self._recorder.lock:
            self._recorder.refusals = count

    def wait_for(self, count: int, timeout: float = 20.0) -> list[EmailMessage]:
        """Poll until at least ``count`` messages arrived; return them all."""
        deadline = time.monotonic() + timeout
        while len(self.received) < count:
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"expected {count} message(s) within {timeout:.0f} s, got {len(self.received)}"
                )
            time.sleep(0.02)
        return self.messages

    def close(self) -> None:
        self.stop()

"""The SMTP server fixture: real SMTP on loopback, every message recorded, down and up on demand."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

import pytest

from testkit.smtp import SmtpServer


def send(server: SmtpServer, subject: str) -> None:
    message = EmailMessage()
    message["From"] = "app@example.test"
    message["To"] = "ada@example.test"
    message["Subject"] = subject
    message.set_content("Hello, Ada.")
    with smtplib.SMTP(server.host, server.port, timeout=5) as smtp:
        smtp.send_message(message)


def test_messages_are_recorded_with_their_envelope(smtp_server: SmtpServer) -> None:
    send(smtp_server, "Task assigned")
    [message] = smtp_server.wait_for(1)
    assert message["Subject"] == "Task assigned"
    assert message.get_content().strip() == "Hello, Ada."
    [received] = smtp_server.received
    assert received.mail_from == "app@example.test"
    assert received.rcpt_tos == ("ada@example.test",)


def test_a_stopped_server_refuses_and_comes_back_on_the_same_port(smtp_server: SmtpServer) -> None:
    port = smtp_server.port
    smtp_server.stop()
    assert not smtp_server.running()
    with pytest.raises(ConnectionRefusedError):
        send(smtp_server, "lost")
    smtp_server.start()
    smtp_server.start()  # already running: nothing happens
    assert smtp_server.port == port
    send(smtp_server, "delivered")
    assert [m["Subject"] for m in smtp_server.wait_for(1)] == ["delivered"]


def test_refused_messages_fail_temporarily_and_are_not_kept(smtp_server: SmtpServer) -> None:
    smtp_server.refuse(2)
    for subject in ("first", "second"):
        with pytest.raises(smtplib.SMTPDataError) as refused:
            send(smtp_server, subject)
        assert refused.value.smtp_code == 451
    send(smtp_server, "third")
    assert [m["Subject"] for m in smtp_server.wait_for(1)] == ["third"]


def test_wait_for_fails_clearly_when_too_few_arrive() -> None:
    with SmtpServer() as server, pytest.raises(AssertionError, match="expected 1 message"):
        server.wait_for(1, timeout=0.1)
    assert not server.running()

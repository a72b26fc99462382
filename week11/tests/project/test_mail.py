"""Task 1: e-mail rendered from a template and sent over SMTP (a real server on 127.0.0.1)."""

import smtplib

import pytest

from testkit import impl_module
from testkit.smtp import SmtpServer

pytestmark = [pytest.mark.task(1), pytest.mark.points(2)]

mail = impl_module("week11", "pipeline.mail")


def test_a_template_is_rendered_with_the_jobs_data() -> None:
    message = mail.render("task_created", "ada@example.com", {"task_id": "7", "title": "Ship it"})

    assert message["To"] == "ada@example.com"
    assert message["From"] == mail.SENDER
    assert message["Subject"] == "New task: Ship it"
    assert '"Ship it" (#7)' in message.get_content()


def test_placeholders_are_data_not_code() -> None:
    message = mail.render("task_created", "a@example.com", {"task_id": "1", "title": "$email"})

    assert message["Subject"] == "New task: $email"  # substituted once, never re-interpreted


@pytest.mark.parametrize(
    ("template", "data"),
    [("no_such_template", {}), ("task_created", {"title": "a missing task_id"})],
)
def test_a_template_or_field_that_does_not_exist_is_a_bug(
    template: str, data: dict[str, str]
) -> None:
    with pytest.raises(KeyError):
        mail.render(template, "a@example.com", data)


def test_send_delivers_to_the_server(smtp_server: SmtpServer) -> None:
    settings = mail.SmtpSettings(host=smtp_server.host, port=smtp_server.port)

    mail.send(settings, mail.render("due_soon", "b@example.com", {"task_id": "3", "title": "Pay",
                                                                 "due_date": "2026-12-03"}))  # fmt: skip

    [received] = smtp_server.wait_for(1)
    assert received["Subject"] == "Due 2026-12-03: Pay"
    assert smtp_server.received[0].rcpt_tos == ("b@example.com",)


def test_send_raises_while_the_server_is_down(smtp_server: SmtpServer) -> None:
    smtp_server.stop()
    settings = mail.SmtpSettings(host=smtp_server.host, port=smtp_server.port, timeout=1)

    with pytest.raises((OSError, smtplib.SMTPException)):  # what the task retries
        mail.send(settings, mail.render("report_ready", "c@example.com",
                                        {"report_id": "1", "format": "csv"}))  # fmt: skip

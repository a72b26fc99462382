"""E-mail: templates rendered with the job's data, sent over SMTP.

The templates are ``string.Template``s: ``$name`` placeholders, no code, so a task title cannot
inject anything. A missing placeholder raises ``KeyError``: a bug, not worth a retry.
"""

import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from string import Template

SENDER = "tasks@task-manager.example"

TEMPLATES: dict[str, tuple[str, str]] = {
    "task_created": (
        "New task: $title",
        'Hello $email,\n\nthe task "$title" (#$task_id) is now on your list.\n',
    ),
    "due_soon": (
        "Due $due_date: $title",
        'Hello $email,\n\nthe task "$title" (#$task_id) is due on $due_date.\n',
    ),
    "report_ready": (
        "Your export #$report_id is ready",
        "Hello $email,\n\nyour $format export is ready: /api/v1/reports/$report_id/download\n",
    ),
}


@dataclass(frozen=True)
class SmtpSettings:
    host: str = "127.0.0.1"
    port: int = 1025
    timeout: float = 5.0


def render(template: str, to: str, data: dict[str, str]) -> EmailMessage:
    """The e-mail ``template`` makes for ``to`` (``KeyError`` for an unknown template or field)."""
    subject, body = TEMPLATES[template]
    values = {"email": to, **data}
    mail = EmailMessage()
    mail["From"] = SENDER
    mail["To"] = to
    mail["Subject"] = Template(subject).substitute(values)
    mail.set_content(Template(body).substitute(values))
    return mail


def send(settings: SmtpSettings, mail: EmailMessage) -> None:
    """Deliver ``mail`` (``OSError`` or ``SMTPException`` when the server is down or refuses)."""
    with smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout) as smtp:
        smtp.send_message(mail)

"""Error tracking with Sentry (deploy's lecture W15.L2, wired into the app): unhandled errors
reported to ``SENTRY_DSN`` (nothing when unset), tagged with the request id. Events carry each
frame's local variables, so ``before_send`` filters credential headers and every string holding a
secret value or shaped like a credential, at any depth: the ASGI scope in a frame's locals holds
the raw ``Authorization`` header, which Sentry's own header filter never sees.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import sentry_sdk
import structlog
from sentry_sdk.types import Event, Hint
from sqlalchemy.engine import make_url

from .settings import Settings

FILTERED = "[Filtered]"
SENSITIVE_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "x-api-key"})
MIN_SECRET_LENGTH = 8  # a shorter "secret" would match too many innocent strings
# The caller's credentials, found by their shape: the app cannot know their values.
CREDENTIAL = re.compile(r"(?i)\b(?:bearer|basic)\s+[\w.~+/=-]{8,}|eyJ[\w-]+\.[\w-]+\.[\w-]+")

BeforeSend = Callable[[Event, Hint], Event | None]


def scrub(value: Any, secrets: tuple[str, ...]) -> Any:
    """``value`` with every string that contains one of ``secrets`` or a credential replaced, at
    any depth."""
    # BEGIN SOLUTION task 11: strings, dicts and lists, recursively
    if isinstance(value, str):
        leaks = CREDENTIAL.search(value) or any(secret in value for secret in secrets)
        return FILTERED if leaks else value
    if isinstance(value, dict):
        return {key: scrub(item, secrets) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [scrub(item, secrets) for item in value]
    return value
    # REPLACE WITH
    # return value  # TODO (task 11): replace the strings that contain a secret, at any depth
    # END SOLUTION


def scrubber(secrets: Iterable[str]) -> BeforeSend:
    """Sentry's ``before_send``: the request id as a tag, credential headers and every string
    holding one of ``secrets`` filtered."""
    # BEGIN SOLUTION task 11
    known = tuple(secret for secret in secrets if len(secret) >= MIN_SECRET_LENGTH)
    # REPLACE WITH
    # known = tuple(secrets)
    # END SOLUTION

    def before_send(event: Event, hint: Hint) -> Event | None:
        # BEGIN SOLUTION task 11: the request id, the headers, then every string
        # Called where the error was captured: in the request's context, with its id bound.
        request_id = structlog.contextvars.get_contextvars().get("request_id")
        if request_id is not None:
            event["tags"] = {**(event.get("tags") or {}), "request_id": request_id}
        request: Any = event.get("request") or {}
        headers: dict[str, Any] = request.get("headers") or {}
        for name in list(headers):
            if name.lower() in SENSITIVE_HEADERS:
                headers[name] = FILTERED
        scrubbed: Event = scrub(event, known)
        return scrubbed
        # REPLACE WITH
        # return event  # TODO (task 11): tag the request id, filter headers and secrets
        # END SOLUTION

    return before_send


def init_sentry(settings: Settings, also_secret: Iterable[str] = ()) -> bool:
    """Report errors to ``settings.sentry_dsn`` (True), or nothing when it is unset (False).
    ``also_secret``: values that are not settings but must not leave either (the database's
    password). The release is the SDK's ``SENTRY_RELEASE`` (the image's git SHA)."""
    # BEGIN SOLUTION task 11: nothing without a DSN; else the SDK with our before_send
    if settings.sentry_dsn is None:
        return False
    sentry_sdk.init(
        dsn=settings.sentry_dsn.get_secret_value(),
        environment=settings.app_env.value,
        before_send=scrubber([*settings.secret_values(), *also_secret]),
        traces_sample_rate=0.0,  # errors only; tracing is another decision (volume, cost)
    )
    return True
    # REPLACE WITH
    # return False  # TODO (task 11): sentry_sdk.init with the DSN, environment and before_send
    # END SOLUTION


def password_of(database_url: str) -> list[str]:
    """The password in a database URL, if it has one (for ``also_secret``)."""
    # BEGIN SOLUTION task 11
    password = make_url(database_url).password
    return [str(password)] if password else []
    # REPLACE WITH
    # return []  # TODO (task 11): the URL's password, if any (sqlalchemy's make_url parses it)
    # END SOLUTION

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
    return value  # TODO (task 11): replace the strings that contain a secret, at any depth


def scrubber(secrets: Iterable[str]) -> BeforeSend:
    """Sentry's ``before_send``: the request id as a tag, credential headers and every string
    holding one of ``secrets`` filtered."""
    known = tuple(secrets)

    def before_send(event: Event, hint: Hint) -> Event | None:
        return event  # TODO (task 11): tag the request id, filter headers and secrets

    return before_send


def init_sentry(settings: Settings, also_secret: Iterable[str] = ()) -> bool:
    """Report errors to ``settings.sentry_dsn`` (True), or nothing when it is unset (False).
    ``also_secret``: values that are not settings but must not leave either (the database's
    password). The release is the SDK's ``SENTRY_RELEASE`` (the image's git SHA)."""
    return False  # TODO (task 11): sentry_sdk.init with the DSN, environment and before_send


def password_of(database_url: str) -> list[str]:
    """The password in a database URL, if it has one (for ``also_secret``)."""
    return []  # TODO (task 11): the URL's password, if any (sqlalchemy's make_url parses it)

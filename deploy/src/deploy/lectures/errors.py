"""Error tracking with Sentry (lecture W15.L2), and what must never reach it.

``init_sentry`` reports unhandled errors (the FastAPI and Celery integrations switch themselves on)
with the environment and release, without personal data (the SDK's default). An event
carries the stack's local variables, the request's headers and whatever a message said: secrets
end up there easily. ``scrubber`` is the last step before an event leaves the process: it drops
credential headers and replaces every string that contains one of the app's secret values,
wherever it hides (a local called ``signing_material`` passes Sentry's own key-name denylist).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import sentry_sdk
from sentry_sdk.types import Event, Hint

FILTERED = "[Filtered]"
SENSITIVE_HEADERS = {"authorization", "cookie", "x-api-key"}


def _scrub(value: Any, secrets: tuple[str, ...]) -> Any:
    if isinstance(value, str):
        return FILTERED if any(secret in value for secret in secrets) else value
    if isinstance(value, dict):
        return {key: _scrub(item, secrets) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(item, secrets) for item in value]
    return value


def scrubber(secrets: Iterable[str]) -> Callable[[Event, Hint], Event | None]:
    known = tuple(secret for secret in secrets if len(secret) >= 8)  # short ones match too much

    def before_send(event: Event, hint: Hint) -> Event | None:
        request: Any = event.get("request") or {}
        headers: dict[str, Any] = request.get("headers") or {}
        for name in list(headers):
            if name.lower() in SENSITIVE_HEADERS:
                headers[name] = FILTERED
        scrubbed: Event = _scrub(event, known)
        return scrubbed

    return before_send


def init_sentry(
    dsn: str, *, environment: str, secrets: Iterable[str] = (), release: str | None = None
) -> None:
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,  # the image's git SHA: which deploy introduced the error
        # No personal data is the default (no data_collection, the successor of send_default_pii):
        # no user ids, IPs or cookies. Local variables are still sent: hence before_send.
        before_send=scrubber(secrets),
        traces_sample_rate=0.0,  # errors only; tracing is a separate decision (volume, cost)
    )

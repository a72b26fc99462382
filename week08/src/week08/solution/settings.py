"""Settings from the environment, one frozen object per app. Defaults are the real public APIs; tests
and ``scripts/sync_demo.py`` point the URLs at local fakes. Secrets are read here only, never logged."""

import os
from dataclasses import dataclass, field
from typing import Self

from .db import DEV_DATABASE_URL


@dataclass(frozen=True)
class Place:
    """A place whose weather the service keeps (Open-Meteo needs coordinates, not names)."""

    name: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Resilience:
    """How patient we are with one upstream."""

    connect_timeout: float = 3.0
    read_timeout: float = 10.0
    max_attempts: int = 4  # the first try and 3 retries
    backoff_base: float = 0.5  # seconds; attempt n waits up to base * 2**(n-1)
    backoff_max: float = 30.0  # never wait longer than this (a longer Retry-After: give up)
    breaker_threshold: int = 5  # consecutive failures that open the circuit
    breaker_reset: float = 30.0  # seconds the circuit stays open before one trial call
    rate: float = 5.0  # our own budget: requests per second (token bucket refill)
    burst: int = 5  # token bucket capacity


@dataclass(frozen=True)
class Settings:
    database_url: str = DEV_DATABASE_URL
    github_url: str = "https://api.github.com"
    github_org: str = "python"
    github_issue_repos: tuple[str, ...] = ("peps",)
    github_token: str | None = None  # optional: 60 requests/hour without, 5,000 with
    github_page_size: int = 100
    weather_url: str = "https://api.open-meteo.com"
    places: tuple[Place, ...] = (Place("Berlin", 52.52, 13.41), Place("Lisbon", 38.72, -9.14))
    payments_url: str = "https://api.stripe.com"
    payments_api_key: str = ""  # sk_test_... from the Stripe dashboard (test mode)
    payments_webhook_secret: str = ""  # whsec_... of the webhook endpoint
    payments_page_size: int = 100
    webhook_tolerance: float = 300.0  # seconds a signed webhook stays acceptable (Stripe's default)
    cursor_secret: bytes = b""
    resilience: dict[str, Resilience] = field(default_factory=dict)

    def resilience_of(self, source: str) -> Resilience:
        # BEGIN SOLUTION the knobs of that source, or the defaults
        return self.resilience.get(source, Resilience())
        # END SOLUTION

    @classmethod
    def from_env(cls) -> Self:
        """Read ``DATABASE_URL``, ``GITHUB_*``, ``OPEN_METEO_URL``, ``STRIPE_*``, ``CURSOR_SECRET``."""
        # BEGIN SOLUTION read each variable, fall back to the defaults above
        env = os.environ
        repos = tuple(r for r in env.get("GITHUB_ISSUE_REPOS", "peps").split(",") if r)
        return cls(
            database_url=env.get("DATABASE_URL") or DEV_DATABASE_URL,
            github_url=env.get("GITHUB_API_URL", cls.github_url),
            github_org=env.get("GITHUB_ORG", cls.github_org),
            github_issue_repos=repos,
            github_token=env.get("GITHUB_TOKEN") or None,
            weather_url=env.get("OPEN_METEO_URL", cls.weather_url),
            payments_url=env.get("STRIPE_API_URL", cls.payments_url),
            payments_api_key=env.get("STRIPE_API_KEY", ""),
            payments_webhook_secret=env.get("STRIPE_WEBHOOK_SECRET", ""),
            cursor_secret=env.get("CURSOR_SECRET", "").encode(),
        )
        # END SOLUTION

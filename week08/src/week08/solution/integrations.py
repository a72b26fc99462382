"""The three sources built from settings: one shared ``httpx.AsyncClient`` per upstream (its base URL,
credentials, timeouts and connection pool; never a client per request) and one breaker each."""

import ssl
import time
from dataclasses import dataclass, field
from functools import cache

import httpx

from .items.schemas import SourceName
from .resilience.breaker import CircuitBreaker
from .resilience.client import ResilientClient
from .resilience.clock import Now, Sleep, wall_clock
from .resilience.clock import sleep as real_sleep
from .resilience.rate_limit import ServerBudget, TokenBucket
from .resilience.retry import RetryPolicy
from .settings import Settings
from .sources.base import Source
from .sources.github.client import GitHubSource
from .sources.payments.client import PaymentsSource
from .sources.weather.client import WeatherSource

USER_AGENT = "course-integration-service/0.8"  # GitHub refuses requests without a User-Agent


@cache
def tls_context() -> ssl.SSLContext:
    """One TLS context for every client: loading the CA certificates costs ~0.1 s each time."""
    return ssl.create_default_context()


@dataclass
class Integrations:
    sources: dict[SourceName, Source]
    breakers: dict[SourceName, CircuitBreaker]
    clients: list[httpx.AsyncClient]
    running: set[SourceName] = field(default_factory=set)  # syncs under way (one per source)

    async def aclose(self) -> None:
        # BEGIN SOLUTION close every shared client
        for client in self.clients:
            await client.aclose()
        # END SOLUTION


def build_integrations(
    settings: Settings, *, now: Now = wall_clock, monotonic: Now = time.monotonic,
    sleep: Sleep = real_sleep,
) -> Integrations:  # fmt: skip
    """The sources with their clients. ``now``/``monotonic``/``sleep`` are real unless a test
    passes a fake clock."""
    # BEGIN SOLUTION an AsyncClient + defences per upstream; sources
    clients: list[httpx.AsyncClient] = []
    breakers: dict[SourceName, CircuitBreaker] = {}

    def resilient(name: SourceName, base_url: str, headers: dict[str, str]) -> ResilientClient:
        knobs = settings.resilience_of(name.value)
        http = httpx.AsyncClient(
            base_url=base_url,
            verify=tls_context(),
            headers={"User-Agent": USER_AGENT, **headers},
            timeout=httpx.Timeout(knobs.read_timeout, connect=knobs.connect_timeout),
            limits=httpx.Limits(max_connections=10, max_keepalive_connections=5),
        )
        clients.append(http)
        breakers[name] = CircuitBreaker(
            name.value, threshold=knobs.breaker_threshold, reset_timeout=knobs.breaker_reset,
            now=monotonic,
        )  # fmt: skip
        return ResilientClient(
            name.value, http,
            policy=RetryPolicy(knobs.max_attempts, knobs.backoff_base, knobs.backoff_max),
            breaker=breakers[name],
            bucket=TokenBucket(knobs.rate, knobs.burst, now=monotonic, sleep=sleep),
            budget=ServerBudget(now=now, sleep=sleep),
            now=now, sleep=sleep,
        )  # fmt: skip

    github_headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
    if settings.github_token:
        github_headers["Authorization"] = f"Bearer {settings.github_token}"
    sources: dict[SourceName, Source] = {
        SourceName.GITHUB: GitHubSource(
            resilient(SourceName.GITHUB, settings.github_url, github_headers),
            org=settings.github_org,
            repos=settings.github_issue_repos,
            page_size=settings.github_page_size,
        ),
        SourceName.WEATHER: WeatherSource(
            resilient(SourceName.WEATHER, settings.weather_url, {}), places=settings.places, now=now
        ),
        SourceName.PAYMENTS: PaymentsSource(
            resilient(
                SourceName.PAYMENTS,
                settings.payments_url,
                {"Authorization": f"Bearer {settings.payments_api_key}"},
            ),
            page_size=settings.payments_page_size,
        ),
    }
    return Integrations(sources, breakers, clients)
    # END SOLUTION

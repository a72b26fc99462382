"""Run the service's sync against the local fakes (default) or the real APIs (``--live``).

    uv run python week08/scripts/sync_demo.py          # fakes, throwaway PostgreSQL: no set-up
    uv run python week08/scripts/sync_demo.py --live   # api.github.com, api.open-meteo.com, Stripe

With the fakes it runs three rounds: a first sync, a second one (GitHub answers 304, nothing
changes), and one where the upstreams misbehave (a 429 with Retry-After, a 503 burst that opens
the weather breaker, one malformed payment event). ``--live`` needs the internet, reads
``GITHUB_TOKEN``/``GITHUB_ORG``/``GITHUB_ISSUE_REPOS`` and ``STRIPE_API_KEY`` (a test-mode key; without
one the payments sync fails with 401, as it should) and is never run in CI. Both use
``DATABASE_URL`` if set, else a throwaway PostgreSQL.
"""

import argparse
import asyncio
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
from alembic import command
from alembic.config import Config
from asgi_lifespan import LifespanManager
from week08.fakes.github import FakeGitHub, issue, repo
from week08.fakes.open_meteo import FakeOpenMeteo
from week08.fakes.stripe import API_KEY, FakeStripe, event, payment_intent
from week08.lectures.demo_db import demo_database
from week08.solution.main import create_app
from week08.solution.settings import Place, Resilience, Settings

from testkit.fake_upstream import FakeUpstream, Fault

WEEK = Path(__file__).resolve().parents[1]
COLUMNS = ("status", "received", "inserted", "updated", "unchanged", "invalid", "breaker")


def fakes() -> tuple[FakeGitHub, FakeOpenMeteo, FakeStripe]:
    github = FakeGitHub(
        org="acme", token="ghp_demo",  # noqa: S106 - a fake's token
        repos=[repo(103, "rocket", "2026-11-30T12:00:00Z", stars=42),
               repo(102, "engine", "2026-11-29T12:00:00Z", stars=7),
               repo(101, "hangar", "2026-11-28T12:00:00Z")],
        issues={"acme/rocket": [issue(9001, 1, "Launch fails on Mondays", "2026-11-20T10:00:00Z"),
                                issue(9002, 2, "Add telemetry", "2026-11-25T10:00:00Z",
                                      pull_request=True)]},
    )  # fmt: skip
    stripe = FakeStripe(events=[
        event("evt_1", "payment_intent.created", payment_intent("pi_1", 2000, "processing"),
              created=1796030000),
        event("evt_2", "payment_intent.succeeded", payment_intent("pi_1", 2000, "succeeded"),
              created=1796030100),
        event("evt_3", "payment_intent.succeeded",
              payment_intent("pi_2", 1999, "succeeded", currency="jpy", description=None),
              created=1796030200),
    ])  # fmt: skip
    return github, FakeOpenMeteo(), stripe


def migrate(url: str) -> None:
    config = Config(WEEK / "alembic.ini")
    config.set_main_option("sqlalchemy.url", url)  # env.py prefers it to DATABASE_URL
    command.upgrade(config, "head")


def table(status: dict[str, Any]) -> str:
    lines = [f"{'source':<9}" + "".join(f"{c:>10}" for c in COLUMNS)]
    for s in status["sources"]:
        cells = [s["status"], *(s["counts"][c] for c in COLUMNS[1:-1]), s["breaker"]["state"]]
        lines.append(f"{s['source']:<9}" + "".join(f"{c!s:>10}" for c in cells))
    return "\n".join(lines)


async def sync_all(app: Any) -> dict[str, Any]:
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://service") as client:
            response = await client.post("/api/v1/sync")
            response.raise_for_status()
            body: dict[str, Any] = response.json()
            return body


@contextmanager
def running(*upstreams: FakeUpstream) -> Iterator[None]:
    with ExitStack() as stack:
        for upstream in upstreams:
            stack.enter_context(upstream)
        yield


async def with_fakes(url: str) -> None:
    github, meteo, stripe = fakes()
    gh, om, st = github.upstream(), meteo.upstream(), stripe.upstream()
    with running(gh, om, st):
        quick = Resilience(connect_timeout=1, read_timeout=2, max_attempts=3, backoff_base=0.05,
                           breaker_threshold=3, breaker_reset=30, rate=50, burst=10)  # fmt: skip
        settings = Settings(
            database_url=url, github_url=gh.url, github_org="acme", github_issue_repos=("rocket",),
            github_token="ghp_demo", github_page_size=2, weather_url=om.url,  # noqa: S106
            places=(Place("Berlin", 52.52, 13.41), Place("Lisbon", 38.72, -9.14)),
            payments_url=st.url, payments_api_key=API_KEY,
            resilience=dict.fromkeys(("github", "weather", "payments"), quick),
        )  # fmt: skip
        app = create_app(settings)
        print("1. first sync\n" + table(await sync_all(app)))
        print(
            "\n2. again: GitHub answers 304, everything else is unchanged\n"
            + table(await sync_all(app))
        )
        gh.inject(Fault.rate_limited(retry_after=1))
        om.inject(Fault.status_code(503), times=50)  # down: both places, every attempt
        stripe.events.append({"id": "evt_4", "object": "event", "type": "payment_intent.succeeded",
                              "created": 1796030300, "data": {"object": {"id": "pi_3"}}})  # fmt: skip
        print("\n3. a 429 (retried after 1 s), a 503 burst, a malformed event\n"
              + table(await sync_all(app)))  # fmt: skip
        print(f"\nrequests: github {len(gh.requests)}, weather {len(om.requests)}, "
              f"payments {len(st.requests)}")  # fmt: skip


async def live(url: str) -> None:
    settings = replace(Settings.from_env(), database_url=url)
    print(table(await sync_all(create_app(settings))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--live", action="store_true", help="sync the real APIs (needs internet)")
    args = parser.parse_args()
    with demo_database() as url:
        migrate(url)
        asyncio.run(live(url) if args.live else with_fakes(url))


if __name__ == "__main__":
    main()

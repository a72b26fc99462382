"""Robustness over real HTTP and a real database (0 points: a check of the whole app).

The testkit's hostile-input and concurrency suite attacks the service served by uvicorn, on a
database of its own where every request commits for real, with the fake upstreams behind it. What
it found stays fixed: HEAD answered 405 where GET works, ``POST /sync/status`` was taken for a sync
of a source named "status" (a 422, not a 405). The bursts cannot drive two writes (a sync creates
nothing; only the provider can sign a webhook), so their races have tests of their own at the end.
(`shared/README.md` describes the suite; `pytest --deep` runs its long version.)
"""

import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace

import httpx
import pytest
import pytest_asyncio
from asgi_lifespan import LifespanManager
from week08.fakes.stripe import event, payment_intent, webhook

from testkit import hostile, impl_module
from testkit.http import LiveServer
from testkit.services.postgres import create_database, drop_database

from .alembic_helpers import migrate
from .conftest import FakeUpstreams, default_github, default_stripe, fake_settings

pytestmark = [pytest.mark.task(9), pytest.mark.points(0)]
V1 = "/api/v1"
# Valid requests whose answer no schema can predict: cursors the server did not sign, webhooks
# without the provider's signature.
UNPREDICTABLE = ["/invalid-cursor", "/invalid-webhook"]
# Writes the bursts cannot drive: a sync creates nothing, a webhook needs the provider's signature.
NOT_CREATES = (f"POST {V1}/sync/{{source}}", f"POST {V1}/webhooks/payments")


@dataclass(frozen=True)
class Live:
    server: LiveServer
    fakes: FakeUpstreams

    @property
    def url(self) -> str:
        return self.server.url


@pytest_asyncio.fixture(loop_scope="session", scope="module")
async def live(postgres_url: str, fakes: FakeUpstreams) -> AsyncIterator[Live]:
    """The service on a migrated database of its own, with the real clock, syncing the fakes."""
    default_github(fakes["github"][0])
    default_stripe(fakes["payments"][0])
    urls = [fakes[name][1].url for name in ("github", "weather", "payments")]
    url = create_database(postgres_url, prefix="live")
    try:
        await migrate(url, "upgrade", "head")
        settings = replace(fake_settings(*urls), database_url=url)
        app = impl_module("week08", "main").create_app(settings)
        async with LifespanManager(app):  # code missing at start-up fails here as itself, not
            pass  # as "uvicorn did not start"
        server = LiveServer(app).start()
        try:
            yield Live(server, fakes)
        finally:
            server.stop()
    finally:
        drop_database(url)


@pytest_asyncio.fixture(loop_scope="session", scope="module")
async def api(live: Live) -> hostile.Api:
    return await hostile.Api.load(live.url, ["/openapi.json"])


@pytest_asyncio.fixture(loop_scope="session")
async def http(api: hostile.Api) -> AsyncIterator[httpx.AsyncClient]:
    async with api.client() as client:
        yield client


async def test_hostile_input_gets_4xx_never_5xx(
    api: hostile.Api, hostile_budget: hostile.Budget
) -> None:
    hostile.assert_clean(await hostile.probe_inputs(api, hostile_budget), "hostile input")


async def test_http_methods_follow_rfc_9110(api: hostile.Api) -> None:
    hostile.assert_clean(await hostile.probe_methods(api), "HTTP methods")


async def test_concurrent_writes_leave_consistent_data(
    api: hostile.Api, hostile_budget: hostile.Budget
) -> None:
    findings = await hostile.probe_bursts(api, hostile_budget, skip=NOT_CREATES)
    hostile.assert_clean(findings, "concurrent bursts")


def test_schemathesis_stateless_and_stateful(
    api: hostile.Api, hostile_budget: hostile.Budget
) -> None:
    hostile.run_schemathesis(api, hostile_budget, unpredictable=UNPREDICTABLE)


# --- regressions and the races the bursts cannot drive ----------------------------------


async def test_head_answers_like_get_without_a_body(http: httpx.AsyncClient) -> None:
    get, head = await http.get(f"{V1}/sync/status"), await http.head(f"{V1}/sync/status")

    assert (head.status_code, head.content) == (get.status_code, b"")
    assert head.headers["content-length"] == get.headers["content-length"]


@pytest.mark.parametrize("method", ["POST", "DELETE"])
async def test_the_status_path_is_not_a_source(http: httpx.AsyncClient, method: str) -> None:
    response = await http.request(method, f"{V1}/sync/status")

    assert response.status_code == 405, response.text
    assert response.headers["allow"] == "GET, HEAD, OPTIONS"


async def test_an_unknown_source_is_a_404(http: httpx.AsyncClient) -> None:
    response = await http.post(f"{V1}/sync/twitter")

    assert response.status_code == 404, response.text
    assert response.headers["content-type"] == "application/problem+json"


async def test_the_webhook_documents_its_signature_header(api: hostile.Api) -> None:
    webhook_op = api.by_path()[f"{V1}/webhooks/payments"]["POST"]

    assert webhook_op.header("Stripe-Signature") is not None


async def test_one_event_delivered_six_times_at_once_is_processed_once(
    http: httpx.AsyncClient,
) -> None:
    now = int(time.time())
    intent = payment_intent("pi_raced", 1500, "succeeded", created=now - 60)
    body, headers = webhook(event("evt_raced", "payment_intent.succeeded", intent, created=now),
                            timestamp=now)  # fmt: skip

    answers = await hostile.at_once(
        [lambda: http.post(f"{V1}/webhooks/payments", content=body, headers=headers)] * 6
    )

    assert hostile.tally(answers) == {200: 6}
    results = [a.json()["status"] for a in answers if isinstance(a, httpx.Response)]
    assert sorted(results) == ["duplicate"] * 5 + ["processed"]


async def test_syncs_of_one_source_at_once_run_one_at_a_time(http: httpx.AsyncClient) -> None:
    answers = await hostile.at_once(
        [lambda: http.post(f"{V1}/sync/github", params={"wait": "true"})] * 6
    )

    statuses = hostile.tally(answers)
    assert statuses[200] >= 1, statuses
    assert set(statuses) <= {200, 409}, statuses  # 409: a sync of the source is running
    listed = (await http.get(f"{V1}/items", params={"source": "github", "limit": 100})).json()
    ids = [item["external_id"] for item in listed["items"]]
    assert len(ids) == len(set(ids)), ids  # the upserts stored each upstream record once

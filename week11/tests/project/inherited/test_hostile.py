"""Inherited guard (0 points) under task 8: the routes week 11 adds or changes.

Robustness over real HTTP and a real database.

The testkit's hostile-input and concurrency suite attacks the app served by uvicorn, on a
database of its own where every request commits for real, as a logged-in admin (the live app
adds the admin's token to every request that comes without one: ``conftest.DefaultBearer``), so
every route is reached with valid credentials and hostile everything else.

Only what week 11 touches is attacked (``TOUCHED``): the pipeline's routes (reports, the admin's
pipeline report, replaying a dead letter) and the requests that create tasks, which now also
write an outbox message in the same transaction. Week 10's suite attacks the rest of the same
API, which this week does not change (attacking it again cost a third of the week's test time).
The regressions kept below are week 7's defects on those same requests (each was a 500 or a
wrong answer): ids past ``INTEGER``, NUL characters, lax JSON types, one Idempotency-Key ten times
at once, a tag deleted while tasks that use it are created.
(`shared/README.md` describes the suite; `pytest --deep` runs its long version.)
"""

from collections.abc import AsyncIterator

import httpx
import pytest
import pytest_asyncio
import schemathesis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from testkit import hostile
from testkit.db import async_url
from testkit.hostile import contract
from testkit.hostile.document import Document

from ..conftest import Live

pytestmark = [pytest.mark.task(8), pytest.mark.points(0)]  # inherited: a guard, no points
DOCUMENTS = ["/api/v1/openapi.json", "/api/v2/openapi.json"]
# Valid requests whose answer no schema can predict: references to missing categories or tags,
# keys already used for another body.
UNPREDICTABLE = ["reference_not_found", "/idempotency-key-reused"]
V1, V2 = "/api/v1", "/api/v2"
# What week 11 adds (the pipeline's routes, every method) and changes (creating a task).
PIPELINE = (f"{V1}/reports", f"{V1}/admin/pipeline", f"{V1}/admin/dead-letters")
CREATES = {("POST", f"{V1}/tasks"), ("POST", f"{V2}/tasks")}
# What schemathesis' stateful phase reads a created task back with (its links need a follow-up).
READ_BACK = {("GET", f"{V1}/tasks/{{task_id}}"), ("GET", f"{V2}/tasks/{{task_id}}")}


def touched(method: str, path: str) -> bool:
    return path.startswith(PIPELINE) or (method.upper(), path) in CREATES


def only_touched(api: hostile.Api, whole_paths: bool = False) -> hostile.Api:
    """The API with only the operations week 11 touches; ``whole_paths``: with every method of
    their paths (the methods probe checks a path's ``Allow`` against all its methods)."""

    def keep(path: str, item: dict[str, object]) -> dict[str, object]:
        return {method: spec for method, spec in item.items()
                if touched(method, path) or (whole_paths and any(touched(m, path) for m in item))}  # fmt: skip

    documents = []
    for doc in api.documents:
        paths = {
            path: kept for path, item in doc.raw["paths"].items() if (kept := keep(path, item))
        }
        documents.append(Document(doc.url, doc.raw | {"paths": paths}))
    return hostile.Api(api.base_url, tuple(documents))


@pytest_asyncio.fixture(loop_scope="session", scope="module")
async def api(live: Live) -> hostile.Api:
    return await hostile.Api.load(live.url, DOCUMENTS)


@pytest_asyncio.fixture(loop_scope="session")
async def http(api: hostile.Api) -> AsyncIterator[httpx.AsyncClient]:
    async with api.client() as client:
        yield client


async def test_hostile_input_gets_4xx_never_5xx(
    api: hostile.Api, hostile_budget: hostile.Budget
) -> None:
    findings = await hostile.probe_inputs(only_touched(api), hostile_budget)

    hostile.assert_clean(findings, "hostile input")


async def test_http_methods_follow_rfc_9110(api: hostile.Api) -> None:
    findings = await hostile.probe_methods(only_touched(api, whole_paths=True))

    hostile.assert_clean(findings, "HTTP methods")


async def test_concurrent_writes_leave_consistent_data(
    api: hostile.Api, hostile_budget: hostile.Budget
) -> None:
    findings = await hostile.probe_bursts(only_touched(api), hostile_budget)

    hostile.assert_clean(findings, "concurrent bursts")


def test_schemathesis_stateless_and_stateful(
    api: hostile.Api, hostile_budget: hostile.Budget
) -> None:
    # hostile.run_schemathesis, on the operations week 11 touches (it reads each document from
    # its URL, so a filtered ``Api`` does not narrow it: the schema's own filter does).
    check = contract.accepts_valid_data(UNPREDICTABLE)
    failures = []
    for document in api.documents:
        schema = schemathesis.openapi.from_url(document.url).include(
            lambda context: (
                touched(context.operation.method, context.operation.path)
                or (context.operation.method.upper(), context.operation.path) in READ_BACK
            )
        )
        failures += contract.stateless(schema, hostile_budget, check)
        failures += contract.stateful(schema, hostile_budget, check)
    assert not failures, "schemathesis:\n\n" + "\n\n".join(failures)


# --- regressions ------------------------------------------------------------------------


async def created(http: httpx.AsyncClient, path: str, body: dict[str, object]) -> int:
    response = await http.post(path, json=body)
    assert response.status_code == 201, response.text
    task_id: int = response.json()["id"]
    return task_id


@pytest.mark.parametrize(
    "body",
    [
        {"title": "t", "tag_ids": [2147483648]},
        {"title": "a\x00b"},
        {"title": "t", "due_on": 0},
        {"title": "t", "category_id": True},
    ],
    ids=["id past INTEGER", "NUL", "due_on 0", "category_id true"],
)
async def test_values_the_schema_forbids_are_422(http: httpx.AsyncClient, body: object) -> None:
    response = await http.post(f"{V2}/tasks", json=body)

    assert response.status_code == 422, response.text


async def outbox_messages(live: Live, key: str) -> int:
    """How many outbox messages the live app's database holds with ``key``."""
    engine = create_async_engine(async_url(live.database_url))
    try:
        async with engine.connect() as conn:
            query = text("SELECT count(*) FROM outbox WHERE payload ->> 'key' = :key")
            return int((await conn.execute(query, {"key": key})).scalar_one())
    finally:
        await engine.dispose()


async def test_one_key_ten_times_at_once_replays_with_the_etag(
    http: httpx.AsyncClient, live: Live
) -> None:
    headers = {"Idempotency-Key": "ten-at-once-7"}
    answers = await hostile.at_once(
        [lambda: http.post(f"{V2}/tasks", json={"title": "once"}, headers=headers)] * 10
    )

    assert hostile.tally(answers) == {201: 10}
    responses = [a for a in answers if isinstance(a, httpx.Response)]
    assert {(r.json()["id"], r.headers["etag"]) for r in responses} == {
        (responses[0].json()["id"], '"1"')
    }
    # week 11: one task, so one message in the outbox (one e-mail), not one per request
    assert await outbox_messages(live, f"task-created:{responses[0].json()['id']}") == 1


async def test_a_tag_deleted_while_tasks_use_it_leaves_no_dangling_link(
    http: httpx.AsyncClient,
) -> None:
    tag = await created(http, f"{V1}/tags", {"name": "vanishing"})

    answers = await hostile.at_once(
        [lambda: http.delete(f"{V1}/tags/{tag}")]
        + [lambda: http.post(f"{V2}/tasks", json={"title": "t", "tag_ids": [tag]})] * 9
    )

    statuses = hostile.tally(answers)
    assert set(statuses) <= {201, 204, 409, 422}, statuses
    tag_exists = (await http.get(f"{V1}/tags/{tag}")).status_code == 200
    assert tag_exists or statuses[201] == 0  # a task was created: the tag must still be there

"""Inherited guard (0 points) under task 8: the whole app, the slow parts on what week 11 changes.

Robustness over real HTTP and a real database.

The testkit's hostile-input and concurrency suite attacks the app served by uvicorn, on a
database of its own where every request commits for real, as a logged-in admin (the live app
adds the admin's token to every request that comes without one: ``conftest.DefaultBearer``), so
every route is reached with valid credentials and hostile everything else.

The hostile input and the methods check attack every route (the pipeline's included); the
bursts and schemathesis, the slowest parts, only what week 11 touches (``touched``): the
pipeline's routes (reports, the admin's pipeline report, replaying a dead letter) and the requests
that create tasks, which now also write an outbox message in the same transaction. Week 10's
suite runs them on the rest of the same API, which this week does not change.
Week 7's defects stay fixed (each was a 500 or a wrong answer): ids past ``INTEGER``, NUL
characters, lax JSON types, racing writes, one Idempotency-Key ten times at once (and, week 11,
one outbox message for it), a replay without its ``ETag``, an ``If-Match`` of 5,000 digits,
``/tasks/import`` taken for a task id, HEAD and OPTIONS, the import's undeclared 400. The auth
routes' races have tests of their own at the end.
(`shared/README.md` describes the suite; `pytest --deep` runs its long version.)
"""

from collections.abc import AsyncIterator

import httpx
import pytest
import pytest_asyncio
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from testkit import hostile
from testkit.db import async_url

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
    findings = await hostile.probe_inputs(api, hostile_budget)

    hostile.assert_clean(findings, "hostile input")


async def test_http_methods_follow_rfc_9110(api: hostile.Api) -> None:
    findings = await hostile.probe_methods(api)  # every path: a few requests each, quick

    hostile.assert_clean(findings, "HTTP methods")


async def test_concurrent_writes_leave_consistent_data(
    api: hostile.Api, hostile_budget: hostile.Budget
) -> None:
    findings = await hostile.probe_bursts(api.only(touched), hostile_budget)

    hostile.assert_clean(findings, "concurrent bursts")


def test_schemathesis_stateless_and_stateful(
    api: hostile.Api, hostile_budget: hostile.Budget
) -> None:
    hostile.run_schemathesis(
        api,
        hostile_budget,
        unpredictable=UNPREDICTABLE,
        include=lambda method, path: touched(method, path) or (method.upper(), path) in READ_BACK,
    )


# --- regressions ------------------------------------------------------------------------


async def created(http: httpx.AsyncClient, path: str, body: dict[str, object]) -> int:
    response = await http.post(path, json=body)
    assert response.status_code == 201, response.text
    task_id: int = response.json()["id"]
    return task_id


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", f"{V2}/tasks/2147483648", None),
        ("GET", f"{V2}/tasks?category_id=2147483648", None),
        ("POST", f"{V2}/tasks", {"title": "t", "tag_ids": [2147483648]}),
        ("POST", f"{V2}/tasks/import", {"tasks": [{"title": "t", "category_id": 2147483648}]}),
        ("POST", f"{V2}/tasks", {"title": "a\x00b"}),
        ("POST", f"{V2}/tasks", {"title": "t", "due_on": 0}),
        ("POST", f"{V2}/tasks", {"title": "t", "category_id": True}),
    ],
    ids=["path", "filter", "body", "import", "NUL", "due_on 0", "category_id true"],
)
async def test_values_the_schema_forbids_are_422(
    http: httpx.AsyncClient, method: str, path: str, body: object
) -> None:
    response = await http.request(method, path, json=body)

    assert response.status_code == 422, response.text


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
async def test_the_import_path_is_not_a_task_id(http: httpx.AsyncClient, method: str) -> None:
    response = await http.request(method, f"{V2}/tasks/import")

    assert response.status_code == 405, response.text
    assert response.headers["allow"] == "POST, OPTIONS"


async def test_an_unparseable_import_is_a_declared_400(
    http: httpx.AsyncClient, api: hostile.Api
) -> None:
    headers = {"Content-Type": "application/json"}
    response = await http.post(f"{V2}/tasks/import", content=b'{"tasks": [\xff]}', headers=headers)

    assert response.status_code == 400
    assert "400" in api.by_path()[f"{V2}/tasks/import"]["POST"].responses


# b'"\xb2"' is "²" in Latin-1 (how header bytes are read): str.isdigit() says yes, int() no.
@pytest.mark.parametrize("header", [b'"2147483648"', b'"' + b"9" * 5_000 + b'"', b'"\xb2"'])
async def test_an_if_match_no_version_can_have_is_a_412(
    http: httpx.AsyncClient, header: bytes
) -> None:
    task_id = await created(http, f"{V2}/tasks", {"title": "versioned"})

    response = await http.patch(
        f"{V2}/tasks/{task_id}", json={"title": "x"}, headers=[(b"If-Match", header)]
    )

    assert response.status_code == 412, response.text


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


async def test_a_delete_racing_patches_with_one_if_match_lets_one_win(
    http: httpx.AsyncClient,
) -> None:
    task_id = await created(http, f"{V2}/tasks", {"title": "contested"})
    url, headers = f"{V2}/tasks/{task_id}", {"If-Match": '"1"'}

    answers = await hostile.at_once(
        [lambda: http.delete(url, headers=headers)]
        + [lambda: http.patch(url, json={"title": "mine"}, headers=headers)] * 9
    )

    statuses = hostile.tally(answers)
    assert statuses[204] + statuses[200] == 1, statuses  # one write matched version 1
    assert set(statuses) <= {200, 204, 404, 412}, statuses


async def test_ten_creates_of_one_name_give_one_201_and_nine_409(
    http: httpx.AsyncClient,
) -> None:
    answers = await hostile.at_once(
        [lambda: http.post(f"{V1}/categories", json={"name": "Raced"})] * 10
    )

    assert hostile.tally(answers) == {201: 1, 409: 9}


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


# --- the auth routes' own races ------------------------------------------------------------


async def test_ten_refreshes_with_one_token_one_wins_and_the_family_dies(
    http: httpx.AsyncClient,
) -> None:
    body = {"email": "racer@example.com", "password": "plum kettle orbit sandal"}
    assert (await http.post(f"{V1}/auth/register", json=body)).status_code == 201
    form = {"username": body["email"], "password": body["password"]}
    refresh_token = (await http.post(f"{V1}/auth/token", data=form)).json()["refresh_token"]

    answers = await hostile.at_once(
        [lambda: http.post(f"{V1}/auth/refresh", json={"refresh_token": refresh_token})] * 10
    )

    assert hostile.tally(answers) == {200: 1, 401: 9}  # one spend; nine reuses
    (winner,) = [a for a in answers if isinstance(a, httpx.Response) and a.status_code == 200]
    newest = winner.json()["refresh_token"]  # revoked with the family by the reuses
    assert (
        await http.post(f"{V1}/auth/refresh", json={"refresh_token": newest})
    ).status_code == 401


async def test_ten_registrations_of_one_address_give_one_201(http: httpx.AsyncClient) -> None:
    body = {"email": "twin@example.com", "password": "plum kettle orbit sandal"}

    answers = await hostile.at_once([lambda: http.post(f"{V1}/auth/register", json=body)] * 10)

    assert hostile.tally(answers) == {201: 1, 409: 9}


async def test_concurrent_wrong_guesses_are_all_counted(http: httpx.AsyncClient) -> None:
    form = {"username": "guessed@example.com", "password": "a wrong guess"}

    answers = await hostile.at_once([lambda: http.post(f"{V1}/auth/token", data=form)] * 5)

    assert hostile.tally(answers) == {401: 5}
    assert (await http.post(f"{V1}/auth/token", data=form)).status_code == 429  # all 5 counted

"""Robustness over real HTTP and a real database (0 points: a check of the whole app).

The testkit's hostile-input and concurrency suite attacks the app served by uvicorn, on a
database of its own where every request commits for real, and the defects it found stay fixed:
ids past ``INTEGER`` (the driver refused them: 500), NUL characters (PostgreSQL refused them:
500), concurrent writes that broke a constraint or lost a row between a read and a write (500),
one Idempotency-Key sent ten times at once (500s). (`shared/README.md` describes the suite;
`pytest --deep` runs its long version.)
"""

from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest
import pytest_asyncio

from testkit import hostile

from .conftest import Live

pytestmark = pytest.mark.points(0)
DOCUMENTS = ["/api/v1/openapi.json", "/api/v2/openapi.json"]
# Valid requests whose answer no schema can predict: references to missing categories or tags,
# cursors the server did not sign, keys already used for another body.
UNPREDICTABLE = ["reference_not_found", "/invalid-cursor", "/idempotency-key-reused"]
V1, V2 = "/api/v1", "/api/v2"


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
    hostile.assert_clean(await hostile.probe_inputs(api, hostile_budget), "hostile input")


async def test_http_methods_follow_rfc_9110(api: hostile.Api) -> None:
    hostile.assert_clean(await hostile.probe_methods(api), "HTTP methods")


async def test_concurrent_writes_leave_consistent_data(
    api: hostile.Api, hostile_budget: hostile.Budget
) -> None:
    hostile.assert_clean(await hostile.probe_bursts(api, hostile_budget), "concurrent bursts")


def test_schemathesis_stateless_and_stateful(
    api: hostile.Api, hostile_budget: hostile.Budget
) -> None:
    hostile.run_schemathesis(api, hostile_budget, unpredictable=UNPREDICTABLE)


# --- regressions: each was a 500 ----------------------------------------------------------


async def created(http: httpx.AsyncClient, path: str, body: dict[str, object]) -> int:
    response = await http.post(path, json=body)
    assert response.status_code == 201, response.text
    task_id: int = response.json()["id"]
    return task_id


@pytest.mark.parametrize(
    "path",
    [
        f"{V2}/tasks/2147483648",
        f"{V2}/tasks?category_id=2147483648",
        f"{V2}/tasks?tag_id=1&tag_id=2147483648",
        f"{V1}/categories/9223372036854775808",
    ],
)
async def test_ids_outside_integer_are_422(http: httpx.AsyncClient, path: str) -> None:
    response = await http.get(path)

    assert response.status_code == 422, response.text


@pytest.mark.parametrize(
    "body",
    [
        {"title": "t", "category_id": 2147483648},
        {"title": "t", "tag_ids": [1, 2147483648]},
        {"title": "a\x00b"},
        {"title": "t", "description": "\x00"},
    ],
)
async def test_values_postgresql_cannot_take_are_422(
    http: httpx.AsyncClient, body: dict[str, object]
) -> None:
    response = await http.post(f"{V2}/tasks", json=body)

    assert response.status_code == 422, response.text


async def test_ten_patches_at_once_all_apply_one_after_another(http: httpx.AsyncClient) -> None:
    task_id = await created(http, f"{V2}/tasks", {"title": "contended"})
    tags = [await created(http, f"{V1}/tags", {"name": f"race-{n}"}) for n in range(2)]

    def patch(n: int) -> Callable[[], Awaitable[httpx.Response]]:
        body = {"title": f"title {n}", "tag_ids": [tags[n % 2]]}
        return lambda: http.patch(f"{V2}/tasks/{task_id}", json=body)

    answers = await hostile.at_once(patch(n) for n in range(10))

    assert hostile.tally(answers) == {200: 10}  # without If-Match, the last write wins
    final = (await http.get(f"{V2}/tasks/{task_id}")).json()
    n = int(final["title"].removeprefix("title "))
    assert final["tag_ids"] == [tags[n % 2]]  # title and tags of the same write


async def test_a_delete_racing_patches_wins_or_waits(http: httpx.AsyncClient) -> None:
    task_id = await created(http, f"{V2}/tasks", {"title": "doomed"})
    url = f"{V2}/tasks/{task_id}"

    answers = await hostile.at_once(
        [lambda: http.delete(url)] + [lambda: http.patch(url, json={"title": "late"})] * 9
    )

    statuses = hostile.tally(answers)
    assert statuses[204] == 1
    assert set(statuses) <= {200, 204, 404}, statuses
    assert (await http.get(url)).status_code == 404


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


@pytest.mark.parametrize("text", ["1_0", "+1", "%201", "1.0"])
async def test_an_id_in_the_path_is_written_in_digits(http: httpx.AsyncClient, text: str) -> None:
    # Lax int parsing reads all of these as 1 or 10: the schema says digits.
    assert (await http.get(f"/api/v1/tasks/{text}")).status_code == 422


async def test_text_is_measured_as_sent_and_stored_trimmed(http: httpx.AsyncClient) -> None:
    too_long = await http.post("/api/v1/tasks", json={"title": "x" * 200 + "\t"})
    blank = await http.post("/api/v1/tasks", json={"title": "\x1c"})  # whitespace to Python
    padded = await http.post("/api/v1/tasks", json={"title": "  padded  "})

    assert too_long.status_code == blank.status_code == 422, (too_long.text, blank.text)
    assert padded.json()["title"] == "padded"

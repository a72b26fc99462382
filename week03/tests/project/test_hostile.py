"""Robustness over real HTTP (0 points: a check of the whole app, not of one task).

The testkit's hostile-input and concurrency suite attacks the app served by uvicorn, and the
defects it found in week 3 stay fixed: ids past PostgreSQL's INTEGER, JSON values of the wrong
type that lax parsing used to accept, HEAD and OPTIONS. (`shared/README.md` describes the suite;
`pytest --deep` runs its long version.)
"""

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import pytest_asyncio

from testkit import hostile, impl_module
from testkit.http import LiveServer

pytestmark = pytest.mark.points(0)


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    server = LiveServer(impl_module("week03", "main").create_app()).start()
    yield server
    server.stop()


@pytest_asyncio.fixture(loop_scope="session", scope="module")
async def api(server: LiveServer) -> hostile.Api:
    return await hostile.Api.load(server.url, ["/openapi.json"])


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


def test_schemathesis_stateful(api: hostile.Api, hostile_budget: hostile.Budget) -> None:
    # The stateless phase runs in-process in test_contract.py; here the stateful one, over HTTP.
    hostile.run_schemathesis(
        api, hostile_budget, unpredictable=["reference_not_found"], phases=["stateful"]
    )


# --- regressions: each was a defect ---------------------------------------------------------


@pytest.mark.parametrize("path", ["/tasks/2147483648", "/categories/2147483648", "/tags/-1"])
async def test_ids_outside_integer_are_422(http: httpx.AsyncClient, path: str) -> None:
    response = await http.get(path)

    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"


async def test_the_largest_id_is_valid_and_simply_missing(http: httpx.AsyncClient) -> None:
    assert (await http.get("/tasks/2147483647")).status_code == 404
    filtered = await http.get("/tasks", params={"category_id": 2147483648})
    assert filtered.status_code == 422


@pytest.mark.parametrize(
    ("field", "value"),
    [("category_id", True), ("category_id", "1"), ("tag_ids", [True]), ("due_date", 0)],
)
async def test_json_values_of_the_wrong_type_are_422(
    http: httpx.AsyncClient, field: str, value: object
) -> None:
    response = await http.post("/tasks", json={"title": "Typed", field: value})

    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["loc"][:2] == ["body", field]


@pytest.mark.parametrize("field", ["title", "description"])
async def test_nul_characters_are_422(http: httpx.AsyncClient, field: str) -> None:
    body = {"title": "ok", field: "a\x00b"}
    assert (await http.post("/tasks", json=body)).status_code == 422


async def test_head_is_get_without_a_body(http: httpx.AsyncClient) -> None:
    get, head = await http.get("/tasks"), await http.head("/tasks")

    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]


async def test_options_lists_the_methods(http: httpx.AsyncClient) -> None:
    response = await http.options("/tasks/1")

    assert response.status_code == 204
    assert response.headers["allow"] == "GET, HEAD, PUT, PATCH, DELETE, OPTIONS"
    assert (await http.options("/nowhere")).status_code == 404


async def test_same_category_name_at_once_gives_one_201(http: httpx.AsyncClient) -> None:
    answers = await hostile.at_once([lambda: http.post("/categories", json={"name": "Once"})] * 10)

    assert hostile.tally(answers) == {201: 1, 409: 9}


@pytest.mark.parametrize("text", ["1_0", "+1", "%201", "1.0"])
async def test_an_id_in_the_path_is_written_in_digits(http: httpx.AsyncClient, text: str) -> None:
    # Lax int parsing reads all of these as 1 or 10: the schema says digits.
    assert (await http.get(f"/tasks/{text}")).status_code == 422


async def test_text_is_measured_as_sent_and_stored_trimmed(http: httpx.AsyncClient) -> None:
    too_long = await http.post("/tasks", json={"title": "x" * 200 + "\t"})
    blank = await http.post("/tasks", json={"title": "\x1c"})  # whitespace to Python
    padded = await http.post("/tasks", json={"title": "  padded  "})

    assert too_long.status_code == blank.status_code == 422, (too_long.text, blank.text)
    assert padded.json()["title"] == "padded"

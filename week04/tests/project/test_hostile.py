"""Robustness over real HTTP (0 points: a check of the whole app, not of one task).

The testkit's hostile-input and concurrency suite attacks both versions of the app served by
uvicorn, and the defects it found stay fixed: ids past PostgreSQL's INTEGER, JSON values of the
wrong type, HEAD and OPTIONS, one Idempotency-Key sent ten times at once. (`shared/README.md`
describes the suite; `pytest --deep` runs its long version.)
"""

from collections.abc import AsyncIterator, Awaitable, Iterator

import httpx
import pytest
import pytest_asyncio

from testkit import hostile, impl_module
from testkit.http import LiveServer

from .conftest import SECRET

pytestmark = pytest.mark.points(0)
DOCUMENTS = ["/api/v1/openapi.json", "/api/v2/openapi.json"]
# Valid requests the schema cannot predict the answer to: references to missing categories or
# tags, cursors the server did not sign, keys already used for another body.
UNPREDICTABLE = ["reference_not_found", "/invalid-cursor", "/idempotency-key-reused"]


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    server = LiveServer(impl_module("week04", "main").create_app(cursor_secret=SECRET)).start()
    yield server
    server.stop()


@pytest_asyncio.fixture(loop_scope="session", scope="module")
async def api(server: LiveServer) -> hostile.Api:
    return await hostile.Api.load(server.url, DOCUMENTS)


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
    # The stateless phase runs in-process in test_contracts.py; here the stateful one, over HTTP.
    hostile.run_schemathesis(api, hostile_budget, unpredictable=UNPREDICTABLE, phases=["stateful"])


# --- regressions: each was a defect ---------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["/api/v2/tasks/2147483648", "/api/v2/tasks?category_id=2147483648", "/api/v1/tags/0"],
)
async def test_ids_outside_integer_are_422(http: httpx.AsyncClient, path: str) -> None:
    response = await http.get(path)

    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("field", "value"),
    [("category_id", True), ("tag_ids", ["1"]), ("tag_ids", [2147483648]), ("due_on", 0)],
)
async def test_json_values_of_the_wrong_type_are_422(
    http: httpx.AsyncClient, field: str, value: object
) -> None:
    response = await http.post("/api/v2/tasks", json={"title": "Typed", field: value})

    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["loc"][:2] == ["body", field]


async def test_head_and_options_on_v2(http: httpx.AsyncClient) -> None:
    head = await http.head("/api/v2/tasks")
    options = await http.options("/api/v2/tasks")

    assert (head.status_code, head.content) == (200, b"")
    assert options.headers["allow"] == "GET, HEAD, POST, OPTIONS"


async def test_one_idempotency_key_ten_times_at_once_creates_one_task(
    http: httpx.AsyncClient,
) -> None:
    def create() -> Awaitable[httpx.Response]:
        headers = {"Idempotency-Key": "at-once-1"}
        return http.post("/api/v2/tasks", json={"title": "Once"}, headers=headers)

    answers = await hostile.at_once([create] * 10)

    assert hostile.tally(answers) == {201: 10}
    created = [a for a in answers if isinstance(a, httpx.Response)]
    assert len({a.json()["id"] for a in created}) == 1
    assert sum(a.headers.get("idempotent-replayed") == "true" for a in created) == 9


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

import httpx
import pytest
from week08.lectures import l1_http_clients as l1


async def test_sync_and_async_clients_read_the_same_api() -> None:
    result = await l1.demo()

    assert result["sync"] == 42
    assert result["async missing"] is None  # 404 handled on purpose, not raised
    assert result["created"] == {"number": 1, "title": "Launch fails"}
    assert result["mocked"] == 7  # MockTransport: no server at all


@pytest.mark.parametrize(
    ("status", "advice"),
    [(200, "use it"), (201, "use it"), (404, "fix the request"), (422, "fix the request"),
     (429, "retry later"), (503, "retry later"), (304, "follow or ignore")],
)  # fmt: skip
def test_statuses_are_classified(status: int, advice: str) -> None:
    assert l1.classify(httpx.Response(status)) == advice


async def test_other_errors_are_raised_not_swallowed() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500)

    transport = httpx.MockTransport(handler)
    async with httpx.AsyncClient(transport=transport, base_url="https://api.test") as client:
        with pytest.raises(httpx.HTTPStatusError):
            await l1.stars_async(client, "rocket")

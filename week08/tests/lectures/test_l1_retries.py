import httpx
import pytest
from starlette.routing import Route
from week08.lectures import l1_retries as l1
from week08.lectures.servers import serve

from testkit.fake_upstream import Fault


async def test_the_demo_retries_gets_and_not_posts() -> None:
    result = await l1.demo()

    waits = result["waits"]
    assert isinstance(waits, dict)
    assert len(waits["tenacity"]) == 2
    assert len(waits["by hand"]) == 2
    assert waits["retry-after"] == [3.0]
    assert result["POST"] == "not retried: HTTP 503"


@pytest.mark.parametrize("fetch", [l1.fetch_with_tenacity, l1.fetch_by_hand])
async def test_both_give_up_after_four_attempts_with_jittered_growing_waits(fetch: object) -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    with serve([Route("/", l1.ok)]) as server:
        server.inject(Fault.status_code(503), times=10)
        async with httpx.AsyncClient(base_url=server.url) as client:
            with pytest.raises(l1.RetryableStatus):
                await fetch(client, "GET", "/", sleep=sleep)  # type: ignore[operator]
        assert len(server.requests) == 4

    assert len(waits) == 3
    assert all(0 <= w <= ceiling for w, ceiling in zip(waits, [0.5, 1.0, 2.0], strict=True))


async def test_a_client_error_is_not_retried() -> None:
    with serve([Route("/", l1.ok)]) as server:
        server.inject(Fault.status_code(404))
        async with httpx.AsyncClient(base_url=server.url) as client:
            with pytest.raises(httpx.HTTPStatusError):
                await l1.fetch_by_hand(client, "GET", "/")
        assert len(server.requests) == 1

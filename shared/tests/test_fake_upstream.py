"""The fake upstream misbehaves exactly as told, over real TCP."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from testkit.fake_upstream import FakeClock, FakeUpstream, Fault, RateLimit, unaccepted_port

BIG = {"items": list(range(200))}


async def items(request: Request) -> JSONResponse:
    return JSONResponse(BIG)


async def other(request: Request) -> JSONResponse:
    return JSONResponse({"other": True})


ROUTES = [Route("/items", items), Route("/other", other)]


@pytest.fixture
def upstream() -> Iterator[FakeUpstream]:
    with FakeUpstream(ROUTES) as server:
        yield server


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    """One client for the module: a new client per request costs a TLS context (~0.1 s)."""
    with httpx.Client() as client:
        yield client


def test_it_serves_the_routes_and_records_requests(
    upstream: FakeUpstream, http: httpx.Client
) -> None:
    response = http.get(f"{upstream.url}/items?page=2", headers={"Authorization": "Bearer t"})

    assert response.json() == BIG
    (seen,) = upstream.requests_to("/items")
    assert (seen.method, seen.query, seen.headers["authorization"]) == ("GET", "page=2", "Bearer t")


def test_a_status_fault_lasts_the_given_number_of_requests(
    upstream: FakeUpstream, http: httpx.Client
) -> None:
    upstream.inject(Fault.status_code(503), times=2)

    codes = [http.get(f"{upstream.url}/items").status_code for _ in range(3)]

    assert codes == [503, 503, 200]


def test_a_fault_for_one_path_leaves_the_others_alone(
    upstream: FakeUpstream, http: httpx.Client
) -> None:
    upstream.inject(Fault.rate_limited(retry_after=7), path="/items")

    assert http.get(f"{upstream.url}/other").status_code == 200
    limited = http.get(f"{upstream.url}/items")
    assert (limited.status_code, limited.headers["retry-after"]) == (429, "7")
    assert http.get(f"{upstream.url}/items").status_code == 200


def test_clear_faults_drops_the_queue(upstream: FakeUpstream, http: httpx.Client) -> None:
    upstream.inject(Fault.status_code(500), times=5)
    upstream.clear_faults()

    assert http.get(f"{upstream.url}/items").status_code == 200


def test_a_body_fault_sends_malformed_json(upstream: FakeUpstream, http: httpx.Client) -> None:
    upstream.inject(Fault.body(b'{"items": [1, 2'))

    response = http.get(f"{upstream.url}/items")

    assert response.status_code == 200
    with pytest.raises(ValueError, match="Expecting"):
        response.json()


def test_a_delay_makes_the_read_phase_time_out(upstream: FakeUpstream, http: httpx.Client) -> None:
    upstream.inject(Fault.delay(1.0))

    with pytest.raises(httpx.ReadTimeout):
        http.get(f"{upstream.url}/items", timeout=httpx.Timeout(5, read=0.05))


def test_a_stalled_body_times_out_after_the_headers(
    upstream: FakeUpstream, http: httpx.Client
) -> None:
    upstream.inject(Fault.stall_body(1.0))

    with http.stream("GET", f"{upstream.url}/items", timeout=httpx.Timeout(5, read=0.05)) as r:
        assert r.status_code == 200  # the headers came in time
        with pytest.raises(httpx.ReadTimeout):
            r.read()


def test_a_cut_body_is_a_protocol_error(upstream: FakeUpstream, http: httpx.Client) -> None:
    upstream.inject(Fault.cut_body())

    with pytest.raises(httpx.RemoteProtocolError):
        http.get(f"{upstream.url}/items")
    assert http.get(f"{upstream.url}/items").json() == BIG  # the server lives on


def test_the_rate_limit_advertises_rejects_and_counts(http: httpx.Client) -> None:
    clock = FakeClock(start=1000.0)
    limit = RateLimit(limit=2, window=60, clock=clock)
    with FakeUpstream(ROUTES, rate_limit=limit) as upstream:
        first, second, third = (http.get(f"{upstream.url}/items") for _ in range(3))
        clock.advance(60)
        fourth = http.get(f"{upstream.url}/items")

    assert [r.status_code for r in (first, second, third, fourth)] == [200, 200, 429, 200]
    assert first.headers["x-ratelimit-remaining"] == "1"
    assert second.headers["x-ratelimit-remaining"] == "0"
    assert second.headers["x-ratelimit-reset"] == "1060"
    assert third.headers["retry-after"] == "60"
    assert fourth.headers["x-ratelimit-reset"] == "1120"
    assert (limit.rejected, limit.counts) == (1, [2, 1])


def test_url_needs_a_running_server() -> None:
    upstream = FakeUpstream(ROUTES)
    with pytest.raises(RuntimeError, match="not running"):
        _ = upstream.url
    upstream.stop()  # stopping a stopped server is harmless


def test_an_unaccepted_port_makes_connect_time_out(http: httpx.Client) -> None:
    with unaccepted_port() as port, pytest.raises(httpx.ConnectTimeout):
        http.get(f"http://127.0.0.1:{port}/", timeout=httpx.Timeout(5, connect=0.05))


async def test_the_fake_clock_moves_only_when_told() -> None:
    clock = FakeClock(start=10.0)
    await clock.sleep(2.5)
    await clock.sleep(-1)  # a negative wait does not turn time back

    assert clock() == 12.5
    assert clock.sleeps == [2.5, -1]

from starlette.routing import Route
from week08.lectures import l1_pooling as l1
from week08.lectures.servers import serve


async def test_a_shared_client_reuses_one_connection_and_is_faster() -> None:
    with serve([Route("/ping", l1.ping)]) as server:
        url = f"{server.url}/ping"
        shared = await l1.shared_client(url, 5)
        separate = await l1.client_per_request(url, 5)
        burst = await l1.concurrent_burst(url, 12, max_connections=3)

    assert (shared.requests, shared.connections) == (5, 1)
    assert separate.connections == 5
    assert shared.seconds < separate.seconds
    assert 1 <= burst.connections <= 3  # the pool's limit holds under a burst

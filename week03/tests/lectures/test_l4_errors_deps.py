"""Lecture 4 claims, checked."""

import pytest
from week03.lectures import l4_errors_deps as l4

from testkit.http import ClientFactory


async def test_http_exception_and_custom_handler(asgi_client: ClientFactory) -> None:
    client = await asgi_client(l4.make_app())

    missing = await client.get("/items/nope")
    out = await client.get("/items/ink")

    assert missing.status_code == 404
    assert missing.json() == {"detail": "no item named 'nope'"}
    assert out.status_code == 409
    assert out.json() == {"detail": "ink is out of stock", "item": "ink"}


async def test_dependency_is_cached_per_request_and_torn_down(asgi_client: ClientFactory) -> None:
    audit = l4.Audit()
    client = await asgi_client(l4.make_app(audit))

    first = await client.get("/items/pen")
    second = await client.get("/items/pen")

    assert (first.json()["session"], second.json()["session"]) == (1, 2)  # new per request
    assert audit.events[:4] == [
        "open 1", "service uses session 1", "handler uses session 1", "close 1",
    ]  # fmt: skip


async def test_teardown_runs_even_when_the_handler_raises(asgi_client: ClientFactory) -> None:
    audit = l4.Audit()
    client = await asgi_client(l4.make_app(audit))

    assert (await client.get("/items/nope")).status_code == 404
    assert audit.events[-1] == "close 1"


async def test_use_cache_false_gives_a_second_instance(asgi_client: ClientFactory) -> None:
    audit = l4.Audit()
    client = await asgi_client(l4.make_app(audit))

    assert (await client.get("/two-sessions")).json() == [1, 2]
    assert sorted(audit.events) == ["close 1", "close 2", "open 1", "open 2"]


def test_main(capsys: pytest.CaptureFixture[str]) -> None:
    l4.main()
    assert "GET /items/ink -> 409" in capsys.readouterr().out

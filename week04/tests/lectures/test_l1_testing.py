"""Lecture 1 claims, checked: TestClient and lifespan, overrides, async clients, factories."""

from datetime import date

import httpx
import pytest
from fastapi.testclient import TestClient
from week04.lectures import l1_testing as l1

from testkit.http import ClientFactory

FIXED_TODAY = date(2026, 1, 30)


def test_testclient_runs_the_lifespan_only_as_a_context_manager() -> None:
    events: list[str] = []
    app = l1.make_app(events)

    TestClient(app)  # no `with`: nothing starts
    assert events == []
    with TestClient(app):
        assert events == ["startup"]
    assert events == ["startup", "shutdown"]


def test_status_codes_and_validation_errors_precisely() -> None:
    app = l1.make_app()
    with TestClient(app) as client, l1.overridden(app, l1.today, lambda: FIXED_TODAY):
        created = client.post("/reminders", json=l1.build_reminder())
        past = client.post("/reminders", json=l1.build_reminder(due="2026-01-29"))
        empty = client.post("/reminders", json=l1.build_reminder(text=""))

    assert (created.status_code, created.json()) == (201, {"text": "Pay rent", "days_left": 2})
    assert (past.status_code, past.json()) == (
        422,
        {"detail": "due date 2026-01-29 is in the past"},
    )
    # Assert the error body, not just the code: which field, and why.
    [error] = empty.json()["detail"]
    assert (empty.status_code, error["loc"], error["type"]) == (
        422,
        ["body", "text"],
        "string_too_short",
    )


def test_override_is_removed_even_when_the_block_fails() -> None:
    app = l1.make_app()
    seen: list[int] = []

    def failing_test() -> None:
        with l1.overridden(app, l1.today, lambda: FIXED_TODAY):
            seen.append(len(app.dependency_overrides))
            raise RuntimeError("a failing test")

    with pytest.raises(RuntimeError):
        failing_test()

    assert seen == [1]
    assert app.dependency_overrides == {}


async def test_async_client_over_asgi_transport_skips_the_lifespan() -> None:
    events: list[str] = []
    app = l1.make_app(events)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.post("/reminders", json=l1.build_reminder(text=""))

    assert response.status_code == 422  # validation runs before the handler needs any state
    assert events == []  # but start-up never ran: use asgi-lifespan (the testkit's asgi_client)


async def test_testkit_asgi_client_runs_the_lifespan(asgi_client: ClientFactory) -> None:
    events: list[str] = []
    app = l1.make_app(events)
    app.dependency_overrides[l1.today] = lambda: FIXED_TODAY

    client = await asgi_client(app)
    response = await client.post("/reminders", json=l1.build_reminder())

    assert events == ["startup"]
    assert response.status_code == 201


def test_factory_overrides_only_what_is_given() -> None:
    assert l1.build_reminder(text="x") == {"text": "x", "due": "2026-02-01"}


def test_demo_runs(capsys: pytest.CaptureFixture[str]) -> None:
    l1.main()

    out = capsys.readouterr().out
    assert "without `with`: no lifespan" in out
    assert "overrides left: {}" in out

"""Lecture 1: testing FastAPI applications.

- ``TestClient`` (``fastapi.testclient``) is a *sync* wrapper: it runs the ASGI app in a portal
  thread with its own event loop, so plain ``def test_...`` functions can call it. Used as a
  context manager (``with TestClient(app) as client``) it runs the lifespan: start-up on enter,
  shutdown on exit. Without ``with`` the lifespan never runs.
- Async tests use ``httpx.AsyncClient(transport=httpx.ASGITransport(app))`` in the test's own event
  loop (pytest-asyncio). ``ASGITransport`` does not run the lifespan; the testkit's ``asgi_client``
  wraps it in ``asgi_lifespan.LifespanManager`` so it does.
- ``app.dependency_overrides[real] = fake`` swaps a dependency for the tests (a fake clock, a stub
  of a third-party client); ``overridden()`` removes it again, even when the test fails.
- Unit tests call a function or service directly; API (integration) tests go through HTTP, routing,
  validation and the error handlers. The project has both: ``tests/project/test_paging.py`` and
  ``tests/project/test_v2_api.py``.

No ``from __future__ import annotations``: FastAPI reads the annotations at run time.
"""

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field


def today() -> date:
    """The real dependency: reads the wall clock (tests replace it)."""
    return datetime.now(UTC).date()


Today = Annotated[date, Depends(today)]


class Reminder(BaseModel):
    text: str = Field(min_length=1, max_length=100)
    due: date


def make_app(events: list[str] | None = None) -> FastAPI:
    events = events if events is not None else []

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        events.append("startup")  # open pools, load config ...
        app.state.reminders = []
        yield
        events.append("shutdown")  # ... and close them

    app = FastAPI(title="Lecture 1", lifespan=lifespan)

    @app.post("/reminders", status_code=201)
    async def add(reminder: Reminder, now: Today) -> dict[str, Any]:
        if reminder.due < now:
            raise HTTPException(422, detail=f"due date {reminder.due} is in the past")
        app.state.reminders.append(reminder)
        return {"text": reminder.text, "days_left": (reminder.due - now).days}

    return app


@contextmanager
def overridden(
    app: FastAPI, dependency: Callable[..., Any], fake: Callable[..., Any]
) -> Iterator[None]:
    """Override a dependency for the ``with`` block only; cleanup runs even if the test fails."""
    app.dependency_overrides[dependency] = fake
    try:
        yield
    finally:
        app.dependency_overrides.pop(dependency, None)


def build_reminder(**overrides: Any) -> dict[str, Any]:
    """A factory: a valid body, with only what a test cares about overridden."""
    return {"text": "Pay rent", "due": "2026-02-01"} | overrides


def main() -> None:
    events: list[str] = []
    app = make_app(events)
    try:
        TestClient(app).post("/reminders", json=build_reminder(due="2999-12-31"))
    except AttributeError as exc:  # app.state.reminders was never set: no lifespan ran
        print(f"without `with`: no lifespan, the handler fails ({exc})")
    with TestClient(app) as client, overridden(app, today, lambda: date(2026, 1, 30)):
        print("events after enter:", events)
        ok = client.post("/reminders", json=build_reminder())
        print("POST with a fake today:", ok.status_code, ok.json())
        late = client.post("/reminders", json=build_reminder(due="2026-01-01"))
        print("in the past:", late.status_code, late.json())
        bad = client.post("/reminders", json=build_reminder(text=""))
        print("validation error:", bad.status_code, bad.json()["detail"][0]["type"])
    print("events after exit:", events, "| overrides left:", app.dependency_overrides)


if __name__ == "__main__":
    main()

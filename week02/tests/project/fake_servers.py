"""Real HTTP servers on 127.0.0.1 standing in for the three APIs (served by ``live_server``)."""

from __future__ import annotations

from collections.abc import Callable

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from testkit.http import LiveServer

from .apis import FRANKFURTER, HACKER_NEWS, OPEN_METEO

Serve = Callable[[Starlette], LiveServer]


class FakeApi:
    """One path, one canned answer; remembers the query string of every request."""

    def __init__(self, path: str, payload: object, status: int = 200) -> None:
        self.queries: list[dict[str, str]] = []

        async def endpoint(request: Request) -> Response:
            self.queries.append(dict(request.query_params))
            if isinstance(payload, str):  # an HTML error page, or any other non-JSON body
                return PlainTextResponse(payload, status_code=status)
            return JSONResponse(payload, status_code=status)

        self.app = Starlette(routes=[Route(path, endpoint)])


def serve_apis(
    serve: Serve,
    weather: FakeApi | None = None,
    news: FakeApi | None = None,
    rates: FakeApi | None = None,
) -> dict[str, str]:
    """Start one server per API; return the base URLs by source name."""
    weather = weather or FakeApi("/v1/forecast", OPEN_METEO)
    news = news or FakeApi("/api/v1/search", HACKER_NEWS)
    rates = rates or FakeApi("/v1/latest", FRANKFURTER)
    return {
        "weather": f"{serve(weather.app).url}/v1",
        "news": f"{serve(news.app).url}/api/v1",
        "rates": f"{serve(rates.app).url}/v1",
    }

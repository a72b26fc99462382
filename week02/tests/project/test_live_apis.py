"""Task 3, integration level: the aggregator over real HTTP against local servers.

Unit tests mock the transport; here real sockets, real HTTP parsing and real status lines are
involved, which catches mistakes such as a wrong path or a query string built by hand.
"""

from __future__ import annotations

from types import ModuleType

import httpx
import pytest

from testkit import impl_module

from .fake_servers import FakeApi, Serve, serve_apis


@pytest.mark.task(3)
@pytest.mark.points(2)
async def test_the_aggregator_talks_http_to_real_servers(
    live_server: Serve, config: ModuleType
) -> None:
    rates = FakeApi("/v1/latest", {"base": "EUR", "date": "2026-01-05", "rates": {"CHF": 0.94}})
    news = FakeApi("/api/v1/search", "<html><h1>502 Bad Gateway</h1></html>", status=502)
    urls = serve_apis(live_server, news=news, rates=rates)
    query = config.Query(config.Location(1.5, 2.5), "EUR", ("CHF",), 4, days=3, retries=1)
    aggregate = impl_module("week02", "aggregator.aggregate")

    async with httpx.AsyncClient(timeout=5) as client:
        report = await aggregate.aggregate(client, query, config.BaseUrls(**urls), 10)

    assert report.weather.conditions == "rain"
    assert report.rates.rates == {"CHF": 0.94}
    assert report.errors["news"].startswith("HTTP 502 Bad Gateway from http://127.0.0.1:")
    assert report.errors["news"].endswith("/api/v1/search (after 2 attempts)")
    assert rates.queries == [{"base": "EUR", "symbols": "CHF"}]
    assert news.queries == [{"tags": "front_page", "hitsPerPage": "4"}] * 2  # one retry

"""Your tests of the aggregator, with mocked API calls. This one is an example: add yours beside it.

A good test here fails when the code breaks a rule of the brief: what is requested, what is
accepted or rejected, what is retried and how often, what a failing source leaves of the report,
what the CLI prints and returns. ``make check-week 2`` runs your tests against copies of the
reference solution with realistic bugs planted in them and tells you how many your tests caught.

``httpx.MockTransport`` calls a function you write with each request, instead of the network; give
it to the ``httpx.AsyncClient`` you pass to the code (or to ``cli.main(..., transport=...)``).
"""

from types import ModuleType

import httpx

RATES_URL = "https://rates.test/v1"


async def test_rates_are_requested_for_the_base_and_symbols(sources: ModuleType) -> None:
    seen: list[httpx.Request] = []

    def frankfurter(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            200, json={"amount": 1.0, "base": "EUR", "date": "2026-01-05", "rates": {"USD": 1.08}}
        )

    async with httpx.AsyncClient(transport=httpx.MockTransport(frankfurter)) as client:
        rates = await sources.fetch_rates(client, RATES_URL, "EUR", ("USD",))

    assert [str(request.url) for request in seen] == [f"{RATES_URL}/latest?base=EUR&symbols=USD"]
    assert rates.base == "EUR"
    assert rates.rates == {"USD": 1.08}

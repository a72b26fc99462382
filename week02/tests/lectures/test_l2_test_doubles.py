"""Stubs, fakes and mocks side by side, and why ``spec``/``autospec`` matter."""

from __future__ import annotations

import datetime as dt
from unittest.mock import AsyncMock, Mock, create_autospec, patch

import httpx
import pytest
from week02.lectures import l2_test_doubles as lecture
from week02.lectures.l2_test_doubles import (
    FrostAlerts,
    InMemoryNotifier,
    Notifier,
    OpenMeteoWeather,
    StubWeather,
)


async def test_stub_and_fake_check_the_outcome() -> None:
    notifier = InMemoryNotifier()  # fake: a working notifier that keeps what it sent
    alerts = FrostAlerts(StubWeather(-2.0), notifier)  # stub: it is -2.0 °C, always

    sent = await alerts.check("Oslo", ["ana@example.org"])

    assert sent == 1
    assert notifier.outbox[0][0] == "ana@example.org"
    assert "frost in Oslo, -2.0 °C" in notifier.outbox[0][1]


async def test_mock_checks_the_interaction() -> None:
    notifier = Mock(spec=Notifier)

    await FrostAlerts(StubWeather(-1.0), notifier).check("Oslo", ["ana@example.org"])

    notifier.send.assert_called_once()
    assert notifier.send.call_args.args[0] == "ana@example.org"


async def test_no_alert_above_the_threshold() -> None:
    notifier = Mock(spec=Notifier)

    assert await FrostAlerts(StubWeather(3.0), notifier).check("Oslo", ["ana@example.org"]) == 0
    notifier.send.assert_not_called()


def test_a_mock_without_spec_accepts_typos_and_with_spec_it_does_not() -> None:
    loose = Mock()
    loose.sned("ana@example.org", "hi")  # a typo, and nothing complains: a test could pass wrongly

    strict = Mock(spec=Notifier)
    with pytest.raises(AttributeError, match="sned"):
        strict.sned("ana@example.org", "hi")


async def test_autospec_makes_async_methods_async_mocks_with_checked_signatures() -> None:
    weather = create_autospec(OpenMeteoWeather, instance=True)
    weather.temperature.return_value = -7.5

    assert isinstance(weather.temperature, AsyncMock)
    assert await weather.temperature("Oslo") == -7.5
    weather.temperature.assert_awaited_once_with("Oslo")
    with pytest.raises(TypeError):
        await weather.temperature("Oslo", "tomorrow")  # the real method takes one argument


async def test_patch_replaces_a_name_where_it_is_looked_up() -> None:
    notifier = InMemoryNotifier()
    fixed = dt.datetime(2026, 1, 5, 7, 30, tzinfo=dt.UTC)

    with patch("week02.lectures.l2_test_doubles.now", return_value=fixed):
        await FrostAlerts(StubWeather(-3.0), notifier).check("Oslo", ["ana@example.org"])

    assert notifier.outbox[0][1].startswith("2026-01-05: frost in Oslo")
    assert lecture.now() != fixed  # the patch ended with the with-block


async def test_the_real_weather_client_reads_the_current_temperature() -> None:
    """The real class, with only the network replaced (httpx.MockTransport)."""
    seen: list[httpx.Request] = []

    def api(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"current": {"temperature_2m": -11.2}})

    async with httpx.AsyncClient(transport=httpx.MockTransport(api)) as client:
        assert await OpenMeteoWeather(client).temperature("Oslo") == -11.2

    assert seen[0].url.params["latitude"] == "59.91"


async def test_the_demo_sends_one_alert_per_subscriber() -> None:
    outbox = await lecture.demo()

    assert [to for to, _ in outbox] == ["ana@example.org", "ben@example.org"]

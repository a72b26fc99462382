"""Lecture 2: test doubles. Replace a collaborator so a test is fast, deterministic and focused.

- A STUB answers with canned data (``StubWeather``): you check the result of the code under test.
- A FAKE is a real, simpler implementation (``InMemoryNotifier`` keeps messages in a list):
  you check the state it ends in.
- A MOCK records how it was called (``unittest.mock.Mock``/``AsyncMock``): you check the calls.
  Give mocks a ``spec`` (or use ``create_autospec``) so a typo or a wrong signature fails the
  test instead of passing silently.
- ``patch("module.name")`` swaps a name where it is LOOKED UP, for the duration of a test.

Tests: tests/lectures/test_l2_test_doubles.py. Run: ``uv run python -m week02.lectures.l2_test_doubles``
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

import httpx

CITIES = {"Oslo": (59.91, 10.75), "Berlin": (52.52, 13.41)}


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Weather(Protocol):
    async def temperature(self, city: str) -> float: ...


class Notifier(Protocol):
    def send(self, to: str, message: str) -> None: ...


class OpenMeteoWeather:
    """The real collaborator: one HTTP request per call (slow, flaky, needs the internet)."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def temperature(self, city: str) -> float:
        latitude, longitude = CITIES[city]
        response = await self.client.get(
            "https://api.open-meteo.com/v1/forecast",
            params={"latitude": latitude, "longitude": longitude, "current": "temperature_2m"},
        )
        response.raise_for_status()
        return float(response.json()["current"]["temperature_2m"])


@dataclass
class StubWeather:
    """Stub: always the same temperature."""

    celsius: float

    async def temperature(self, city: str) -> float:
        return self.celsius


@dataclass
class InMemoryNotifier:
    """Fake: really delivers, to a list instead of an SMTP server."""

    outbox: list[tuple[str, str]] = field(default_factory=list)

    def send(self, to: str, message: str) -> None:
        self.outbox.append((to, message))


class FrostAlerts:
    """The code under test: warn subscribers when it freezes."""

    def __init__(self, weather: Weather, notifier: Notifier, threshold: float = 0.0) -> None:
        self.weather, self.notifier, self.threshold = weather, notifier, threshold

    async def check(self, city: str, subscribers: list[str]) -> int:
        celsius = await self.weather.temperature(city)
        if celsius >= self.threshold:
            return 0
        message = f"{now():%Y-%m-%d}: frost in {city}, {celsius:.1f} °C"
        for subscriber in subscribers:
            self.notifier.send(subscriber, message)
        return len(subscribers)


async def demo() -> list[tuple[str, str]]:
    notifier = InMemoryNotifier()
    alerts = FrostAlerts(StubWeather(-4.5), notifier)
    await alerts.check("Oslo", ["ana@example.org", "ben@example.org"])
    return notifier.outbox


def main() -> None:
    for to, message in asyncio.run(demo()):
        print(f"to {to}: {message}")


if __name__ == "__main__":
    main()

"""Task 4: the report as a readable table and as JSON."""

from __future__ import annotations

import datetime as dt
import json
from types import ModuleType
from typing import Any

import pytest

from testkit import impl_module


@pytest.fixture
def render() -> ModuleType:
    return impl_module("week02", "aggregator.render")


@pytest.fixture
def models() -> ModuleType:
    return impl_module("week02", "aggregator.models")


@pytest.fixture
def full_report(models: ModuleType) -> Any:
    return models.Report(
        weather=models.Weather(
            latitude=52.52,
            longitude=13.41,
            observed_at="2026-01-05T12:00",
            temperature_c=3.44,
            wind_speed_kmh=12.6,
            conditions="rain",
            forecast=[
                models.DayForecast(
                    date=dt.date(2026, 1, 5), min_c=-0.8, max_c=4.1, conditions="rain"
                ),
                models.DayForecast(
                    date=dt.date(2026, 1, 6), min_c=-13.4, max_c=1.2, conditions="snow"
                ),
            ],
        ),
        headlines=[
            models.Headline(title="Ask HN: Debugging?", url=None, points=310, author="bob"),
            models.Headline(title="Py 3.14", url="https://example.org/c", points=250, author="c"),
        ],
        rates=models.Rates(base="EUR", date=dt.date(2026, 1, 5), rates={"USD": 1.0871}),
    )


@pytest.mark.task(4)
@pytest.mark.points(2)
def test_table_shows_every_section(render: ModuleType, full_report: Any) -> None:
    table = render.render_table(full_report)

    assert "52.52, 13.41" in table
    assert "3.4 °C" in table
    assert "wind 12.6 km/h" in table
    assert "rain" in table
    assert "  Mon 2026-01-05   -0.8 to   4.1 °C, rain" in table.splitlines()
    assert "  Tue 2026-01-06  -13.4 to   1.2 °C, snow" in table.splitlines()
    assert "1. Ask HN: Debugging? (310 points, by bob)" in table
    assert "2. Py 3.14 (250 points, by c) <https://example.org/c>" in table
    assert "1 EUR (2026-01-05)" in table
    assert "USD" in table
    assert "1.0871" in table
    assert "unavailable" not in table


@pytest.mark.task(4)
@pytest.mark.points(1)
def test_table_marks_a_failed_source_unavailable(render: ModuleType, full_report: Any) -> None:
    report = full_report.model_copy(update={"headlines": None, "errors": {"news": "HTTP 503"}})

    table = render.render_table(report)

    assert "Headlines: unavailable" in table
    assert "Weather:" not in table  # the weather section is there, with data
    assert "1.0871" in table


@pytest.mark.task(4)
@pytest.mark.points(1)
def test_table_of_an_empty_report_names_each_source(render: ModuleType, models: ModuleType) -> None:
    table = render.render_table(models.Report(errors={"weather": "x", "news": "y", "rates": "z"}))

    assert table.splitlines() == [
        "Weather: unavailable",
        "Headlines: unavailable",
        "Exchange rates: unavailable",
    ]


@pytest.mark.task(4)
@pytest.mark.points(1)
def test_table_leaves_out_a_source_not_asked_for(render: ModuleType, full_report: Any) -> None:
    report = full_report.model_copy(update={"weather": None, "headlines": None})

    table = render.render_table(report)

    assert table.splitlines() == [
        "Exchange rates for 1 EUR (2026-01-05)",
        "  USD        1.0871",
    ]


@pytest.mark.task(4)
@pytest.mark.points(2)
def test_json_holds_the_data_and_the_errors(render: ModuleType, full_report: Any) -> None:
    report = full_report.model_copy(update={"rates": None, "errors": {"rates": "timed out"}})

    data = json.loads(render.render_json(report))

    assert data["weather"]["temperature_c"] == 3.44
    assert data["weather"]["forecast"][1] == {
        "date": "2026-01-06",
        "min_c": -13.4,
        "max_c": 1.2,
        "conditions": "snow",
    }
    assert data["headlines"][0] == {
        "title": "Ask HN: Debugging?",
        "url": None,
        "points": 310,
        "author": "bob",
    }
    assert data["rates"] is None
    assert data["errors"] == {"rates": "timed out"}

"""Task 5: the command line, in process: options, clear errors on bad input, exit codes."""

from __future__ import annotations

import json
from types import ModuleType

import httpx
import pytest

from testkit import impl_module

from .apis import NEWS_URL, RATES_URL, WEATHER_URL, fail_with, mock_transport, respond

MOCKED = [
    f"--weather-url={WEATHER_URL}",
    f"--news-url={NEWS_URL}",
    f"--rates-url={RATES_URL}",
]


@pytest.fixture
def cli() -> ModuleType:
    return impl_module("week02", "aggregator.cli")


@pytest.mark.task(5)
@pytest.mark.points(1)
@pytest.mark.parametrize(
    ("text", "expected"),
    [("52.52,13.41", (52.52, 13.41)), ("-33.9, 151.2", (-33.9, 151.2)), ("0,180", (0.0, 180.0))],
)
def test_parse_location_accepts_lat_lon(
    config: ModuleType, text: str, expected: tuple[float, float]
) -> None:
    location = config.parse_location(text)

    assert (location.latitude, location.longitude) == expected


@pytest.mark.task(5)
@pytest.mark.points(1)
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Berlin", "expected LAT,LON"),
        ("1,2,3", "expected LAT,LON"),
        ("91,0", "latitude must be between -90 and 90"),
        ("0,-181", "longitude must be between -180 and 180"),
    ],
)
def test_parse_location_names_the_problem(config: ModuleType, text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        config.parse_location(text)


@pytest.mark.task(5)
@pytest.mark.points(1)
def test_parse_currencies_normalises_and_keeps_order(config: ModuleType) -> None:
    assert config.parse_currencies("usd, gbp,JPY") == ("USD", "GBP", "JPY")


@pytest.mark.task(5)
@pytest.mark.points(1)
@pytest.mark.parametrize(
    ("text", "message"),
    [("US", "three-letter code"), ("USD,,GBP", "three-letter code"), ("USD,usd", "listed twice")],
)
def test_parse_currencies_rejects_bad_codes(config: ModuleType, text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        config.parse_currencies(text)


@pytest.mark.task(5)
@pytest.mark.points(1)
def test_parse_sources_normalises_and_keeps_order(config: ModuleType) -> None:
    assert config.parse_sources("Rates, weather") == ("rates", "weather")


@pytest.mark.task(5)
@pytest.mark.points(1)
def test_the_parser_accepts_the_limits_and_has_the_defaults(cli: ModuleType) -> None:
    limits = cli.build_parser({}).parse_args(["--headlines=30", "--days=16", "--retries=3"])
    defaults = cli.build_parser({}).parse_args([])

    assert (limits.headlines, limits.days, limits.retries) == (30, 16, 3)
    assert (defaults.headlines, defaults.days, defaults.retries) == (5, 3, 1)
    assert (defaults.timeout, defaults.total_timeout) == (5, 10)
    assert defaults.sources == ("weather", "news", "rates")
    assert defaults.currencies == ("USD", "GBP", "JPY")
    assert defaults.weather_url == "https://api.open-meteo.com/v1"


@pytest.mark.task(5)
@pytest.mark.points(2)
def test_a_full_run_prints_the_table_and_exits_0(
    cli: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main([*MOCKED, "--headlines", "2"], env={}, transport=mock_transport())

    out, err = capsys.readouterr()
    assert code == 0
    assert err == ""
    assert "3.4 °C" in out
    assert "2. Python 3.14 released" in out
    assert "USD" in out


@pytest.mark.task(5)
@pytest.mark.points(2)
def test_options_reach_the_requests(cli: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    seen: list[httpx.Request] = []
    argv = [*MOCKED, "--location=48.85,2.35", "--base=usd", "--currencies=eur", "--timeout=2.5"]

    cli.main([*argv, "--days=3", "--headlines=4"], env={}, transport=mock_transport(seen=seen))

    by_host = {request.url.host: request for request in seen}
    assert by_host["weather.test"].url.params["latitude"] == "48.85"
    assert by_host["weather.test"].url.params["forecast_days"] == "3"
    assert by_host["news.test"].url.params["hitsPerPage"] == "4"
    assert by_host["rates.test"].url.params["base"] == "USD"
    assert by_host["rates.test"].url.params["symbols"] == "EUR"
    assert by_host["news.test"].extensions["timeout"]["read"] == 2.5


@pytest.mark.task(5)
@pytest.mark.points(2)
def test_json_output_and_partial_failure_exit_1(
    cli: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    transport = mock_transport(news=respond({"message": "down"}, status=503))

    code = cli.main([*MOCKED, "--json"], env={}, transport=transport)

    out, err = capsys.readouterr()
    data = json.loads(out)
    assert code == 1
    assert data["headlines"] is None
    assert data["weather"]["conditions"] == "rain"
    assert "HTTP 503" in data["errors"]["news"]
    assert err.startswith("error: news: HTTP 503 Service Unavailable")


@pytest.mark.task(5)
@pytest.mark.points(1)
def test_every_source_down_exits_3(cli: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    down = fail_with(httpx.ConnectError)

    code = cli.main(MOCKED, env={}, transport=mock_transport(down, down, down))

    assert code == 3
    assert capsys.readouterr().err.count("could not reach") == 3


@pytest.mark.task(5)
@pytest.mark.points(1)
@pytest.mark.parametrize(("retries", "attempts"), [("0", 1), ("2", 3)])
def test_retries_reach_every_request(
    cli: ModuleType, capsys: pytest.CaptureFixture[str], retries: str, attempts: int
) -> None:
    seen: list[httpx.Request] = []
    transport = mock_transport(news=respond({"error": "busy"}, status=503), seen=seen)

    code = cli.main([*MOCKED, f"--retries={retries}"], env={}, transport=transport)

    assert code == 1
    assert [request.url.host for request in seen].count("news.test") == attempts


@pytest.mark.task(5)
@pytest.mark.points(2)
def test_only_the_sources_asked_for_are_fetched_and_shown(
    cli: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[httpx.Request] = []
    argv = [*MOCKED, "--sources=weather", "--currencies=EUR,USD"]  # the base check is for rates

    code = cli.main(argv, env={}, transport=mock_transport(seen=seen))

    out, err = capsys.readouterr()
    assert code == 0
    assert err == ""
    assert [request.url.host for request in seen] == ["weather.test"]
    assert out.startswith("Weather at 52.52, 13.42")
    assert "Headlines" not in out
    assert "Exchange rates" not in out


@pytest.mark.task(5)
@pytest.mark.points(1)
def test_every_source_asked_for_down_exits_3(
    cli: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    transport = mock_transport(news=fail_with(httpx.ConnectError))

    code = cli.main([*MOCKED, "--sources=news"], env={}, transport=transport)

    assert code == 3
    assert capsys.readouterr().out == "Headlines: unavailable\n"


@pytest.mark.task(5)
@pytest.mark.points(1)
def test_base_urls_come_from_the_environment(
    cli: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[httpx.Request] = []
    env = {
        "AGGREGATOR_WEATHER_URL": WEATHER_URL,
        "AGGREGATOR_NEWS_URL": NEWS_URL,
        "AGGREGATOR_RATES_URL": RATES_URL,
    }

    assert cli.main([], env=env, transport=mock_transport(seen=seen)) == 0
    assert sorted(str(r.url.copy_with(query=None)) for r in seen) == [
        f"{NEWS_URL}/search",
        f"{RATES_URL}/latest",
        f"{WEATHER_URL}/forecast",
    ]


@pytest.mark.task(5)
@pytest.mark.points(1)
@pytest.mark.parametrize(
    ("argv", "env", "message"),
    [
        (["--headlines", "0"], {}, "argument --headlines: must be between 1 and 30, got 0"),
        (["--headlines", "many"], {}, "argument --headlines: expected a whole number"),
        (["--days", "17"], {}, "argument --days: must be between 1 and 16, got 17"),
        (["--retries", "4"], {}, "argument --retries: must be between 0 and 3, got 4"),
        (["--sources", "weather,sport"], {}, "argument --sources: unknown source 'sport'"),
        (["--sources", "news,News"], {}, "argument --sources: source listed twice: news"),
        (["--location", "Paris"], {}, "argument --location: expected LAT,LON"),
        (["--currencies", "EUR,USD"], {}, "must not contain the base currency EUR"),
        (["--base", "euro"], {}, "argument --base: a currency is a three-letter code"),
        (["--timeout", "-1"], {}, "argument --timeout: must be a number of seconds above 0"),
        (["--total-timeout", "soon"], {}, "argument --total-timeout: expected a number"),
        ([], {"AGGREGATOR_NEWS_URL": "ftp://news"}, "argument --news-url: expected an http(s)"),
        (["--rates-url", "http://[::1"], {}, "argument --rates-url: expected an http(s) URL"),
    ],
)
def test_bad_input_exits_2_with_a_message_naming_the_problem(
    cli: ModuleType,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    env: dict[str, str],
    message: str,
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(argv, env=env, transport=mock_transport())

    err = capsys.readouterr().err
    assert exited.value.code == 2
    assert message in err
    assert "Traceback" not in err

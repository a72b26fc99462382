"""Task 5, end to end: the CLI as a user runs it, in a subprocess, against local HTTP servers."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from testkit import impl

from .fake_servers import FakeApi, Serve, serve_apis


def run_cli(urls: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {f"AGGREGATOR_{name.upper()}_URL": url for name, url in urls.items()}
    return subprocess.run(
        [sys.executable, "-m", f"week02.{impl.current()}.aggregator", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.task(5)
@pytest.mark.points(2)
def test_the_cli_prints_one_combined_report(live_server: Serve) -> None:
    result = run_cli(serve_apis(live_server), "--json", "--headlines", "3", "--currencies", "usd")

    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["weather"]["temperature_c"] == 3.4
    assert len(data["headlines"]) == 3
    assert data["rates"]["rates"] == {"USD": 1.0871}
    assert data["errors"] == {}


@pytest.mark.task(5)
@pytest.mark.points(2)
def test_a_broken_upstream_gives_a_partial_report_not_a_traceback(live_server: Serve) -> None:
    weather = FakeApi("/v1/forecast", {"latitude": 52.52}, status=200)  # fields missing

    result = run_cli(serve_apis(live_server, weather=weather))

    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "Weather: unavailable" in result.stdout
    assert "Top 3 Hacker News headlines" in result.stdout  # only 3 stories in the sample
    assert "Exchange rates for 1 EUR (2026-01-05)" in result.stdout
    assert result.stderr.startswith("error: weather: unexpected response from http://127.0.0.1:")
    assert "current: Field required" in result.stderr


@pytest.mark.task(5)
@pytest.mark.points(1)
def test_bad_input_is_a_message_and_exit_2() -> None:
    result = run_cli({}, "--currencies", "USD,dollar")

    assert result.returncode == 2
    assert "error: argument --currencies: a currency is a three-letter code" in result.stderr
    assert "Traceback" not in result.stderr

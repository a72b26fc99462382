"""Lecture 4: the regression check passes an unchanged app and fails one with a planted slowdown."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from fastapi import FastAPI, Request, Response
from week12.lectures.l4_perf_check import BASELINE, TARGET, Baseline, Load, main, perf_app

PLANTED_SECONDS = 0.05  # far above any noise: 50 ms on a request that takes a few


def slowed_app() -> FastAPI:
    """The same app with a regression planted on the guarded endpoint only."""
    app = perf_app()

    @app.middleware("http")
    async def forgotten_upstream_call(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if request.url.path == TARGET:
            await asyncio.sleep(PLANTED_SECONDS)
        return await call_next(request)

    return app


def test_the_check_passes_unchanged_and_fails_on_a_planted_slowdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline = tmp_path / "baseline.json"
    Baseline(ratio=0.0, load=Load(requests=20)).write(baseline)  # a shorter fixed load

    assert main(["--update-baseline", "--baseline", str(baseline)]) == 0
    measured = Baseline.read(baseline)
    assert measured.ratio > 0
    assert (measured.tolerance, measured.load) == (1.5, Load(requests=20))

    assert main(["--check", "--baseline", str(baseline)]) == 0
    assert capsys.readouterr().out.strip().endswith(": OK")

    assert main(["--check", "--baseline", str(baseline)], app_factory=slowed_app) == 1
    assert capsys.readouterr().out.strip().endswith(": REGRESSION")


def test_the_committed_baseline_is_readable_and_a_broken_one_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    committed = Baseline.read(BASELINE)
    assert committed.ratio > 0
    assert committed.tolerance > 1
    assert committed.load == Load()  # the CLI's load is the one the baseline was measured with
    broken = tmp_path / "baseline.json"
    broken.write_text('{"ratio": 1.2}', encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        main(["--check", "--baseline", str(broken)])
    assert exited.value.code == 2
    assert f"cannot read the baseline {broken}: KeyError('tolerance')" in capsys.readouterr().err

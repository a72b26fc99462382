"""The load-test kit (``capstone/loadtest``, ``capstone/benchmarks``), run for real at a tiny scale.

The benchmark's whole path runs once (migrate, seed in SQL, 2 uvicorn workers, log in through the
API, measure, report, chart) with a few hundred tasks and half a second of load per row; the
scripts' own logic (the timeline, the table, the chart) is checked without services.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import xml.etree.ElementTree as ET  # our own SVG, not untrusted input
from pathlib import Path
from types import ModuleType

import pytest

CAPSTONE = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"


def script(relative: str) -> ModuleType:
    """A script of capstone/loadtest or capstone/benchmarks, imported by path (no package)."""
    path = CAPSTONE / relative
    name = f"_capstone_{path.stem}"
    if name not in sys.modules:
        sys.path.insert(0, str(CAPSTONE / "loadtest"))  # bench_api imports loadgen by name
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


loadgen = script("loadtest/loadgen.py")
chart = script("loadtest/chart.py")
bench = script("benchmarks/bench_api.py")


def test_the_benchmark_runs_end_to_end_and_reports_every_row(
    postgres_url: str, tmp_path: Path
) -> None:
    report = tmp_path / "RESULTS.md"
    report.write_text("# Results\n<!-- bench:start -->\nold\n<!-- bench:end -->\nkept\n")
    code = bench.main([
        "--server-url", postgres_url, "--orgs", "2", "--projects", "2", "--tasks", "300",
        "--logins", "3", "--connections", "2", "4", "--seconds", "0.5", "--warmup", "0.1",
        "--results", str(tmp_path), "--report", str(report),
        "--server-log", str(tmp_path / "server.log"),
    ])  # fmt: skip
    assert code == 0, (tmp_path / "server.log").read_text()
    text = report.read_text()
    assert "old" not in text
    assert text.endswith("<!-- bench:end -->\nkept\n")
    rows = [line.split("|")[1:-1] for line in text.splitlines() if line.startswith("| ")]
    assert [cells[0].strip() for cells in rows[2:]] == ["2", "4"]  # after the header, a row each
    assert [cells[6].strip() for cells in rows[2:]] == ["0", "0"]  # no errors
    figures = json.loads((tmp_path / "bench.json").read_text())
    for run in figures["runs"]:
        assert run["errors"] == 0
        assert run["requests"] > 0
        assert 0 < run["p50"] <= run["p95"] <= run["p99"]
        assert sum(run["per_second"]) == run["requests"]
        assert run["cpu_ms"] > 0  # the workers' CPU was found and read
    svg = ET.fromstring((tmp_path / "bench.svg").read_text())  # noqa: S314 - our own output
    assert len(svg.findall(f"{SVG}polyline")) == 2 + 3  # a line per row, then p50/p95/p99


def test_the_seed_makes_every_role_and_people_in_two_organisations() -> None:
    people = bench.accounts(orgs=3, count=7)
    assert [(p.org_id, p.role) for p in people] == [
        (1, "viewer"), (2, "member"), (3, "admin"),  # every role in the first round
        (1, "member"), (2, "admin"), (3, "viewer"), (1, "member"),  # then other people
    ]  # fmt: skip
    assert people[0].email == "person8@org1.example"  # position 7 of organisation 1
    assert people[3].email == "person4@org1.example"  # position 3: not the first one again
    assert len({p.email for p in bench.accounts(orgs=20, count=200)}) == 200
    assert bench.ROLES.count("admin") == 2  # the last admin can never be the only one


def test_a_stall_is_the_longest_time_without_a_response() -> None:
    tally = loadgen._Tally(completed=[10.2, 10.4, 12.9, 13.0])
    per_second, gap_ms = tally.timeline(10.0, 13.5)
    assert per_second == [2, 0, 1, 1]
    assert gap_ms == pytest.approx(2500)  # 10.4 -> 12.9: the second with nothing completed
    assert loadgen._Tally().timeline(0.0, 2.0) == ([0, 0], 2000)  # never answered: all of it
    result = loadgen.Result(10, 3.5, [1.0], 0, longest_gap_ms=gap_ms)
    assert result.stalled
    assert "longest gap without a response 2500 ms" in result.summary()


def test_the_table_has_a_row_per_connection_count() -> None:
    ok = loadgen.Result(10, 2.0, [1.0, 2.0, 3.0, 4.0], 0, longest_gap_ms=12.0)
    failed = loadgen.Result(100, 2.0, [], 7, longest_gap_ms=2000.0)
    runs = [bench.Run(ok, 1.234, 0.5), bench.Run(failed, 0.5, 1.25)]
    assert bench.table(runs, "note").splitlines()[4:] == [
        "| 10 | 2 | 2.0 ms | 4.0 ms | 4.0 ms | 4 ms | 0 | 12 ms | 1.23 ms | 0.50 |",
        "| 100 | - | - | - | - | - | 7 | 2,000 ms | 0.50 ms | 1.25 |",
    ]
    with pytest.raises(ValueError, match="markers"):
        bench.replace_between_markers("# R\n", "new")


def test_the_benchmark_chart_draws_each_row_and_the_percentiles() -> None:
    runs = [
        {"connections": 10, "per_second": [90, 100, 95], "p50": 5.0, "p95": 9.0, "p99": 12.0},
        {"connections": 50, "per_second": [80, 0, 85], "p50": 25.0, "p95": 60.0, "p99": 90.0},
    ]
    svg = ET.fromstring(chart.bench_chart(runs, "Tasks"))  # noqa: S314 - our own output
    lines = svg.findall(f"{SVG}polyline")
    assert [len(line.get("points", "").split()) for line in lines] == [3, 3, 2, 2, 2]
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert {"Tasks", "10 conn.", "50 conn.", "p95", "100"} <= set(texts)  # 100: the rate axis
    with pytest.raises(ValueError, match="no runs"):
        chart.bench_chart([])


profile_summary = script("loadtest/profile_summary.py")
ROOT_FRAMES = "<module> (<string>:1);Runner.run (asyncio/runners.py:118);"
DEPS = "solve_dependencies (fastapi/dependencies/utils.py:600);"
RAW = [
    ROOT_FRAMES + DEPS + "get_current_user (capstone/solution/auth/dependencies.py:45);"
    "execute (sqlalchemy/ext/asyncio/session.py:449);_execute (asyncpg/connection.py:1800) 4",
    ROOT_FRAMES + DEPS + "RequireRole.__call__ (capstone/solution/tenancy/dependencies.py:44);"
    "MembershipRepository.get_for (capstone/solution/tenancy/repository.py:30);"
    "_compile_w_cache (sqlalchemy/sql/elements.py:700) 2",
    ROOT_FRAMES + "list_tasks (capstone/solution/tasks/router.py:50);"
    "TaskRepository.page (capstone/solution/tasks/repository.py:40);"
    "instances (sqlalchemy/orm/loading.py:200) 3",
    ROOT_FRAMES + "serialize_response (fastapi/routing.py:200) 1",
    "Thread.run (threading.py:982);Process.always_pong (uvicorn/supervisors/multiprocess.py:64);"
    "Connection._recv (multiprocessing/connection.py:395) 40",
]


def test_a_profile_is_summed_inclusively_and_by_innermost_layer() -> None:
    stacks = profile_summary.parse(RAW)
    assert [count for _, count in stacks] == [4, 2, 3, 1]  # uvicorn's heartbeat left out
    total, inclusive, layers = profile_summary.summarise(stacks)
    assert total == 10
    assert inclusive["FastAPI dependency resolution (solve_dependencies)"] == 6
    assert inclusive["who is calling: JWT + user SELECT (get_current_user)"] == 4
    assert inclusive["the membership SELECT and role check (RequireRole)"] == 2
    assert inclusive["the page's SELECT (TaskRepository.page)"] == 3
    assert inclusive["SQLAlchemy building ORM objects from rows"] == 3
    assert layers == {
        "asyncpg (the PostgreSQL driver)": 4,
        "SQLAlchemy (SQL compilation, ORM, pool, greenlet bridge)": 5,
        "FastAPI routing + dependency injection": 1,
    }
    table = profile_summary.markdown(total, inclusive, layers)
    assert "| asyncpg (the PostgreSQL driver) | 40% |" in table

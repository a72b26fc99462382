"""The load-test scripts' own logic: percentiles, HTTP framing, the results table, CSV -> chart.

Fast and service-free: the load generator runs against a tiny asyncio HTTP server in the test.
"""

from __future__ import annotations

import asyncio
import csv
import importlib.util
import io
import os
import sys
import xml.etree.ElementTree as ET  # our own SVG, not untrusted input
from pathlib import Path
from types import ModuleType

import pytest

WEEK = Path(__file__).resolve().parents[2]


def script(relative: str) -> ModuleType:
    """A script of week12/loadtest or week12/benchmarks, imported by path (they are no package)."""
    path = WEEK / relative
    name = f"_w12_{path.stem}"
    if name not in sys.modules:
        sys.path.insert(0, str(WEEK / "loadtest"))  # bench_api imports loadgen by name
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


def test_percentiles_are_nearest_rank_and_show_the_tail_the_mean_hides() -> None:
    latencies = sorted([5.0] * 98 + [1000.0] * 2)
    assert sum(latencies) / len(latencies) == pytest.approx(24.9)  # no request took 25 ms
    assert [loadgen.percentile(latencies, p) for p in (50, 95, 98, 99, 100)] == [
        5.0, 5.0, 5.0, 1000.0, 1000.0,
    ]  # fmt: skip
    assert loadgen.percentile([7.0], 1) == 7.0
    with pytest.raises(ValueError, match="no values"):
        loadgen.percentile([], 50)
    with pytest.raises(ValueError, match="percentile"):
        loadgen.percentile([1.0], 0)


def test_the_request_is_built_once_with_its_headers() -> None:
    raw = loadgen.build_request(
        "http://127.0.0.1:8123/api/v2/tasks?limit=5", {"Authorization": "Bearer t"}
    )
    assert raw == (
        b"GET /api/v2/tasks?limit=5 HTTP/1.1\r\nHost: 127.0.0.1:8123\r\n"
        b"Accept: application/json\r\nAuthorization: Bearer t\r\n\r\n"
    )


def test_response_heads_are_framed_by_content_length() -> None:
    head = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nContent-Length: 12\r\n\r\n"
    assert loadgen.parse_head(head) == (200, 12, True)
    assert loadgen.parse_head(b"HTTP/1.1 304 Not Modified\r\n\r\n") == (304, 0, True)
    closing = b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    assert loadgen.parse_head(closing) == (503, 0, False)
    with pytest.raises(loadgen.FramingError, match="Content-Length"):
        loadgen.parse_head(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
    with pytest.raises(loadgen.FramingError, match="status line"):
        loadgen.parse_head(b"garbage\r\n\r\n")


async def serve_tiny(statuses: list[int]) -> asyncio.Server:
    """A keep-alive HTTP server answering each request with the next status of ``statuses``."""
    answers = iter(statuses * 1_000_000)

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                await reader.readuntil(b"\r\n\r\n")
                body = b'{"ok":true}'
                writer.write(
                    b"HTTP/1.1 %d X\r\nContent-Length: %d\r\n\r\n%s"
                    % (next(answers), len(body), body)
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    return await asyncio.start_server(handle, "127.0.0.1", 0)


async def test_the_generator_counts_requests_and_server_errors_after_the_warm_up() -> None:
    server = await serve_tiny([200, 200, 200, 500])
    port = server.sockets[0].getsockname()[1]
    url = f"http://127.0.0.1:{port}/x"
    async with server:
        result = await loadgen.run(url, [loadgen.build_request(url)], 3, duration=0.3, warmup=0.1)
    assert result.connections == 3
    assert result.requests > 20
    assert result.statuses[500] == result.errors > 0  # the 5xx are errors, not latencies
    assert result.statuses[200] == len(result.latencies_ms)
    assert result.latencies_ms == sorted(result.latencies_ms)
    assert result.throughput == pytest.approx(result.requests / result.seconds)
    assert "3 connections:" in result.summary()


async def test_refused_connections_are_errors_not_a_crash() -> None:
    server = await serve_tiny([200])
    port = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()  # nothing listens on the port any more
    url = f"http://127.0.0.1:{port}/x"
    result = await loadgen.run(url, [loadgen.build_request(url)], 2, duration=0.1)
    assert result.errors > 0
    assert result.latencies_ms == []
    assert result.summary().endswith("all failed")


HEADER = (
    '"Timestamp","User Count","Type","Name","Requests/s","Failures/s","50%","66%","75%","80%",'
    '"90%","95%","98%","99%","99.9%","99.99%","100%"\n'
)
HISTORY = (
    HEADER
    + """\
"1000","5","","Aggregated","0.000000","0.000000","N/A","N/A","N/A","N/A","N/A","N/A","N/A","N/A","N/A","N/A","N/A"
"1002","10","GET","/api/v2/tasks","40.0","0","12","13","14","15","18","21","25","30","40","40","40"
"1002","10","","Aggregated","50.000000","0.000000","12","13","14","15","18","22","26","31","41","41","41"
"1004","20","","Aggregated","95.500000","0.000000","14","15","16","17","20","35","60","80","90","90","90"
"""
)


def test_the_history_keeps_the_aggregated_rows_from_the_first_one_on() -> None:
    points = chart.read_history(csv.DictReader(io.StringIO(HISTORY)))
    assert [(p.seconds, p.users, p.rps) for p in points] == [(0, 5, 0), (2, 10, 50), (4, 20, 95.5)]
    assert points[0].latency_ms == {"p50": None, "p95": None, "p99": None}  # "N/A" at the start
    assert points[2].latency_ms == {"p50": 14, "p95": 35, "p99": 80}
    assert chart.read_history([]) == []


def test_the_chart_is_an_svg_with_one_line_per_series_and_scaled_axes() -> None:
    points = chart.read_history(csv.DictReader(io.StringIO(HISTORY)))
    svg = ET.fromstring(chart.svg_chart(points, "Mix"))  # noqa: S314 - our own output
    ns = "{http://www.w3.org/2000/svg}"
    lines = svg.findall(f"{ns}polyline")
    assert [line.get("stroke") for line in lines] == ["#333", "#1b9e77", "#d95f02", "#7570b3"]
    throughput = lines[0].get("points", "").split()
    assert len(throughput) == 3  # every point, the N/A one included (0 req/s)
    assert len(lines[1].get("points", "").split()) == 2  # latency: the N/A point left out
    texts = [t.text for t in svg.iter(f"{ns}text")]
    assert "Mix: 4 s, up to 20 users" in texts
    assert "100" in texts  # the throughput axis tops out at a round 100 above 95.5
    with pytest.raises(ValueError, match="Aggregated"):
        chart.svg_chart([])


@pytest.mark.parametrize(
    ("value", "top"), [(0, 1), (0.3, 0.5), (1, 1), (95.5, 100), (101, 200), (4200, 5000)]
)
def test_axis_tops_are_round(value: float, top: float) -> None:
    assert chart.nice_ceiling(value) == pytest.approx(top)


def test_the_bench_table_and_its_place_in_the_results() -> None:
    ok = loadgen.Result(10, 2.0, [1.0, 2.0, 3.0, 4.0], 0)
    failed = loadgen.Result(100, 2.0, [], 7)
    runs = [bench.Run("as it is", ok, 1.234), bench.Run("as it is", failed, 0.5)]
    assert bench.table(runs, "note").splitlines()[4:] == [
        "| as it is | 10 | 2 | 2.0 ms | 4.0 ms | 4.0 ms | 0 | 1.23 ms |",
        "| as it is | 100 | - | - | - | - | 7 | 0.50 ms |",
    ]
    doc = "# R\n<!-- bench:start -->\nold\n<!-- bench:end -->\nafter\n"
    assert bench.replace_between_markers(doc, "new") == (
        "# R\n<!-- bench:start -->\nnew\n<!-- bench:end -->\nafter\n"
    )
    with pytest.raises(ValueError, match="markers"):
        bench.replace_between_markers("# R\n", "new")
    assert bench.week_of("week11.solution.main:create_app").name == "week11"


def test_cpu_time_is_read_for_the_processes_given() -> None:
    spent = bench.cpu_seconds([os.getpid()])
    sum(range(2_000_000))  # some CPU work of this process
    assert bench.cpu_seconds([os.getpid()]) > spent > 0


profile_summary = script("loadtest/profile_summary.py")
ROOT_FRAMES = "<module> (<string>:1);Runner.run (asyncio/runners.py:118);"
DEPS = "solve_dependencies (fastapi/dependencies/utils.py:600);"
RAW = [
    ROOT_FRAMES + DEPS + "get (week11/solution/users/repository.py:20);"
    "execute (sqlalchemy/ext/asyncio/session.py:449);_execute (asyncpg/connection.py:1800) 6",
    ROOT_FRAMES + DEPS + "is_revoked (week11/solution/auth/denylist.py:40);"
    "execute_command (redis/asyncio/client.py:600) 2",
    ROOT_FRAMES + "list_tasks (week11/solution/tasks/router_v2.py:150);"
    "task_read (week11/solution/tasks/router_v2.py:80) 1",
    ROOT_FRAMES + "serialize_response (fastapi/routing.py:200);dumps (json/__init__.py:231) 1",
    "Thread.run (threading.py:982);Process.always_pong (uvicorn/supervisors/multiprocess.py:64);"
    "Connection._recv (multiprocessing/connection.py:395) 40",
    "not a stack line",
]


def test_a_profile_is_summed_inclusively_and_by_innermost_layer() -> None:
    stacks = profile_summary.parse(RAW)
    assert [count for _, count in stacks] == [6, 2, 1, 1]  # no heartbeat, no malformed line
    total, inclusive, layers = profile_summary.summarise(stacks)
    assert total == 10
    assert inclusive["FastAPI dependency resolution (solve_dependencies)"] == 8
    assert inclusive["the endpoint function (list_tasks)"] == 1
    assert layers == {
        "PostgreSQL driver + SQLAlchemy (DB round-trips)": 6,  # asyncpg, inside the dependency
        "Redis client (cache, deny-list)": 2,
        "the app's own code": 1,
        "JSON encoding": 1,
    }
    table = profile_summary.markdown(total, inclusive, layers)
    assert "| PostgreSQL driver + SQLAlchemy (DB round-trips) | 60% |" in table
    assert "| FastAPI dependency resolution (solve_dependencies) | 80% |" in table
    assert profile_summary.markdown(0, {}, {}).startswith("No samples")

"""Charts (SVG) of a load test: the benchmark's results or a locust run's history.

    uv run python capstone/loadtest/chart.py capstone/loadtest/results/bench.json
    uv run python capstone/loadtest/chart.py capstone/loadtest/results/read_stats_history.csv

- ``bench.json`` (``bench_api.py`` writes it): responses completed per second through each
  measured row (a stall is a dip to zero) and the p50/p95/p99 latency per connection count;
- ``PREFIX_stats_history.csv`` (``locust --csv PREFIX``): a row every few seconds per endpoint plus
  an ``Aggregated`` row, which is the one charted: throughput and p50/p95/p99 over the run.

SVG is text, so a small writer of our own draws it (no plotting library to install); GitHub and
browsers show it, and a diff of it can be read. The output goes beside the input (``--out``).
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WIDTH, HEIGHT, MARGIN, GAP = 720, 220, 56, 40
LATENCY_SERIES = (("50%", "p50", "#1b9e77"), ("95%", "p95", "#d95f02"), ("99%", "p99", "#7570b3"))


@dataclass(frozen=True)
class Point:
    seconds: float  # since the first row
    users: int
    rps: float
    latency_ms: dict[str, float | None]  # "p50"/"p95"/"p99"; None while locust has no data yet


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:  # locust writes "N/A" before the first response
        return None


def read_history(rows: Iterable[dict[str, str]]) -> list[Point]:
    """The ``Aggregated`` rows of a locust stats history, as points in time."""
    aggregated = [row for row in rows if row.get("Name") == "Aggregated"]
    if not aggregated:
        return []
    start = float(aggregated[0]["Timestamp"])
    return [
        Point(
            seconds=float(row["Timestamp"]) - start,
            users=int(row["User Count"]),
            rps=_number(row["Requests/s"]) or 0.0,
            latency_ms={label: _number(row[column]) for column, label, _ in LATENCY_SERIES},
        )
        for row in aggregated
    ]


def nice_ceiling(value: float) -> float:
    """The axis top: 1, 2 or 5 times a power of ten, at least ``value``."""
    if value <= 0:
        return 1.0
    step = 1.0
    while step * 10 <= value:
        step *= 10
    while step > value:
        step /= 10
    return next(m * step for m in (1, 2, 5, 10) if m * step >= value)


Series = list[tuple[str, str, list[tuple[float, float]]]]  # (label, colour, points)


def _panel(
    top: int, title: str, series: Series, span: float, x_labels: Sequence[float] = ()
) -> list[str]:
    """One chart panel: axes, a title, gridlines at quarters, a polyline per series, and
    ``x_labels`` (x values, 0..span) written under the axis."""
    values = [y for _, _, pts in series for _, y in pts]
    ymax = nice_ceiling(max(values, default=0.0))
    left, right, bottom = MARGIN, WIDTH - 16, top + HEIGHT
    out = [f'<text x="{left}" y="{top - 8}" font-weight="bold">{title}</text>']
    for x in x_labels:
        out.append(f'<text x="{left + (right - left) * x / span:.1f}" y="{bottom + 16}" '
                   f'text-anchor="middle">{x:g}</text>')  # fmt: skip
    for quarter in range(5):
        y = bottom - quarter * HEIGHT / 4
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">'
                   f"{ymax * quarter / 4:g}</text>")  # fmt: skip
    for index, (label, colour, points) in enumerate(series):
        coords = " ".join(
            f"{left + (right - left) * x / span:.1f},{bottom - HEIGHT * y / ymax:.1f}"
            for x, y in points
        )
        out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{coords}"/>')
        out.append(f'<text x="{right - 60 * (len(series) - index)}" y="{top - 8}" '
                   f'fill="{colour}">{label}</text>')  # fmt: skip
    return out


def svg_chart(points: list[Point], title: str = "Load test") -> str:
    """An SVG of throughput and latency percentiles over the run."""
    if not points:
        raise ValueError("no Aggregated rows in the history: is this a locust stats_history CSV?")
    span = max(points[-1].seconds, 1.0)
    rps = [("req/s", "#333", [(p.seconds, p.rps) for p in points])]
    latency = [
        (label, colour, [(p.seconds, v) for p in points if (v := p.latency_ms[label]) is not None])
        for _, label, colour in LATENCY_SERIES
    ]
    height = 2 * (HEIGHT + GAP) + GAP
    peak = max(p.users for p in points)
    body = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'font-family="sans-serif" font-size="12">',
        f'<rect width="{WIDTH}" height="{height}" fill="white"/>',
        f'<text x="{WIDTH / 2}" y="18" text-anchor="middle" font-size="14">'
        f"{title}: {span:.0f} s, up to {peak} users</text>",
        *_panel(GAP + 10, "Throughput (requests/s)", rps, span),
        *_panel(2 * GAP + HEIGHT + 10, "Latency (ms)", latency, span),
        "</svg>",
    ]
    return "\n".join(body) + "\n"


ROW_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#333")


def bench_chart(runs: list[dict[str, Any]], title: str = "Benchmark") -> str:
    """An SVG of ``bench.json``'s rows: completions per second through each row, one line per
    connection count, and the latency percentiles against the connection count."""
    if not runs:
        raise ValueError("no runs in the benchmark's results")
    span = max(max(len(run["per_second"]) - 1 for run in runs), 1)
    rates: Series = [
        (f"{run['connections']} conn.", ROW_COLOURS[index % len(ROW_COLOURS)],
         [(float(second), float(count)) for second, count in enumerate(run["per_second"])])
        for index, run in enumerate(runs)
    ]  # fmt: skip
    connections = [float(run["connections"]) for run in runs]
    latency: Series = [
        (label, colour, [(float(run["connections"]), float(run[label])) for run in runs
                         if run[label] is not None])
        for _, label, colour in LATENCY_SERIES
    ]  # fmt: skip
    height = 2 * (HEIGHT + GAP) + GAP
    body = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'font-family="sans-serif" font-size="12">',
        f'<rect width="{WIDTH}" height="{height}" fill="white"/>',
        f'<text x="{WIDTH / 2}" y="18" text-anchor="middle" font-size="14">{title}</text>',
        *_panel(GAP + 10, "Responses per second, through each row (s)", rates, span,
                range(0, span + 1, max(1, span // 10))),
        *_panel(2 * GAP + HEIGHT + 10, "Latency (ms) by connections", latency,
                max(connections), connections),
        "</svg>",
    ]  # fmt: skip
    return "\n".join(body) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("input", type=Path,
                        help="bench.json, or PREFIX_stats_history.csv from locust --csv")  # fmt: skip
    parser.add_argument("--out", type=Path, help="the SVG (default: beside the input)")
    parser.add_argument("--title", default="")
    args = parser.parse_args(argv)
    # bench.json -> bench.svg; mix_stats_history.csv -> mix.svg
    out = args.out or args.input.with_name(args.input.name.split("_stats_history")[0]).with_suffix(
        ".svg"
    )
    if args.input.suffix == ".json":
        runs = json.loads(args.input.read_text(encoding="utf-8"))["runs"]
        out.write_text(bench_chart(runs, args.title or "Task list, first page of 20"))
        print(f"{out}: {len(runs)} rows")
        return
    with args.input.open(newline="", encoding="utf-8") as file:
        points = read_history(csv.DictReader(file))
    out.write_text(svg_chart(points, args.title or "Capstone under locust"), encoding="utf-8")
    print(f"{out}: {len(points)} points")


if __name__ == "__main__":
    main()

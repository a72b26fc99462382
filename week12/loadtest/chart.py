"""Turn a locust run's CSV history into a chart image (SVG): throughput, and p50/p95/p99 latency,
over the run, with the number of simulated users.

    uv run python week12/loadtest/chart.py week12/loadtest/results/mix_stats_history.csv \\
        --out week12/loadtest/results/mix.svg

The input is what ``locust --csv PREFIX`` writes as ``PREFIX_stats_history.csv``: a row every few
seconds per endpoint plus an ``Aggregated`` row, which is the one charted. SVG is text, so a
small writer of our own draws it (about 60 lines, no plotting library to install), GitHub and
browsers show it, and a diff of it can be read.
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

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


def _panel(
    top: int, title: str, series: list[tuple[str, str, list[tuple[float, float]]]], span: float
) -> list[str]:
    """One chart panel: axes, a title, gridlines at quarters, and a polyline per series."""
    values = [y for _, _, pts in series for _, y in pts]
    ymax = nice_ceiling(max(values, default=0.0))
    left, right, bottom = MARGIN, WIDTH - 16, top + HEIGHT
    out = [f'<text x="{left}" y="{top - 8}" font-weight="bold">{title}</text>']
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("history", type=Path, help="PREFIX_stats_history.csv from locust --csv")
    parser.add_argument("--out", type=Path, help="the SVG (default: beside the CSV)")
    parser.add_argument("--title", default="Task Manager API under locust")
    args = parser.parse_args(argv)
    with args.history.open(newline="", encoding="utf-8") as file:
        points = read_history(csv.DictReader(file))
    out = args.out or args.history.with_suffix(".svg")
    out.write_text(svg_chart(points, args.title), encoding="utf-8")
    print(f"{out}: {len(points)} points")


if __name__ == "__main__":
    main()

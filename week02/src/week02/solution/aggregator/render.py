"""Turn a report into text: a readable table for people, or JSON for programs."""

from __future__ import annotations

from .models import Report


def render_table(report: Report) -> str:
    """A section per source asked for; a failed one is "unavailable" (the CLI prints why)."""
    # BEGIN SOLUTION a section per source with data; 'unavailable' if failed
    lines: list[str] = []
    if (w := report.weather) is not None:
        lines += [
            f"Weather at {w.latitude:g}, {w.longitude:g} ({w.observed_at})",
            f"  {w.temperature_c:.1f} °C, wind {w.wind_speed_kmh:.1f} km/h, {w.conditions}",
        ]
        lines += [
            f"  {d.date:%a %Y-%m-%d}  {d.min_c:5.1f} to {d.max_c:5.1f} °C, {d.conditions}"
            for d in w.forecast
        ]
    elif "weather" in report.errors:
        lines.append("Weather: unavailable")
    if report.headlines is not None:
        lines.append(f"Top {len(report.headlines)} Hacker News headlines")
        for number, h in enumerate(report.headlines, start=1):
            link = f" <{h.url}>" if h.url else ""
            lines.append(f"  {number:>2}. {h.title} ({h.points} points, by {h.author}){link}")
    elif "news" in report.errors:
        lines.append("Headlines: unavailable")
    if (r := report.rates) is not None:
        lines.append(f"Exchange rates for 1 {r.base} ({r.date.isoformat()})")
        lines += [f"  {code}  {rate:>12.4f}" for code, rate in r.rates.items()]
    elif "rates" in report.errors:
        lines.append("Exchange rates: unavailable")
    return "\n".join(lines)
    # END SOLUTION


def render_json(report: Report) -> str:
    """The whole report as JSON; a failed source is ``null`` and named in ``errors``."""
    # BEGIN SOLUTION dump the whole report as indented JSON with pydantic
    return report.model_dump_json(indent=2)
    # END SOLUTION

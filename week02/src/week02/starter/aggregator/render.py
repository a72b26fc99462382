"""Turn a report into text: a readable table for people, or JSON for programs."""

from __future__ import annotations

from .models import Report


def render_table(report: Report) -> str:
    """A section per source asked for; a failed one is "unavailable" (the CLI prints why)."""
    raise NotImplementedError("TODO: a section per source with data; 'unavailable' if failed")


def render_json(report: Report) -> str:
    """The whole report as JSON; a failed source is ``null`` and named in ``errors``."""
    raise NotImplementedError("TODO: dump the whole report as indented JSON with pydantic")

"""The command line: parse and check the options, fetch concurrently, print, choose the exit code.

Exit codes: 0 every source answered, 1 partial failure (some sources missing), 2 bad input,
3 every source asked for failed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

import httpx

from .aggregate import aggregate
from .config import (
    DEFAULT_URLS,
    ENV_VARS,
    MAX_DAYS,
    MAX_HEADLINES,
    MAX_RETRIES,
    BaseUrls,
    Query,
    default_url,
    parse_base_url,
    parse_currencies,
    parse_currency,
    parse_location,
    parse_sources,
)
from .models import Report
from .render import render_json, render_table

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3
T = TypeVar("T")


def _checked(parse: Callable[[str], T]) -> Callable[[str], T]:
    """Adapt a parser raising ``ValueError`` so argparse prints our message, not a generic one.

    argparse shows the message of an ``argparse.ArgumentTypeError`` raised by a ``type=``
    function; for a ``ValueError`` it prints only "invalid <name> value".
    """
    raise NotImplementedError("TODO: a function: parse(text), ValueError -> ArgumentTypeError")


def _whole_number(low: int, high: int) -> Callable[[str], int]:
    """A parser of whole numbers from ``low`` to ``high``: ``"5"`` -> ``5``, else ``ValueError``."""
    raise NotImplementedError("TODO: a function: int(text), or ValueError naming the problem")


def _seconds(text: str) -> float:
    """``"2.5"`` -> ``2.5``: seconds above 0 and at most 300; ``ValueError`` otherwise."""
    raise NotImplementedError("TODO: float(text), or ValueError unless 0 < seconds <= 300")


def build_parser(env: Mapping[str, str]) -> argparse.ArgumentParser:
    """The options of the brief's table, each checked by a ``parse_*`` function via ``_checked``.

    The ``--<source>-url`` defaults come from ``env`` (``default_url``), so the tests can point
    the CLI at mocked or local APIs without touching ``os.environ``.
    """
    raise NotImplementedError("TODO: one add_argument per option, typed with _checked(parse_...)")


def exit_code(report: Report) -> int:
    """0 when nothing failed, 3 when every source asked for failed, 1 in between."""
    raise NotImplementedError("TODO: 0 without errors; 3 if no section has data; else 1")


async def fetch_report(
    args: argparse.Namespace, transport: httpx.AsyncBaseTransport | None = None
) -> Report:
    """One client for all requests (connection pooling); ``transport`` lets tests mock the APIs."""
    raise NotImplementedError("TODO: one AsyncClient (timeout, transport) for aggregate()")


def main(
    argv: Sequence[str] | None = None,
    env: Mapping[str, str] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> int:
    """Run the CLI and return its exit code; bad input exits with 2 and a message (argparse)."""
    raise NotImplementedError("TODO: parse args; fetch; print report and errors; exit code")

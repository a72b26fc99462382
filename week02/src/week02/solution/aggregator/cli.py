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
    # BEGIN SOLUTION a function: parse(text), ValueError -> ArgumentTypeError

    def convert(text: str) -> T:
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return convert
    # END SOLUTION


def _whole_number(low: int, high: int) -> Callable[[str], int]:
    """A parser of whole numbers from ``low`` to ``high``: ``"5"`` -> ``5``, else ``ValueError``."""
    # BEGIN SOLUTION a function: int(text), or ValueError naming the problem

    def parse(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            raise ValueError(f"expected a whole number, got {text!r}") from None
        if not low <= number <= high:
            raise ValueError(f"must be between {low} and {high}, got {number}")
        return number

    return parse
    # END SOLUTION


def _seconds(text: str) -> float:
    """``"2.5"`` -> ``2.5``: seconds above 0 and at most 300; ``ValueError`` otherwise."""
    # BEGIN SOLUTION float(text), or ValueError unless 0 < seconds <= 300
    try:
        seconds = float(text)
    except ValueError:
        raise ValueError(f"expected a number of seconds, got {text!r}") from None
    if not 0 < seconds <= 300:  # also rejects nan
        raise ValueError(f"must be a number of seconds above 0 and at most 300, got {text}")
    return seconds
    # END SOLUTION


def build_parser(env: Mapping[str, str]) -> argparse.ArgumentParser:
    """The options of the brief's table, each checked by a ``parse_*`` function via ``_checked``.

    The ``--<source>-url`` defaults come from ``env`` (``default_url``), so the tests can point
    the CLI at mocked or local APIs without touching ``os.environ``.
    """
    # BEGIN SOLUTION one add_argument per option, typed with _checked(parse_...)
    parser = argparse.ArgumentParser(
        prog="aggregator",
        description="Weather, Hacker News headlines and exchange rates, fetched concurrently.",
        epilog="Exit codes: 0 all answered, 1 some failed, 2 bad input, 3 every source asked for failed.",
    )
    parser.add_argument(
        "--sources",
        type=_checked(parse_sources),
        default=",".join(DEFAULT_URLS),
        metavar="NAMES",
        help="comma-separated sources to ask (default: %(default)s)",
    )
    parser.add_argument(
        "--location",
        type=_checked(parse_location),
        default="52.52,13.41",
        metavar="LAT,LON",
        help="where the weather is for (default: %(default)s, which is Berlin)",
    )
    parser.add_argument(
        "--base", type=_checked(parse_currency), default="EUR", help="base currency (%(default)s)"
    )
    parser.add_argument(
        "--currencies",
        type=_checked(parse_currencies),
        default="USD,GBP,JPY",
        metavar="CODES",
        help="comma-separated currencies to show (default: %(default)s)",
    )
    parser.add_argument(
        "--days",
        type=_checked(_whole_number(1, MAX_DAYS)),
        default=3,
        metavar="N",
        help=f"days of weather forecast, today included, 1-{MAX_DAYS} (default: %(default)s)",
    )
    parser.add_argument(
        "--headlines",
        type=_checked(_whole_number(1, MAX_HEADLINES)),
        default=5,
        metavar="N",
        help=f"number of headlines, 1-{MAX_HEADLINES} (default: %(default)s)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--timeout",
        type=_checked(_seconds),
        default=5.0,
        metavar="SECONDS",
        help="timeout of each request (default: %(default)s)",
    )
    parser.add_argument(
        "--retries",
        type=_checked(_whole_number(0, MAX_RETRIES)),
        default=1,
        metavar="N",
        help=f"retries of a timeout, network error or 5xx, 0-{MAX_RETRIES} (default: %(default)s)",
    )
    parser.add_argument(
        "--total-timeout",
        type=_checked(_seconds),
        default=10.0,
        metavar="SECONDS",
        help="give up on every source still running after this (default: %(default)s)",
    )
    for source in DEFAULT_URLS:
        parser.add_argument(
            f"--{source}-url",
            type=_checked(parse_base_url),
            default=default_url(source, env),
            metavar="URL",
            help=f"base URL of the {source} API (env {ENV_VARS[source]}; default: %(default)s)",
        )
    return parser
    # END SOLUTION


def exit_code(report: Report) -> int:
    """0 when nothing failed, 3 when every source asked for failed, 1 in between."""
    # BEGIN SOLUTION 0 without errors; 3 if no section has data; else 1
    if not report.errors:
        return EXIT_OK
    sections = (report.weather, report.headlines, report.rates)
    return EXIT_PARTIAL if any(section is not None for section in sections) else EXIT_FAILED
    # END SOLUTION


async def fetch_report(
    args: argparse.Namespace, transport: httpx.AsyncBaseTransport | None = None
) -> Report:
    """One client for all requests (connection pooling); ``transport`` lets tests mock the APIs."""
    # BEGIN SOLUTION one AsyncClient (timeout, transport) for aggregate()
    query = Query(
        location=args.location,
        base_currency=args.base,
        currencies=args.currencies,
        headlines=args.headlines,
        days=args.days,
        retries=args.retries,
        sources=args.sources,
    )
    urls = BaseUrls(args.weather_url, args.news_url, args.rates_url)
    async with httpx.AsyncClient(
        timeout=httpx.Timeout(args.timeout),
        transport=transport,
        headers={"User-Agent": "week02-aggregator (Python backend course)"},
        follow_redirects=True,
    ) as client:
        return await aggregate(client, query, urls, args.total_timeout)
    # END SOLUTION


def main(
    argv: Sequence[str] | None = None,
    env: Mapping[str, str] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> int:
    """Run the CLI and return its exit code; bad input exits with 2 and a message (argparse)."""
    # BEGIN SOLUTION parse args; fetch; print report and errors; exit code
    parser = build_parser(os.environ if env is None else env)
    args = parser.parse_args(argv)
    if "rates" in args.sources and args.base in args.currencies:
        parser.error(f"--currencies must not contain the base currency {args.base}")
    report = asyncio.run(fetch_report(args, transport))
    print(render_json(report) if args.json else render_table(report))
    for source, message in report.errors.items():
        print(f"error: {source}: {message}", file=sys.stderr)
    return exit_code(report)
    # END SOLUTION

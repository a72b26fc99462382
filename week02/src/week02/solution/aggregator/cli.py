"""The command line: parse and check the options, fetch concurrently, print, choose the exit code.

Exit codes: 0 every source answered, 1 partial failure (some sources missing), 2 bad input,
3 every source failed.
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
    MAX_HEADLINES,
    BaseUrls,
    Query,
    default_url,
    parse_base_url,
    parse_currencies,
    parse_currency,
    parse_location,
)
from .models import Report
from .render import render_json, render_table

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3
T = TypeVar("T")


def _checked(parse: Callable[[str], T]) -> Callable[[str], T]:
    """Adapt a parser raising ``ValueError`` so argparse prints our message, not a generic one."""

    def convert(text: str) -> T:
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return convert


def _headline_count(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        raise ValueError(f"expected a whole number, got {text!r}") from None
    if not 1 <= count <= MAX_HEADLINES:
        raise ValueError(f"must be between 1 and {MAX_HEADLINES}, got {count}")
    return count


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise ValueError(f"expected a number of seconds, got {text!r}") from None
    if not 0 < seconds <= 300:  # also rejects nan
        raise ValueError(f"must be a number of seconds above 0 and at most 300, got {text}")
    return seconds


def build_parser(env: Mapping[str, str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aggregator",
        description="Weather, Hacker News headlines and exchange rates, fetched concurrently.",
        epilog="Exit codes: 0 all sources answered, 1 some failed, 2 bad input, 3 all failed.",
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
        "--headlines",
        type=_checked(_headline_count),
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


def exit_code(report: Report) -> int:
    """0 when nothing failed, 3 when everything failed, 1 for anything in between."""
    # BEGIN SOLUTION compare the number of errors with the number of sources (3)
    if not report.errors:
        return EXIT_OK
    return EXIT_FAILED if len(report.errors) == len(DEFAULT_URLS) else EXIT_PARTIAL
    # END SOLUTION


async def fetch_report(
    args: argparse.Namespace, transport: httpx.AsyncBaseTransport | None = None
) -> Report:
    """One client for all requests (connection pooling); ``transport`` lets tests mock the APIs."""
    query = Query(args.location, args.base, args.currencies, args.headlines)
    urls = BaseUrls(args.weather_url, args.news_url, args.rates_url)
    async with httpx.AsyncClient(
        timeout=httpx.Timeout(args.timeout),
        transport=transport,
        headers={"User-Agent": "week02-aggregator (Python backend course)"},
        follow_redirects=True,
    ) as client:
        return await aggregate(client, query, urls, args.total_timeout)


def main(
    argv: Sequence[str] | None = None,
    env: Mapping[str, str] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> int:
    """Run the CLI and return its exit code; bad input exits with 2 and a message (argparse)."""
    parser = build_parser(os.environ if env is None else env)
    args = parser.parse_args(argv)
    # BEGIN SOLUTION reject base in --currencies; fetch, print, return exit code
    if args.base in args.currencies:
        parser.error(f"--currencies must not contain the base currency {args.base}")
    report = asyncio.run(fetch_report(args, transport))
    print(render_json(report) if args.json else render_table(report))
    for source, message in report.errors.items():
        print(f"error: {source}: {message}", file=sys.stderr)
    return exit_code(report)
    # END SOLUTION

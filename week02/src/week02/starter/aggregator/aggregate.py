"""Run the three sources concurrently and combine whatever succeeded into one report."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import TypeVar

import httpx

from .config import BaseUrls, Query
from .errors import SourceError
from .models import Report
from .sources import fetch_headlines, fetch_rates, fetch_weather

T = TypeVar("T")


@dataclass(frozen=True)
class Failure:
    """Why a source has no data in the report."""

    message: str


async def settle(work: Awaitable[T], deadline: float, total_timeout: float) -> T | Failure:
    """Await ``work`` until ``deadline`` (event-loop time); expected failures become ``Failure``.

    Catching here, inside each task, is what keeps one failing source from cancelling the
    others: a ``TaskGroup`` cancels every sibling as soon as one task raises.
    """
    raise NotImplementedError("TODO: await work before the deadline; expected errors -> Failure")


async def aggregate(
    client: httpx.AsyncClient, query: Query, urls: BaseUrls, total_timeout: float
) -> Report:
    """Fetch the sources of ``query.sources`` at once; a failed one is named in ``Report.errors``.

    A source not asked for is not fetched: its section stays ``None`` and it has no error.
    """
    raise NotImplementedError("TODO: a task per source asked for, one TaskGroup; the Report")

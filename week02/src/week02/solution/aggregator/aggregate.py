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
    # BEGIN SOLUTION await work before the deadline; expected errors -> Failure
    try:
        async with asyncio.timeout_at(deadline):
            return await work
    except TimeoutError:
        return Failure(f"no answer within the total timeout of {total_timeout:g} s")
    except SourceError as exc:
        return Failure(str(exc))
    # END SOLUTION


async def aggregate(
    client: httpx.AsyncClient, query: Query, urls: BaseUrls, total_timeout: float
) -> Report:
    """Fetch the sources of ``query.sources`` at once; a failed one is named in ``Report.errors``.

    A source not asked for is not fetched: its section stays ``None`` and it has no error.
    """
    # BEGIN SOLUTION a task per source asked for, one TaskGroup; the Report
    deadline = asyncio.get_running_loop().time() + total_timeout
    wanted, retries = query.sources, query.retries
    async with asyncio.TaskGroup() as group:

        def start(work: Awaitable[T]) -> asyncio.Task[T | Failure]:
            return group.create_task(settle(work, deadline, total_timeout))

        weather = (
            start(fetch_weather(client, urls.weather, query.location, query.days, retries))
            if "weather" in wanted
            else None
        )
        news = (
            start(fetch_headlines(client, urls.news, query.headlines, retries))
            if "news" in wanted
            else None
        )
        rates = (
            start(fetch_rates(client, urls.rates, query.base_currency, query.currencies, retries))
            if "rates" in wanted
            else None
        )
    w = weather.result() if weather else None
    n = news.result() if news else None
    r = rates.result() if rates else None
    named = (("weather", w), ("news", n), ("rates", r))
    return Report(
        weather=None if isinstance(w, Failure) else w,
        headlines=None if isinstance(n, Failure) else n,
        rates=None if isinstance(r, Failure) else r,
        errors={name: res.message for name, res in named if isinstance(res, Failure)},
    )
    # END SOLUTION

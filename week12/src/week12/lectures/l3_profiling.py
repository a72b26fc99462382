"""Profiling: let the profiler say where the time goes, then fix that and measure again.

``cProfile`` (standard library) counts every function call: exact call counts, and cumulative time
per function. ``profile_top`` runs a callable under it and returns the functions that took the
most cumulative time, as ``pstats`` prints them. (``pyinstrument``, a sampling profiler, shows the
same as a call tree with less overhead: ``pyinstrument -m uvicorn ...`` or its ASGI middleware.)

The demo: building a report that checks each title against a list of reserved words is slow, and
the profile names the culprit, ``is_reserved``, with its call count. A ``frozenset`` makes each
check O(1) instead of a scan of the list.
"""

from __future__ import annotations

import cProfile
import io
import pstats
from collections.abc import Callable
from typing import Any

RESERVED = [f"word{n}" for n in range(2000)]
RESERVED_SET = frozenset(RESERVED)


def is_reserved(title: str) -> bool:
    return title in RESERVED  # a list: a linear scan per call


def is_reserved_fast(title: str) -> bool:
    return title in RESERVED_SET


def build_report(titles: list[str], check: Callable[[str], bool] = is_reserved) -> list[str]:
    return [title.upper() for title in titles if not check(title)]


def profile_top(func: Callable[..., Any], *args: Any, limit: int = 5) -> str:
    """The ``limit`` functions with the most cumulative time while running ``func(*args)``."""
    profiler = cProfile.Profile()
    profiler.runcall(func, *args)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(limit)
    return out.getvalue()

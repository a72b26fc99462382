"""Where a worker's time goes: a py-spy profile (collapsed stacks) summed into a few buckets.

    uvx py-spy record --pid <uvicorn worker> --duration 20 --format raw --output worker.txt
    uv run python capstone/loadtest/profile_summary.py worker.txt

``bench_api.py --profile 15`` does both under 10 connections of the task list. py-spy samples the
running process from outside (no code change, little overhead) and, without ``--idle``, records
only samples where Python is working, so the shares are shares of CPU time.

Two views of the same samples:

- *inclusive*: the share of samples with a given frame anywhere on the stack (all the time spent
  inside FastAPI's dependency resolution, say, including the database calls it makes);
- *by layer*: each sample charged to the innermost frame that belongs to a known layer (the
  database driver, Redis, pydantic...), so the rows add up to 100%.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

# Inclusive markers: (label, pattern matched against each frame "function (file:line)");
# py-spy names methods with their class (``RequireRole.__call__``).
INCLUSIVE = (
    ("FastAPI dependency resolution (solve_dependencies)", r"^solve_dependencies "),
    ("who is calling: JWT + user SELECT (get_current_user)", r"^get_current_user "),
    ("of which the JWT decode (PyJWT)", r"^PyJWT\.decode "),
    ("the membership SELECT and role check (RequireRole)", r"^RequireRole\.__call__ "),
    ("the endpoint function (list_tasks)", r"^list_tasks "),
    ("the page's SELECT (TaskRepository.page)", r"^TaskRepository\.page "),
    ("SQLAlchemy building ORM objects from rows", r"sqlalchemy/orm/(loading|identity)\.py"),
    ("the session's COMMIT and close (get_session)", r"^(AsyncSession|Session)\.(commit|close) "),
    ("pydantic: TaskOut per row, the response's validation and JSON",
     r"^(BaseModel\.model_validate|BaseModel\.__class_getitem__|serialize_response) "),
    ("the rate limit: token + Lua script (rate_limit)", r"^rate_limit "),
    ("the fast path's caller, no database (RequireCaller)", r"^RequireCaller\.__call__ "),
    ("role + page from Redis in one script (PageCache.lookup)", r"^PageCache\.lookup "),
)  # fmt: skip
# Layers, innermost match wins; the order only matters for frames matching two patterns.
LAYERS = (
    ("asyncpg (the PostgreSQL driver)", r"(^|/)asyncpg/"),
    ("SQLAlchemy (SQL compilation, ORM, pool, greenlet bridge)", r"(^|/)(sqlalchemy|greenlet)/"),
    ("Redis client", r"(^|/)redis/"),
    ("JWT + crypto (token check)", r"(^|/)(jwt|joserfc|authlib|cryptography)/"),
    ("pydantic (validation, serialisation)", r"(^|/)pydantic(_core)?/"),
    ("JSON encoding", r"(^|/)json/|orjson|encoders\.py"),
    ("logging (structlog)", r"(^|/)(structlog|logging)/"),
    ("FastAPI routing + dependency injection", r"(^|/)fastapi/"),
    ("Starlette (routing, middleware base)", r"(^|/)starlette/"),
    ("uvicorn + httptools (HTTP parsing, ASGI glue)", r"(^|/)(uvicorn|httptools)/"),
    ("the app's own code", r"(^|/)(week\d\d|capstone)/"),
    ("asyncio / uvloop (scheduling)", r"(^|/)(asyncio|uvloop)/"),
)
OTHER = "other (interpreter, stdlib)"
FRAME = re.compile(r"^(?P<function>.*?) \((?P<file>.*):\d+\)$")


# uvicorn's supervisor heartbeat thread in each worker: blocked in recv(), which py-spy cannot
# always tell from work. It is not serving requests, so it is left out.
IGNORED = re.compile(r"^Process\.always_pong ")


def parse(lines: Iterable[str]) -> list[tuple[list[str], int]]:
    """``frame;frame;... count`` lines (py-spy ``--format raw``) as (frames root-first, count)."""
    stacks = []
    for line in lines:
        stack, _, count = line.rstrip().rpartition(" ")
        frames = stack.split(";")
        if stack and count.isdigit() and not any(IGNORED.match(frame) for frame in frames):
            stacks.append((frames, int(count)))
    return stacks


def summarise(stacks: list[tuple[list[str], int]]) -> tuple[int, dict[str, int], dict[str, int]]:
    """(total samples, inclusive counts per marker, counts per layer)."""
    total = sum(count for _, count in stacks)
    inclusive: Counter[str] = Counter()
    layers: Counter[str] = Counter()
    for frames, count in stacks:
        for label, pattern in INCLUSIVE:
            if any(re.search(pattern, frame) for frame in frames):
                inclusive[label] += count
        layers[_layer(frames)] += count
    return total, dict(inclusive), dict(layers)


def _layer(frames: list[str]) -> str:
    for frame in reversed(frames):  # the innermost frame first
        match = FRAME.match(frame)
        where = match["file"] if match else frame
        for label, pattern in LAYERS:
            if re.search(pattern, where):
                return label
    return OTHER


def markdown(total: int, inclusive: dict[str, int], layers: dict[str, int]) -> str:
    if not total:
        return "No samples: was the worker busy while py-spy recorded?"
    lines = [f"{total:,} samples of one worker's CPU time.", "",
             "| Inclusive (anywhere on the stack) | Share |", "| --- | ---: |"]  # fmt: skip
    lines += [
        f"| {label} | {100 * inclusive.get(label, 0) / total:.0f}% |" for label, _ in INCLUSIVE
    ]
    lines += ["", "| By layer (innermost frame) | Share |", "| --- | ---: |"]
    ranked = sorted(layers.items(), key=lambda item: -item[1])
    lines += [f"| {label} | {100 * count / total:.0f}% |" for label, count in ranked]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("profile", type=Path, help="py-spy record --format raw output")
    args = parser.parse_args(argv)
    print(markdown(*summarise(parse(args.profile.read_text(encoding="utf-8").splitlines()))))


if __name__ == "__main__":
    main()

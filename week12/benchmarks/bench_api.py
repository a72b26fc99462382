"""Benchmark: the authenticated, user-scoped task list (``GET /api/v2/tasks``) under load.

    make bench-week 12                 (or: uv run python week12/benchmarks/bench_api.py)
    uv run python week12/benchmarks/bench_api.py --app week11.solution.main:create_app --no-write

1. throwaway PostgreSQL and Redis (testkit), a fresh database, ``alembic upgrade head`` with the
   app's week's migrations;
2. uvicorn serving the app's factory as production would on 2 cores: 2 worker processes, uvloop,
   httptools, no access log, one shared signing key (a token from one worker must verify on the
   other);
3. seeding through the API: ``--users`` accounts registered and logged in, ``--tasks`` tasks each
   (the list's first page is a full page of 20);
4. for each connection count (10 and 100): a warm-up, then ``--duration`` seconds measured with
   the lean load generator (``week12/loadtest/loadgen.py``; why not locust: see there), each
   connection as one of the users, so every request is authenticated and scoped to its user;
5. the Markdown table goes to ``week12/loadtest/RESULTS.md`` between the ``bench:`` markers
   (``--no-write``: printed only).

The load generator runs on the same 2 cores as the server, as the course's target assumes. Under
other load the figures drop: the table says the load average, and ``--label`` names a variant so
runs can be compared with each other (``--env CACHE_ENABLED=0``, ``--loop asyncio --http h11``,
``--workers 1``, another ``--app``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

from testkit.services.process import free_port

WEEK = Path(__file__).resolve().parents[1]
ROOT = WEEK.parent
sys.path.insert(0, str(WEEK / "loadtest"))  # the load generator is a script beside the locustfile
import loadgen  # noqa: E402
import profile_summary  # noqa: E402

RESULTS = WEEK / "loadtest" / "RESULTS.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
DEFAULT_APP = "week12.solution.main:create_app"
LIST = "/api/v2/tasks"
PASSWORD = "bench password, local only"  # noqa: S105 - a throwaway database's demo account


@dataclass(frozen=True)
class Run:
    label: str
    result: loadgen.Result
    cpu_ms: float  # the workers' CPU time per request: what the server costs, whatever the load


def week_of(app: str) -> Path:
    """``week11.solution.main:create_app`` -> the week11 folder (its alembic.ini)."""
    return ROOT / app.split(".", 1)[0]


def table(runs: list[Run], note: str) -> str:
    lines = [
        note,
        "",
        "| Variant | Connections | Requests/s | p50 | p95 | p99 | Errors | Worker CPU a request |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for run in runs:
        r = run.result
        cpu = f"{run.cpu_ms:.2f} ms"
        if not r.latencies_ms:
            lines.append(f"| {run.label} | {r.connections} | - | - | - | - | {r.errors} | {cpu} |")
            continue
        lines.append(
            f"| {run.label} | {r.connections} | {r.throughput:,.0f} | {r.p(50):.1f} ms "
            f"| {r.p(95):.1f} ms | {r.p(99):.1f} ms | {r.errors} | {cpu} |"
        )
    return "\n".join(lines)


def replace_between_markers(document: str, content: str) -> str:
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(document):
        raise ValueError(f"no {START} ... {END} markers")
    return pattern.sub(lambda _: f"{START}\n{content}\n{END}", document)


@contextmanager
def services() -> Iterator[dict[str, str]]:
    """Throwaway PostgreSQL (a fresh database) and Redis; the app's environment for them."""
    from testkit.services.postgres import ThrowawayPostgres, create_database, drop_database
    from testkit.services.redis import ThrowawayRedis

    postgres, redis = ThrowawayPostgres(), ThrowawayRedis()
    try:
        url = create_database(postgres.url(), prefix="bench")
        yield {"DATABASE_URL": url, "REDIS_URL": redis.url(0)}
        drop_database(url)
    finally:
        redis.close()
        postgres.close()


def signing_env() -> dict[str, str]:
    """One RSA key and cursor secret for both workers (each would otherwise make its own)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return {"JWT_PRIVATE_KEY": pem, "CURSOR_SECRET": os.urandom(32).hex()}


def migrate(week: Path, env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "alembic", "-c", "alembic.ini", "upgrade", "head"],
        cwd=week, env=env, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip


@contextmanager
def uvicorn(app: str, env: dict[str, str], args: argparse.Namespace) -> Iterator[tuple[str, int]]:
    """The app served by ``args.workers`` uvicorn workers; yields its base URL and the pid of
    uvicorn's supervisor (the workers are its children)."""
    module, _, factory = app.partition(":")
    port = free_port()
    command = [
        sys.executable, "-m", "uvicorn", "--factory", f"{module}:{factory or 'create_app'}",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(args.workers),
        "--app-dir", str(WEEK / "loadtest"),  # --app experiments:... (see experiments.py)
        "--loop", args.loop, "--http", args.http, "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    log = Path(args.server_log).open("wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/.well-known/jwks.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"uvicorn did not start: see {args.server_log}")
            time.sleep(0.2)
        yield base, process.pid
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _add(client: httpx.Client, path: str, auth: dict[str, str], name: str) -> int:
    response = client.post(path, headers=auth, json={"name": name})
    response.raise_for_status()
    return int(response.json()["id"])


def seed(base: str, users: int, tasks: int) -> list[str]:
    """``users`` accounts with ``tasks`` tasks each, through the API; their access tokens."""
    tokens = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for number in range(users):
            email = f"bench{number}@example.com"
            client.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD})
            response = client.post(
                "/api/v1/auth/token", data={"username": email, "password": PASSWORD}
            )
            response.raise_for_status()
            token = response.json()["access_token"]
            auth = {"Authorization": f"Bearer {token}"}
            categories = [_add(client, "/api/v1/categories", auth, n) for n in ("Work", "Home")]
            tags = [_add(client, "/api/v1/tags", auth, n) for n in ("urgent", "later", "errand")]
            for index in range(tasks):  # most tasks in a category, some with tags: full links
                client.post(
                    LIST, headers=auth,
                    json={"title": f"Task {index} of user {number}",
                          "priority": ("low", "medium", "high")[index % 3],
                          "category_id": categories[index % 2] if index % 5 else None,
                          "tag_ids": tags[: index % 4]},
                ).raise_for_status()  # fmt: skip
            tokens.append(token)
    return tokens


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time the processes have used so far (``/proc/<pid>/stat``)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        # The fields after the command name (in parentheses, which may hold spaces).
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime: fields 14 and 15 of stat
    return total / ticks


def workers(supervisor: int) -> list[int]:
    """The pids of uvicorn's worker processes (its children running multiprocessing's spawn)."""
    children = Path(f"/proc/{supervisor}/task/{supervisor}/children").read_text().split()
    return [
        int(pid) for pid in children
        if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    ]  # fmt: skip


def profile_worker(base: str, requests: list[bytes], supervisor: int, seconds: float) -> str:
    """py-spy on one worker while 10 connections keep both busy; the summary as Markdown."""
    py_spy = shutil.which("py-spy") or shutil.which("uvx")
    if py_spy is None:
        raise RuntimeError("--profile needs py-spy (or uv's uvx to fetch it)")
    command = [py_spy] if py_spy.endswith("py-spy") else [py_spy, "py-spy"]
    output = Path(tempfile.gettempdir()) / "bench_api_profile.txt"
    spy = subprocess.Popen(  # noqa: S603 - our own command
        [*command, "record", "--pid", str(workers(supervisor)[0]), "--duration", f"{seconds:.0f}",
         "--rate", "200", "--format", "raw", "--output", str(output)],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )  # fmt: skip
    loadgen.measure(base + LIST, requests, 10, seconds + 3)
    spy.wait(timeout=60)
    stacks = profile_summary.parse(output.read_text().splitlines())
    return profile_summary.markdown(*profile_summary.summarise(stacks))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--app", default=DEFAULT_APP, help="module:factory to serve")
    parser.add_argument("--week", help="the folder whose migrations to run (default: the app's)")
    parser.add_argument("--label", default="", help="the variant's name in the table")
    parser.add_argument("--connections", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds measured per run")
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--tasks", type=int, default=25)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--loop", default="uvloop")
    parser.add_argument("--http", default="httptools")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="extra environment for the app (e.g. CACHE_ENABLED=0)")  # fmt: skip
    parser.add_argument("--profile", type=float, default=0.0, metavar="SECONDS",
                        help="then profile one worker with py-spy for this long under 10 "
                             "connections and add where its time goes to the output")  # fmt: skip
    parser.add_argument("--server-log", default=str(Path(tempfile.gettempdir()) / "bench_api.log"))
    parser.add_argument("--serve", type=float, default=0.0, metavar="SECONDS",
                        help="only serve the app this long (migrated, no seed), e.g. for locust")  # fmt: skip
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    args = parser.parse_args(argv)
    label = args.label or f"{args.app.split('.', 1)[0]} as it is"
    profile = ""
    extra = dict(item.split("=", 1) for item in args.env)
    runs = []
    with services() as urls:
        env = {**os.environ, **urls, **signing_env(), **extra}
        env.setdefault("APP_ENV", "development")
        migrate(ROOT / args.week if args.week else week_of(args.app), env)
        with uvicorn(args.app, env, args) as (base, supervisor):
            if args.serve:  # for locust (see locustfile.py): the same server, no measurement
                print(f"serving {args.app} at {base} for {args.serve:.0f} s", flush=True)
                time.sleep(args.serve)
                return 0
            tokens = seed(base, args.users, args.tasks)
            requests = [loadgen.build_request(base + LIST, {"Authorization": f"Bearer {t}"})
                        for t in tokens]  # fmt: skip
            sample = httpx.get(base + LIST, headers={"Authorization": f"Bearer {tokens[0]}"})
            print(
                f"first page: {len(sample.content)} bytes, first task {sample.json()['items'][0]}"
            )
            pids = workers(supervisor)
            for connections in args.connections:
                loadgen.measure(base + LIST, requests, connections, args.warmup)  # warm-up
                before = cpu_seconds(pids)
                result = loadgen.measure(base + LIST, requests, connections, args.duration)
                cpu_ms = 1000 * (cpu_seconds(pids) - before) / max(result.requests, 1)
                print(f"{result.summary()}; {cpu_ms:.2f} ms of worker CPU a request", flush=True)
                runs.append(Run(label, result, cpu_ms))
            if args.profile:
                profile = profile_worker(base, requests, supervisor, args.profile)
    load = f"{os.getloadavg()[0]:.2f}"
    note = (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, load average {load} "
        f"after the run; `{args.app}`, {args.workers} workers ({args.loop}, {args.http}); "
        f"{args.users} users x {args.tasks} tasks, first page of 20; {args.warmup:.0f} s warm-up, "
        f"{args.duration:.0f} s measured per row."
    )
    markdown = table(runs, note)
    if args.profile:
        markdown += "\n\nProfile of one worker under 10 connections (py-spy):\n\n" + profile
    print(markdown)
    if not args.no_write:
        RESULTS.write_text(replace_between_markers(RESULTS.read_text(), markdown))
        print(f"written to {RESULTS.relative_to(ROOT)}")
    return 0 if all(run.result.errors == 0 for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: the authenticated, organisation-scoped task list (``GET /orgs/{org_id}/tasks``).

    make bench-week capstone             (or: uv run python capstone/benchmarks/bench_api.py)
    uv run python capstone/benchmarks/bench_api.py --seconds 3 --tasks 5000 --no-write   # quick

1. throwaway PostgreSQL (testkit; Redis too once the capstone depends on it), a fresh database,
   the capstone's migrations (``alembic upgrade head``, in this process);
2. realistic data in a few seconds, in SQL rather than through the API: ``--orgs`` organisations
   with ``--projects`` projects each, 10 people per organisation in every role (2 admins, 5
   members, 3 viewers; each admin also a viewer of the next organisation), ``--tasks`` tasks
   spread over the projects (statuses, assignees, labels, due dates, searchable titles), then
   ``VACUUM ANALYZE`` as after any bulk load;
3. the capstone served as production would on 2 cores: 2 uvicorn workers, uvloop, httptools, no
   access log, one shared JWT and cursor secret (a token from one worker must verify on the
   other);
4. ``--logins`` people log in through the API (every role, every organisation);
5. per connection count (10, 50, 100): a warm-up, then ``--seconds`` measured with the lean load
   generator (``capstone/loadtest/loadgen.py``: why not locust, see there), connection ``i`` as
   person ``i mod logins``, each asking for the first page (20) of its own organisation's tasks;
6. the Markdown table goes to ``capstone/loadtest/RESULTS.md`` between the ``bench:`` markers, the
   figures and per-second timelines to ``results/bench.json`` and the chart drawn from them
   (``chart.py``) to ``results/bench.svg`` (``--no-write``: printed only).

The load generator shares the 2 cores with the server, PostgreSQL and anything else running: each
row says the load average, and the worker CPU a request is the figure that survives a busy
machine (see RESULTS.md). ``--profile 15`` then records where one worker's time goes (py-spy).
``--serve 300`` seeds and serves without measuring, for locust (see ``locustfile.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.metadata
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import psycopg
from psycopg import sql

from testkit.services.process import free_port

CAPSTONE = Path(__file__).resolve().parents[1]
LOADTEST = CAPSTONE / "loadtest"
sys.path.insert(0, str(LOADTEST))  # the kit's scripts live beside the locustfile, not in a package
import chart  # noqa: E402
import loadgen  # noqa: E402
import profile_summary  # noqa: E402

RESULTS = LOADTEST / "RESULTS.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
APP = "bench_app:create_app"  # loadtest/bench_app.py: the app without its rate limits
API = "/api/v1"
PASSWORD = "bench password, local only"  # noqa: S105 - a throwaway database's accounts
PEOPLE_PER_ORG = 10
ROLES = ("admin",) * 2 + ("member",) * 5 + ("viewer",) * 3  # by position in the organisation


@dataclass(frozen=True)
class Account:
    email: str
    org_id: int
    role: str


@dataclass(frozen=True)
class Run:
    result: loadgen.Result
    cpu_ms: float  # the workers' CPU time a request: what the server costs, whatever the load
    load: float  # the 1-minute load average at the end of the row


def table(runs: list[Run], note: str) -> str:
    lines = [
        note,
        "",
        "| Connections | Requests/s | p50 | p95 | p99 | max | Errors | Longest stall "
        "| Worker CPU a request | Load average |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for run in runs:
        r = run.result
        tail = f"{r.errors} | {r.longest_gap_ms:,.0f} ms | {run.cpu_ms:.2f} ms | {run.load:.2f} |"
        if not r.latencies_ms:
            lines.append(f"| {r.connections} | - | - | - | - | - | {tail}")
            continue
        lines.append(
            f"| {r.connections} | {r.throughput:,.0f} | {r.p(50):.1f} ms | {r.p(95):.1f} ms "
            f"| {r.p(99):.1f} ms | {r.latencies_ms[-1]:.0f} ms | {tail}"
        )
    return "\n".join(lines)


def replace_between_markers(document: str, content: str) -> str:
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(document):
        raise ValueError(f"no {START} ... {END} markers")
    return pattern.sub(lambda _: f"{START}\n{content}\n{END}", document)


def needs_redis() -> bool:
    """Does the capstone depend on Redis (part 2's cache and rate limits)?"""
    requires = importlib.metadata.requires("capstone") or []
    return any(re.match(r"redis\b", requirement) for requirement in requires)


@contextmanager
def services(server_url: str | None) -> Iterator[dict[str, str]]:
    """A fresh database (on ``server_url``, else on a throwaway server), Redis if the capstone
    uses it; the app's environment for them."""
    from testkit.services.postgres import ThrowawayPostgres, create_database, drop_database
    from testkit.services.redis import ThrowawayRedis

    postgres = None if server_url else ThrowawayPostgres()
    redis = None
    try:
        redis = ThrowawayRedis() if needs_redis() else None
        url = create_database(postgres.url() if postgres else str(server_url), prefix="bench")
        env = {"DATABASE_URL": url} | ({"REDIS_URL": redis.url(0)} if redis else {})
        try:
            yield env
        finally:
            drop_database(url)
    finally:
        if redis:
            redis.close()
        if postgres:
            postgres.close()


def migrate(url: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config(str(CAPSTONE / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url)
    command.upgrade(config, "head")


def password_hash() -> str:
    """The app's own hasher at its production cost, so logging in costs what it costs. One hash
    serves every seeded person: argon2id at 64 MiB takes ~0.1 s, 200 of them would be most of the
    seeding time, and a throwaway database loses nothing by sharing a salt."""
    from capstone.solution.auth.passwords import Passwords
    from capstone.solution.settings import PasswordCost

    return Passwords(PasswordCost()).hash(PASSWORD)


# Set-based inserts: PostgreSQL generates every row itself (no rows cross the socket), with
# explicit ids so the relations are arithmetic: person p (1-10) of organisation o has id
# (o - 1) * 10 + p, project j of organisation o has id (o - 1) * projects + j. (psycopg sends
# one statement at a time with parameters, hence a list.)
SEED_SQL = (
    """INSERT INTO organisations (id, name, slug)
       SELECT o, 'Organisation ' || o, 'org-' || o FROM generate_series(1, %(orgs)s) o""",
    """INSERT INTO users (id, email, password_hash)
       SELECT u, 'person' || u || '@org' || ((u - 1) / 10 + 1) || '.example', %(hash)s
       FROM generate_series(1, %(orgs)s * 10) u""",
    """INSERT INTO memberships (org_id, user_id, role)
       SELECT (u - 1) / 10 + 1, u, (%(roles)s::text[])[mod(u - 1, 10) + 1]
       FROM generate_series(1, %(orgs)s * 10) u""",
    # Admins also see into the next organisation (a consultant, a parent company): people in
    # two organisations, with different roles, as the tenancy checks must handle.
    """INSERT INTO memberships (org_id, user_id, role)
       SELECT mod((u - 1) / 10 + 1, %(orgs)s) + 1, u, 'viewer'
       FROM generate_series(1, %(orgs)s * 10) u
       WHERE mod(u - 1, 10) < 2 AND %(orgs)s > 1""",
    """INSERT INTO projects (id, org_id, name, description)
       SELECT p, (p - 1) / %(projects)s + 1, 'Project ' || (mod(p - 1, %(projects)s) + 1),
              'Seeded for the load test'
       FROM generate_series(1, %(orgs)s * %(projects)s) p""",
    # Task t is the n-th (from 0) of organisation o: the organisations take turns, so every
    # organisation's tasks are spread over all of the table, as after years of use, and the
    # variety (project, status, assignee, labels...) is taken from n, not t.
    """INSERT INTO tasks (id, org_id, project_id, title, description, status, assignee_id,
                          due_date, labels, created_at)
       SELECT t, o,
              (o - 1) * %(projects)s + mod(n, %(projects)s) + 1,
              (ARRAY['Deploy', 'Review', 'Fix', 'Write', 'Plan', 'Test', 'Design', 'Migrate'])
                [mod(n, 8) + 1]
                || ' the '
                || (ARRAY['API', 'login page', 'invoice export', 'search index', 'billing job',
                          'release notes', 'onboarding flow', 'dashboard', 'mobile app',
                          'audit log'])[mod(n / 8, 10) + 1]
                || ' #' || n,
              CASE WHEN mod(n, 3) = 0 THEN '' ELSE 'Agreed in the weekly meeting; the linked '
                   || 'document has the acceptance criteria, ask in the channel if unclear.' END,
              (ARRAY['todo', 'todo', 'in_progress', 'in_review', 'done'])[mod(n, 5) + 1],
              -- an admin or a member (positions 1-7), or nobody
              CASE WHEN mod(n, 4) = 0 THEN NULL ELSE (o - 1) * 10 + mod(n, 7) + 1 END,
              CASE WHEN mod(n, 2) = 0 THEN DATE '2027-01-01' + mod(n, 365) END,
              (ARRAY['{}', '{backend}', '{bug,urgent}', '{frontend}', '{backend,ops}'])
                [mod(n / 3, 5) + 1]::varchar[],
              now() - make_interval(secs => (%(tasks)s - t) * 60)
       FROM generate_series(1, %(tasks)s) t,
            LATERAL (SELECT mod(t - 1, %(orgs)s) + 1 AS o, (t - 1) / %(orgs)s AS n) position""",
    # The next rows the app inserts must not collide with the explicit ids.
    """SELECT setval(pg_get_serial_sequence(name, 'id'), %(orgs)s * 10 + %(orgs)s * %(projects)s
                     + %(tasks)s + 1, false)
       FROM unnest(ARRAY['organisations', 'users', 'projects', 'tasks']) name""",
)


def seed(url: str, orgs: int, projects: int, tasks: int) -> float:
    """Fill the migrated database; the seconds it took."""
    started = time.perf_counter()
    params = {"orgs": orgs, "projects": projects, "tasks": tasks, "hash": password_hash(),
              "roles": list(ROLES)}  # fmt: skip
    with psycopg.connect(url, autocommit=True) as conn:
        with conn.transaction(), without_indexes_and_foreign_keys(conn, "tasks"):
            for statement in SEED_SQL:
                conn.execute(statement, params)
        conn.execute("VACUUM ANALYZE")  # fresh statistics and a visibility map for the planner
    return time.perf_counter() - started


@contextmanager
def without_indexes_and_foreign_keys(conn: psycopg.Connection[Any], table: str) -> Iterator[None]:
    """PostgreSQL's recipe for a bulk load (the manual's "Populating a Database"): drop the
    table's secondary indexes and foreign keys, load, then create them again exactly as they
    were. Building an index over all rows at once beats updating it row by row, and re-adding a
    foreign key checks every row in one join instead of a trigger per row (here 100k rows x 3
    keys: two thirds of the load time). The keys are checked all the same, only later."""
    indexes = [row[0] for row in conn.execute(
        """SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = %s
           AND indexname NOT IN (SELECT conname FROM pg_constraint)""", (table,))]  # fmt: skip
    keys = conn.execute(
        """SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
           WHERE conrelid = %s::regclass AND contype = 'f'""", (table,)).fetchall()  # fmt: skip
    for name, _ in keys:
        conn.execute(sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(
            sql.Identifier(table), sql.Identifier(name)))  # fmt: skip
    for definition in indexes:
        name = definition.split(" ON ", 1)[0].split()[-1]  # CREATE [UNIQUE] INDEX name ON ...
        conn.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(name)))
    yield
    conn.execute("SET LOCAL maintenance_work_mem = '256MB'")  # room to sort in memory
    for definition in indexes:
        conn.execute(sql.SQL(definition))  # PostgreSQL's own text, as it was
    for name, definition in keys:
        conn.execute(sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} ").format(
            sql.Identifier(table), sql.Identifier(name)) + sql.SQL(definition))  # fmt: skip


# Positions in an organisation taking turns: a viewer, a member, an admin, another viewer...
TURNS = (7, 2, 0, 8, 3, 1, 9, 4, 5, 6)


def accounts(orgs: int, count: int) -> list[Account]:
    """``count`` people to log in, round the organisations, the roles taking turns (the list is
    a viewer's read: every role may make it); a second round picks other people."""
    picks = []
    for number in range(count):
        org = number % orgs + 1
        position = TURNS[(number + number // orgs) % PEOPLE_PER_ORG]
        user = (org - 1) * PEOPLE_PER_ORG + position + 1
        picks.append(Account(f"person{user}@org{org}.example", org, ROLES[position]))
    return picks


async def log_in(base: str, people: list[Account]) -> list[str]:
    """Access tokens through ``POST /auth/login``, a few at a time (argon2id uses 64 MiB and
    a core's worth of time for each; both workers get some)."""
    gate = asyncio.Semaphore(4)

    async def one(client: httpx.AsyncClient, person: Account) -> str:
        async with gate:
            response = await client.post(
                f"{API}/auth/login", json={"email": person.email, "password": PASSWORD}
            )
        response.raise_for_status()
        return str(response.json()["access_token"])

    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        return list(await asyncio.gather(*(one(client, person) for person in people)))


def signing_env() -> dict[str, str]:
    """One JWT and cursor secret for both workers (each would otherwise make its own)."""
    return {"JWT_SECRET": secrets.token_hex(32), "CURSOR_SECRET": secrets.token_hex(32)}


@contextmanager
def uvicorn(env: dict[str, str], args: argparse.Namespace) -> Iterator[tuple[str, int]]:
    """The capstone served by ``args.workers`` uvicorn workers; its base URL and the pid of
    uvicorn's supervisor (the workers are its children)."""
    port = free_port()
    command = [
        sys.executable, "-m", "uvicorn", "--factory", args.app,
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(args.workers),
        "--loop", args.loop, "--http", args.http, "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    log = Path(args.server_log).open("wb")  # noqa: SIM115 - closed below
    env = env | {"LOG_LEVEL": "WARNING"}  # the app's access line off too, as --no-access-log
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(LOADTEST), env.get("PYTHONPATH")]))
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        # One client for the whole poll: each new one loads the CA bundle (0.1 s of CPU), time
        # taken from the workers starting on the same two cores.
        with httpx.Client(base_url=base, timeout=2) as client:
            while True:
                try:  # no token: a 401 says a worker is up and routing
                    if client.get(f"{API}/users/me").status_code == 401:
                        break
                except httpx.TransportError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"uvicorn did not start: see {args.server_log}")
                time.sleep(0.1)
        yield base, process.pid
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


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


def profile_worker(url: str, requests: list[bytes], supervisor: int, seconds: float) -> str:
    """py-spy on one worker while 10 connections keep both busy; the summary as Markdown."""
    py_spy = shutil.which("py-spy") or shutil.which("uvx")
    if py_spy is None:
        raise RuntimeError("--profile needs py-spy (or uv's uvx to fetch it)")
    command = [py_spy] if py_spy.endswith("py-spy") else [py_spy, "py-spy"]
    output = Path(tempfile.gettempdir()) / "capstone_bench_profile.txt"
    spy = subprocess.Popen(  # noqa: S603 - our own command
        [*command, "record", "--pid", str(workers(supervisor)[0]), "--duration", f"{seconds:.0f}",
         "--rate", "200", "--format", "raw", "--output", str(output)],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )  # fmt: skip
    loadgen.measure(url, requests, 10, seconds + 3)
    spy.wait(timeout=60)
    stacks = profile_summary.parse(output.read_text().splitlines())
    return profile_summary.markdown(*profile_summary.summarise(stacks))


def measure(
    base: str, tokens: list[str], people: list[Account], supervisor: int, args: argparse.Namespace
) -> list[Run]:
    requests = [
        loadgen.build_request(
            f"{base}{API}/orgs/{p.org_id}/tasks", {"Authorization": f"Bearer {t}"}
        )
        for p, t in zip(people, tokens, strict=True)
    ]
    url = f"{base}{API}/orgs/{people[0].org_id}/tasks"  # host and port; each request has its path
    sample = httpx.get(url, headers={"Authorization": f"Bearer {tokens[0]}"})
    sample.raise_for_status()
    print(f"first page: {len(sample.json()['items'])} tasks, {len(sample.content):,} bytes")
    pids = workers(supervisor)
    runs = []
    for connections in args.connections:
        loadgen.measure(url, requests, connections, args.warmup)
        before = cpu_seconds(pids)
        result = loadgen.measure(url, requests, connections, args.seconds)
        cpu_ms = 1000 * (cpu_seconds(pids) - before) / max(result.requests, 1)
        print(f"{result.summary()}; {cpu_ms:.2f} ms of worker CPU a request", flush=True)
        runs.append(Run(result, cpu_ms, os.getloadavg()[0]))
    if args.profile:
        args.profile_markdown = profile_worker(url, requests, supervisor, args.profile)
    return runs


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--app", default=APP, help="module:factory to serve")
    parser.add_argument("--connections", type=int, nargs="+", default=[10, 50, 100])
    parser.add_argument("--seconds", type=float, default=10.0, help="measured per row")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds before each row")
    parser.add_argument("--orgs", type=int, default=20)
    parser.add_argument("--projects", type=int, default=5, help="per organisation")
    parser.add_argument("--tasks", type=int, default=100_000, help="in all")
    parser.add_argument("--logins", type=int, default=20, help="people logged in for the load")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--loop", default="uvloop")
    parser.add_argument("--http", default="httptools")
    parser.add_argument("--server-url", default=os.environ.get("TEST_DATABASE_URL"),
                        help="a PostgreSQL server to create the database on (default: a throwaway one)")  # fmt: skip
    parser.add_argument("--profile", type=float, default=0.0, metavar="SECONDS",
                        help="then profile one worker with py-spy this long under 10 connections")  # fmt: skip
    parser.add_argument("--serve", type=float, default=0.0, metavar="SECONDS",
                        help="seed, then only serve this long (for locust); writes the accounts to "
                             "--accounts")  # fmt: skip
    parser.add_argument("--accounts", type=Path, default=LOADTEST / "results" / "accounts.json")
    parser.add_argument("--results", type=Path, default=LOADTEST / "results",
                        help="where bench.json and bench.svg go")  # fmt: skip
    parser.add_argument("--report", type=Path, default=RESULTS, help="the Markdown with markers")
    parser.add_argument("--server-log",
                        default=str(Path(tempfile.gettempdir()) / "capstone_bench_api.log"))  # fmt: skip
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    args = parser.parse_args(argv)
    args.profile_markdown = ""
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    with services(args.server_url) as urls:
        migrate(urls["DATABASE_URL"])
        seconds = seed(urls["DATABASE_URL"], args.orgs, args.projects, args.tasks)
        print(f"seeded {args.orgs} organisations, {args.orgs * PEOPLE_PER_ORG} people, "
              f"{args.tasks:,} tasks in {seconds:.1f} s", flush=True)  # fmt: skip
        people = accounts(args.orgs, args.logins)
        env = {**os.environ, **urls, **signing_env(), "PYTHONUNBUFFERED": "1"}
        with uvicorn(env, args) as (base, supervisor):
            if args.serve:  # for locust (see locustfile.py): the server and who may log in
                args.accounts.parent.mkdir(parents=True, exist_ok=True)
                args.accounts.write_text(json.dumps(
                    {"password": PASSWORD, "people": [asdict(p) for p in people]}, indent=1))  # fmt: skip
                print(f"serving {args.app} at {base} for {args.serve:.0f} s; "
                      f"accounts in {args.accounts}", flush=True)  # fmt: skip
                time.sleep(args.serve)
                return 0
            before = cpu_seconds(workers(supervisor))
            tokens = asyncio.run(log_in(base, people))
            login_ms = 1000 * (cpu_seconds(workers(supervisor)) - before) / len(tokens)
            print(f"{len(tokens)} people logged in ({login_ms:.0f} ms of worker CPU each), "
                  f"{time.perf_counter() - started:.1f} s since the start", flush=True)  # fmt: skip
            runs = measure(base, tokens, people, supervisor, args)
    note = (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores; `{args.app}`, "
        f"{args.workers} workers ({args.loop}, {args.http}); {args.orgs} organisations, "
        f"{args.orgs * PEOPLE_PER_ORG} people, {args.tasks:,} tasks; {len(people)} people logged "
        f"in ({login_ms:.0f} ms of worker CPU a log-in: argon2id at its production cost), each "
        f"asking for the first page of 20 of their organisation's tasks; {args.warmup:.0f} s warm-up, "
        f"{args.seconds:.0f} s measured per row; {time.perf_counter() - started:.0f} s in all."
    )
    markdown = table(runs, note)
    if args.profile_markdown:
        markdown += "\n\nWhere one worker's time went (py-spy, 10 connections):\n\n"
        markdown += args.profile_markdown
    print(markdown)
    if not args.no_write:
        write(runs, note, markdown, args)
    return 0 if all(run.result.errors == 0 for run in runs) else 1


def write(runs: list[Run], note: str, markdown: str, args: argparse.Namespace) -> None:
    """The report between the markers, the figures as JSON and the chart drawn from them."""
    args.results.mkdir(parents=True, exist_ok=True)
    figures = {"note": note, "runs": [
        {"connections": r.result.connections, "seconds": r.result.seconds,
         "requests": r.result.requests, "errors": r.result.errors,
         "throughput": r.result.throughput,
         **{f"p{p}": r.result.p(p) if r.result.latencies_ms else None for p in (50, 95, 99)},
         "longest_gap_ms": r.result.longest_gap_ms, "per_second": r.result.per_second,
         "cpu_ms": r.cpu_ms, "load": r.load}
        for r in runs
    ]}  # fmt: skip
    data = args.results / "bench.json"
    data.write_text(json.dumps(figures, indent=1) + "\n")
    svg = args.results / "bench.svg"
    svg.write_text(chart.bench_chart(figures["runs"], "Task list, first page of 20"))
    args.report.write_text(replace_between_markers(args.report.read_text(), markdown))
    print(f"written: {args.report}, {data}, {svg}")


if __name__ == "__main__":
    sys.exit(main())

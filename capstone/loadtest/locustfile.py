"""Realistic mixes for the capstone, as people use it: mostly browsing, some writing.

Serve the seeded capstone first (it writes who may log in to ``results/accounts.json``), then
run locust against it in another terminal; both mixes together by default, or one by naming its
class at the end of the command:

    uv run python capstone/benchmarks/bench_api.py --serve 300 --tasks 20000
    uv run --with locust locust -f capstone/loadtest/locustfile.py --host http://127.0.0.1:PORT \\
        --headless --users 20 --spawn-rate 2 --run-time 60s --csv capstone/loadtest/results/mix
    uv run python capstone/loadtest/chart.py capstone/loadtest/results/mix_stats_history.csv

- ``Browsing`` (4 in 5 people): the organisation's task list, filtered lists (a project, a
  status), full-text search, a task and its comments; viewers, members and admins alike.
- ``Writing`` (1 in 5, members and admins only: a viewer may not write): new tasks moved along
  the workflow with ``If-Match`` (the ``ETag`` of the last answer), and comments that @mention a
  colleague (resolved to a member of the organisation, stored as a mention).

Each simulated person logs in once with a seeded account (``POST /auth/login``: argon2id at its
production cost, which is the point: a burst of logins is a load of its own). Locust measures
journeys and their latency percentiles; for the throughput figure use ``bench_api.py`` (locust
needs a core of its own for a few hundred requests a second on a 2-core machine).
``--csv PREFIX`` writes ``PREFIX_stats.csv`` (per endpoint), ``PREFIX_stats_history.csv`` (the
chart's input) and ``PREFIX_failures.csv``. Names group the requests (``/orgs/[org]/tasks/[id]``),
so each endpoint has one row, not one per id.
"""

from __future__ import annotations

import itertools
import json
import os
import random
from pathlib import Path
from typing import Any

from locust import FastHttpUser, between, task

ACCOUNTS = Path(
    os.environ.get("CAPSTONE_ACCOUNTS") or Path(__file__).parent / "results" / "accounts.json"
)
API = "/api/v1"
WORDS = ("deploy", "review", "fix", "invoice", "search", "release", "dash", "onboarding")
_seeded = json.loads(ACCOUNTS.read_text(encoding="utf-8"))
PASSWORD = _seeded["password"]
PEOPLE: list[dict[str, Any]] = _seeded["people"]
WRITERS = [person for person in PEOPLE if person["role"] in ("member", "admin")]
FORWARD = {"todo": "in_progress", "in_progress": "in_review", "in_review": "done"}  # workflow
_turns = {"all": itertools.count(), "writers": itertools.count()}


class Person(FastHttpUser):
    """Logs in as the next seeded account; ``self.org`` is the organisation's URL prefix."""

    abstract = True
    wait_time = between(0.5, 2)  # think time: people read what they asked for
    accounts = PEOPLE
    turn = "all"

    def on_start(self) -> None:
        person = self.accounts[next(_turns[self.turn]) % len(self.accounts)]
        response = self.client.post(
            f"{API}/auth/login", json={"email": person["email"], "password": PASSWORD},
            name="/auth/login",
        )  # fmt: skip
        self.auth = {"Authorization": f"Bearer {response.json()['access_token']}"}
        self.org = f"{API}/orgs/{person['org_id']}"
        self.org_id = person["org_id"]
        projects = self.client.get(f"{self.org}/projects", headers=self.auth,
                                   name="/orgs/[org]/projects")  # fmt: skip
        self.projects = [project["id"] for project in projects.json()]
        self.seen: list[int] = []  # ids of tasks this person has had on screen

    def list_tasks(self, query: str = "", name: str = "/orgs/[org]/tasks") -> None:
        response = self.client.get(f"{self.org}/tasks{query}", headers=self.auth, name=name)
        if response.status_code == 200:
            self.seen = [item["id"] for item in response.json()["items"]] or self.seen


class Browsing(Person):
    weight = 4

    @task(10)
    def task_list(self) -> None:
        self.list_tasks()

    @task(3)
    def a_project(self) -> None:
        self.list_tasks(f"?project_id={random.choice(self.projects)}",  # noqa: S311
                        "/orgs/[org]/tasks?project_id")  # fmt: skip

    @task(2)
    def in_review(self) -> None:
        self.list_tasks("?status=in_review", "/orgs/[org]/tasks?status")

    @task(3)
    def search(self) -> None:
        word = random.choice(WORDS)  # noqa: S311 - a load test's choice
        self.client.get(f"{self.org}/search?q={word}", headers=self.auth,
                        name="/orgs/[org]/search")  # fmt: skip

    @task(5)
    def a_task_and_its_comments(self) -> None:
        if not self.seen:
            return
        task_id = random.choice(self.seen)  # noqa: S311
        self.client.get(f"{self.org}/tasks/{task_id}", headers=self.auth,
                        name="/orgs/[org]/tasks/[id]")  # fmt: skip
        self.client.get(f"{self.org}/tasks/{task_id}/comments", headers=self.auth,
                        name="/orgs/[org]/tasks/[id]/comments")  # fmt: skip


class Writing(Person):
    weight = 1
    accounts = WRITERS
    turn = "writers"

    def on_start(self) -> None:
        super().on_start()
        self.mine: dict[int, tuple[str, str]] = {}  # task id -> (status, ETag)

    @task(3)
    def task_list(self) -> None:
        self.list_tasks()

    @task(2)
    def create(self) -> None:
        body = {"project_id": random.choice(self.projects),  # noqa: S311
                "title": f"Follow up on {random.choice(WORDS)}", "labels": ["load-test"]}  # noqa: S311  # fmt: skip
        with self.client.post(f"{self.org}/tasks", json=body, headers=self.auth,
                              name="/orgs/[org]/tasks [create]", catch_response=True) as response:  # fmt: skip
            if response.status_code == 201:
                self.mine[response.json()["id"]] = ("todo", response.headers["ETag"])
                response.success()
            else:
                response.failure(f"create: {response.status_code}")

    @task(2)
    def move_along(self) -> None:
        """The next step of the workflow, with the ETag we saw: a 412 would mean a lost update."""
        movable = [(i, s, e) for i, (s, e) in self.mine.items() if s in FORWARD]
        if not movable:
            return
        task_id, state, tag = random.choice(movable)  # noqa: S311
        response = self.client.patch(
            f"{self.org}/tasks/{task_id}", json={"status": FORWARD[state]},
            headers={**self.auth, "If-Match": tag}, name="/orgs/[org]/tasks/[id] [move]",
        )  # fmt: skip
        if response.status_code == 200:
            self.mine[task_id] = (FORWARD[state], response.headers["ETag"])

    @task(3)
    def comment(self) -> None:
        """A comment that @mentions a colleague of the same organisation."""
        candidates = list(self.mine) or self.seen
        if not candidates:
            return
        colleague = (self.org_id - 1) * 10 + random.randint(1, 10)  # noqa: S311 - see the seed
        address = f"person{colleague}@org{self.org_id}.example"
        self.client.post(
            f"{self.org}/tasks/{random.choice(candidates)}/comments", headers=self.auth,  # noqa: S311
            json={"body": f"@{address} could you have a look before Friday?"},
            name="/orgs/[org]/tasks/[id]/comments [create]",
        )  # fmt: skip

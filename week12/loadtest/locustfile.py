"""A realistic mix for the Task Manager API: each simulated user registers, logs in, and then mostly
reads its own task list, sometimes opens a task, looks at its statistics, adds a task or
changes one. Reads outnumber writes about 10 to 1, as in most task apps.

    uv run --with locust locust -f week12/loadtest/locustfile.py --host http://127.0.0.1:8000 \\
        --headless --users 50 --spawn-rate 10 --run-time 1m --csv week12/loadtest/results/mix

``--csv PREFIX`` writes ``PREFIX_stats.csv`` (totals per endpoint), ``PREFIX_stats_history.csv``
(a row every few seconds: the chart's input, see ``chart.py``) and ``PREFIX_failures.csv``.
Locust is not a dependency of the week (``--with`` installs it for the run). It measures user
journeys and their latency percentiles well; for the raw throughput figure use ``loadgen.py``
(locust's own CPU use caps it on a 2-core box).

Names group the requests (``/api/v2/tasks/[id]``), so each endpoint gets one row, not one per id.
"""

from __future__ import annotations

import itertools
import random
import uuid

from locust import FastHttpUser, between, task

PASSWORD = "locust password, local only"  # noqa: S105 - accounts of a throwaway load-test database
_numbers = itertools.count()


class TaskManagerUser(FastHttpUser):
    """One person using the app: think time of 0.5-2 s between actions, like a real client."""

    wait_time = between(0.5, 2)

    def on_start(self) -> None:
        # A unique account per simulated user: the lists are user-scoped, so users never share
        # a cache entry, as in production.
        email = f"locust-{uuid.uuid4().hex[:12]}-{next(_numbers)}@example.com"
        self.client.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD},
                         name="/api/v1/auth/register")  # fmt: skip
        response = self.client.post(
            "/api/v1/auth/token", data={"username": email, "password": PASSWORD},
            name="/api/v1/auth/token",
        )  # fmt: skip
        token = response.json()["access_token"]
        self.auth = {"Authorization": f"Bearer {token}"}  # sent with every request below
        self.task_ids: list[int] = []
        for number in range(5):  # something to list from the first request on
            self.create_task(number)

    def create_task(self, number: int | None = None) -> None:
        title = f"Task {number if number is not None else random.randint(1, 10_000)}"  # noqa: S311
        with self.client.post("/api/v2/tasks", json={"title": title}, headers=self.auth,
                              name="/api/v2/tasks [create]",
                              catch_response=True) as response:  # fmt: skip
            if response.status_code == 201:
                self.task_ids.append(response.json()["id"])
                response.success()
            else:
                response.failure(f"create: {response.status_code}")

    @task(10)
    def list_tasks(self) -> None:
        self.client.get("/api/v2/tasks", headers=self.auth, name="/api/v2/tasks")

    @task(3)
    def open_task(self) -> None:
        if self.task_ids:
            task_id = random.choice(self.task_ids)  # noqa: S311
            self.client.get(f"/api/v2/tasks/{task_id}", headers=self.auth,
                            name="/api/v2/tasks/[id]")  # fmt: skip

    @task(2)
    def statistics(self) -> None:
        self.client.get("/api/v2/tasks/stats", headers=self.auth, name="/api/v2/tasks/stats")

    @task(1)
    def add_task(self) -> None:
        self.create_task()

    @task(1)
    def finish_task(self) -> None:
        if self.task_ids:
            task_id = random.choice(self.task_ids)  # noqa: S311
            self.client.patch(f"/api/v2/tasks/{task_id}", json={"state": "done"},
                              headers=self.auth, name="/api/v2/tasks/[id] [patch]")  # fmt: skip

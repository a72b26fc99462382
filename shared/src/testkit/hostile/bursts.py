"""Concurrent bursts at every write route, and the data they must leave behind.

Races do not show up one request at a time. ``probe_bursts(api, budget)`` fires ``budget.burst``
copies of a request at once and checks the winners:

- the same create (identical body; a ``POST`` to a collection, also one under a resource:
  ``/orgs/{org_id}/projects``, see ``creates``): all succeed with distinct ids, or one wins and
  the others get 409 (a unique value);
- the same update of one resource without preconditions: all succeed (the last write wins);
- the same delete: one 2xx, the others 404;
- the same ``If-Match`` (where declared): exactly one 2xx, the others 412 (or 404 once a
  ``DELETE`` won);
- the same ``Idempotency-Key`` (where declared): every 2xx is the same response (same body, same
  ``Location`` and ``ETag``), others at most 409; one resource exists afterwards;
- a delete racing updates of the same resource: afterwards the resource is gone (racing the
  path's ``PATCH``, or its ``PUT`` if it has no ``PATCH``; both with ``--deep``);
- a delete racing creates that refer to it (``tag_ids`` -> ``/tags``, found by name): afterwards
  no created resource refers to something that no longer exists.

Every answer must also pass ``checks.problems`` (no 5xx, declared status, problem shape).
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import httpx

from testkit.hostile.budget import Budget
from testkit.hostile.checks import Finding, json_value, problems
from testkit.hostile.document import Api, Operation, item_param
from testkit.hostile.probe import Seeds, encode, raw, required_headers

WRITES = ("POST", "PUT", "PATCH", "DELETE")
Answer = httpx.Response | httpx.HTTPError


@dataclass(frozen=True)
class Request:
    operation: Operation
    url: str
    body: Any = None
    headers: dict[str, str | bytes] = field(default_factory=dict)

    @property
    def method(self) -> str:
        return self.operation.method

    def send(self, client: httpx.AsyncClient) -> Awaitable[httpx.Response]:
        content = None if self.body is None else encode(self.body)
        headers = {**self.headers, **({"Content-Type": "application/json"} if content else {})}
        return client.request(self.method, self.url, headers=raw(headers), content=content)


async def at_once(calls: Iterable[Callable[[], Awaitable[httpx.Response]]]) -> list[Answer]:
    """Make every call at once; a dropped connection becomes its exception in the answers.

    answers = await at_once([lambda: client.post("/tags", json={"name": "x"})] * 10)
    assert tally(answers) == {201: 1, 409: 9}
    """

    async def one(call: Callable[[], Awaitable[httpx.Response]]) -> Answer:
        try:
            return await call()
        except httpx.HTTPError as exc:
            return exc

    return list(await asyncio.gather(*(one(call) for call in calls)))


async def burst(client: httpx.AsyncClient, requests: Sequence[Request]) -> list[Answer]:
    """Send every request at once (one connection each)."""
    return await at_once(partial(request.send, client) for request in requests)


def tally(answers: Sequence[Answer]) -> Counter[int | str]:
    """``Counter({200: 1, 412: 9})``; a dropped connection counts under its exception name."""
    return Counter(
        a.status_code if isinstance(a, httpx.Response) else type(a).__name__ for a in answers
    )


def successes(answers: Sequence[Answer]) -> list[httpx.Response]:
    return [a for a in answers if isinstance(a, httpx.Response) and a.is_success]


@dataclass
class Scenario:
    """One burst: what was sent, what came back, and what is wrong with it."""

    name: str
    requests: list[Request] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def check(self) -> None:
        """Every answer on its own: no 5xx, declared status, problem shape."""
        for request, answer in zip(self.requests, self.answers, strict=True):
            where = f"{request.method} {request.url}"
            if isinstance(answer, httpx.HTTPError):
                self.fail(f"no answer: {type(answer).__name__}: {answer}", where)
                continue
            for problem in problems(answer, request.operation):
                self.fail(problem, where)

    def expect(self, rule: str, holds: bool) -> None:
        if not holds:
            self.fail(f"expected {rule}; got {dict(tally(self.answers))}")

    def fail(self, problem: str, where: str = "") -> None:
        self.findings.append(
            Finding(f"burst: {self.name}{f' ({where})' if where else ''}", problem)
        )

    @property
    def statuses(self) -> Counter[int | str]:
        return tally(self.answers)


class NoResource(Exception):
    """A scenario could not create the resource it races on."""


class Bursts:
    """The scenarios, on one API, with a client and the planted resources."""

    def __init__(self, api: Api, client: httpx.AsyncClient, seeds: Seeds, size: int) -> None:
        self.api, self.client, self.seeds, self.size = api, client, seeds, size
        self.paths = api.by_path()

    def siblings(self, op: Operation) -> dict[str, Operation]:
        return self.paths.get(op.path, {})

    def body_for(self, op: Operation) -> Any:
        return self.seeds.body(op) if op.body is not None else None

    def collection(self, op: Operation) -> Operation | None:
        """The ``POST`` that creates what ``op``'s path names (``/tags`` for ``/tags/{tag_id}``)."""
        parent = op.path.rsplit("/{", 1)[0]
        return self.paths.get(parent, {}).get("POST") if parent != op.path else None

    async def fresh(self, op: Operation) -> str | None:
        """The URL of a new resource for ``op``, made by its collection's POST (None: the path
        has no such collection); ``NoResource`` if the POST fails. In a collection under a
        resource (``/orgs/{org_id}/projects``) the new one is made under the planted parent."""
        creator = self.collection(op)
        if creator is None:
            return None
        url = self.seeds.url(creator)
        response = await self.client.post(url, json=self.seeds.body(creator))
        created = json_value(response)
        if not response.is_success or not isinstance(created, dict) or "id" not in created:
            raise NoResource(f"POST {url} gave {response.status_code}, no new id")
        return self.seeds.url(op, path={item_param(op.path): str(created["id"])})

    async def run(self, scenario: Scenario, requests: Sequence[Request]) -> Scenario:
        scenario.requests = list(requests)
        scenario.answers = await burst(self.client, requests)
        scenario.check()
        return scenario

    async def same_create(self, op: Operation) -> Scenario:
        request = Request(op, self.seeds.url(op), self.seeds.body(op), required_headers(op))
        scenario = await self.run(Scenario(f"{self.size}x the same {op}"), [request] * self.size)
        wins = successes(scenario.answers)
        ids = [
            value["id"] for r in wins if isinstance(value := json_value(r), dict) and "id" in value
        ]
        all_distinct = len(wins) == self.size and len(set(map(str, ids))) == len(ids)
        one_and_conflicts = len(wins) == 1 and scenario.statuses[409] == self.size - 1
        scenario.expect(
            "all 2xx with distinct ids, or one 2xx and 409s", all_distinct or one_and_conflicts
        )
        return scenario

    async def same_update(self, op: Operation) -> Scenario:
        url = await self.fresh(op)
        scenario = Scenario(f"{self.size}x the same {op}")
        if url is None:
            return scenario
        request = Request(op, url, self.body_for(op), required_headers(op))
        await self.run(scenario, [request] * self.size)
        if op.method == "DELETE":
            one = len(successes(scenario.answers)) == 1 and scenario.statuses[404] == self.size - 1
            scenario.expect("one 2xx and 404s", one)
        else:
            scenario.expect(
                "all 2xx (the last write wins)", len(successes(scenario.answers)) == self.size
            )
        return scenario

    async def same_if_match(self, op: Operation) -> Scenario:
        scenario = Scenario(f"{self.size}x {op} with the same If-Match")
        url = await self.fresh(op)
        if url is None:
            return scenario
        etag = (await self.client.get(url)).headers.get("etag")
        if etag is None:
            scenario.fail(f"GET {url} sent no ETag, but {op} takes If-Match")
            return scenario
        headers = {**required_headers(op), "If-Match": etag}
        await self.run(scenario, [Request(op, url, self.body_for(op), headers)] * self.size)
        # After a DELETE won, the others may also be told the resource is gone (404).
        losers = scenario.statuses[412] + (scenario.statuses[404] if op.method == "DELETE" else 0)
        one = len(successes(scenario.answers)) == 1 and losers == self.size - 1
        scenario.expect("exactly one 2xx and 412s (or 404s after a DELETE)", one)
        return scenario

    async def same_idempotency_key(self, op: Operation) -> Scenario:
        scenario = Scenario(f"{self.size}x {op} with the same Idempotency-Key")
        key = f"burst-{self.seeds.unique()}"
        headers = {**required_headers(op), "Idempotency-Key": key}
        request = Request(op, self.seeds.url(op), self.seeds.body(op), headers)
        await self.run(scenario, [request] * self.size)
        wins = successes(scenario.answers)
        bodies = {r.text for r in wins}
        replayed = {(r.headers.get("location"), r.headers.get("etag")) for r in wins}
        others = self.size - len(wins) - scenario.statuses[409]
        scenario.expect("every 2xx the same response (body, Location, ETag), others 409",
                        len(bodies) <= 1 and len(replayed) <= 1 and others == 0 and bool(wins))  # fmt: skip
        return scenario

    async def delete_vs_update(self, delete: Operation, update: Operation) -> Scenario:
        scenario = Scenario(f"{delete} racing {self.size - 1}x {update}")
        url = await self.fresh(delete)
        if url is None:
            return scenario
        updates = [Request(update, url, self.body_for(update), required_headers(update))]
        await self.run(scenario, [Request(delete, url), *updates * (self.size - 1)])
        first = scenario.answers[0]
        scenario.expect(
            "the DELETE to succeed", isinstance(first, httpx.Response) and first.is_success
        )
        after = await self.client.get(url)
        if after.status_code != 404:
            scenario.fail(f"GET {url} after the burst gave {after.status_code}, not 404")
        return scenario

    async def delete_vs_reference(
        self, delete: Operation, create: Operation, field: str
    ) -> Scenario:
        scenario = Scenario(f"{delete} racing {self.size - 1}x {create} with {field}")
        url = await self.fresh(delete)
        if url is None:
            return scenario
        target = json_value(await self.client.get(url))
        if not isinstance(target, dict) or "id" not in target:
            return scenario
        body = {**self.seeds.body(create), field: self.reference(create, field, target["id"])}
        refer = Request(create, self.seeds.url(create), body, required_headers(create))
        await self.run(scenario, [Request(delete, url), *[refer] * (self.size - 1)])
        exists = (await self.client.get(url)).status_code == 200
        for created in successes(scenario.answers[1:]):
            value = json_value(created)
            if (
                isinstance(value, dict)
                and self.refers(value.get(field), target["id"])
                and not exists
            ):
                scenario.fail(f"a created resource refers to {url}, which is gone",
                              f"{created.request.method} {created.headers.get('location')}")  # fmt: skip
        return scenario

    def reference(self, op: Operation, field: str, target: Any) -> Any:
        schema = (op.document.resolve(op.body or {}).get("properties") or {}).get(field, {})
        is_list = "array" in str(schema.get("type")) or any(
            op.document.resolve(b).get("type") == "array" for b in schema.get("anyOf", [])
        )
        return [target] if is_list else target

    @staticmethod
    def refers(value: Any, target: Any) -> bool:
        return value == target or (isinstance(value, list) and target in value)


def creates(op: Operation, paths: dict[str, dict[str, Operation]]) -> bool:
    """``op`` adds to a collection: a ``POST`` to a path without parameters (``/tasks``), or to
    one under a resource that ends in a name (``/orgs/{org_id}/projects``, also deeper:
    ``/orgs/{org_id}/tasks/{task_id}/comments``) and is a collection: it answers 201 Created, is
    listed by a ``GET`` or has items. Not an action on one resource (``/dead-letters/{id}/replay``,
    202) nor a ``POST`` to an item (``/sync/{source}``): those count as writes to what they name."""
    if op.method != "POST":
        return False
    if not op.params("path"):
        return True
    if op.path.endswith("}"):
        return False
    listed = "GET" in paths.get(op.path, {})
    has_items = any(path.startswith(f"{op.path}/{{") for path in paths)
    return "201" in op.responses or listed or has_items


def singular(collection: str) -> str:
    name = collection.rstrip("/").rsplit("/", 1)[-1]
    return f"{name[:-3]}y" if name.endswith("ies") else name.removesuffix("s")


def references(api: Api) -> list[tuple[Operation, Operation, str]]:
    """``(DELETE /tags/{tag_id}, POST /tasks, "tag_ids")``: creates whose body names a resource
    of a deletable collection by the REST naming convention (``<singular>_id`` or ``_ids``)."""
    found = []
    for delete in (op for op in api.operations if op.method == "DELETE" and op.params("path")):
        name = singular(delete.path.rsplit("/{", 1)[0])
        for create in (op for op in api.operations if op.method == "POST" and op.body is not None):
            properties = create.document.resolve(create.body or {}).get("properties", {})
            found += [(delete, create, f) for f in (f"{name}_id", f"{name}_ids") if f in properties]
    return found


def skipped(op: Operation, skip: Iterable[str]) -> bool:
    """``op`` is named in ``skip``: as itself (``"POST /sync/{source}"``) or by a path prefix."""
    return any(str(op) == entry or op.path.startswith(entry) for entry in skip)


async def probe_bursts(
    api: Api, budget: Budget | None = None, skip: Iterable[str] = ()
) -> list[Finding]:
    """Run every scenario that applies to the API's write routes; return what went wrong.

    ``skip`` leaves out writes the scenarios cannot drive, each named as an operation
    (``"POST /api/v1/webhooks/payments"``: a body only the provider can sign) or a path prefix
    (``"/api/v1/auth/"``: a POST that creates nothing); test their races by hand instead.
    """
    budget = budget or Budget()
    skip = tuple(skip)
    async with api.client(connections=2 * budget.burst + 10) as client:
        seeds = Seeds()
        await seeds.plant(client, api, per_collection=1)
        bursts = Bursts(api, client, seeds, budget.burst)
        findings = []
        for name, scenario in scenarios(api, bursts, skip, deep=budget.deep):
            try:
                findings += (await scenario).findings
            except (httpx.HTTPError, NoResource) as exc:
                findings.append(Finding(f"burst: {name}", f"could not run: {exc!r}"))
        return findings


def scenarios(
    api: Api, bursts: Bursts, skip: tuple[str, ...] = (), deep: bool = False
) -> Iterator[tuple[str, Awaitable[Scenario]]]:
    """``(what, the scenario to await)`` for every scenario that applies to the API (a delete
    races one update of its path, every update with ``deep``)."""
    writes = [op for op in api.operations if op.method in WRITES and not skipped(op, skip)]
    for op in writes:
        if creates(op, bursts.paths):
            yield f"the same {op}", bursts.same_create(op)
        elif op.params("path"):
            yield f"the same {op}", bursts.same_update(op)
        if op.header("If-Match") is not None:
            yield f"{op} with one If-Match", bursts.same_if_match(op)
        if op.header("Idempotency-Key") is not None:
            yield f"{op} with one Idempotency-Key", bursts.same_idempotency_key(op)
        if op.method == "DELETE":
            updates = (bursts.siblings(op).get(method) for method in ("PATCH", "PUT"))
            racing = [u for u in updates if u is not None and not skipped(u, skip)]
            for update in racing if deep else racing[:1]:
                yield f"{op} racing {update}", bursts.delete_vs_update(op, update)
    for delete, create, field_name in references(api):
        if skipped(delete, skip) or skipped(create, skip):
            continue
        yield f"{delete} racing {create}", bursts.delete_vs_reference(delete, create, field_name)

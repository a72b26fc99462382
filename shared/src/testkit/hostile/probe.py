"""Hostile input: every operation, every parameter and body field, one bad value at a time.

``probe_inputs(api, budget)`` first creates a few resources (``Seeds``: one ``POST`` per collection
with a minimal valid body) so that ids in paths name things that exist, then sends, concurrently:

- each path, query and header parameter with each hostile text of ``values.wire_values`` /
  ``values.header_values``, a duplicated query parameter and an unknown one;
- each body field (nested ones too: ``tasks[0].title``) with each value of ``values.body_values``,
  a missing required field, an unknown field and bodies of the wrong JSON type;
- raw bodies: invalid UTF-8, truncated JSON, duplicated keys, a 5,000-digit number, deep nesting,
  an oversized body, and the valid body under a wrong content type and none.

Each kind of defect gets one representative value per place by default (a schema probed before
gets fewer, see ``Seen``); ``budget.deep`` sends every value to every place.

It returns a ``Finding`` for every answer that breaks the rules of ``checks``.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx

from testkit.hostile import values
from testkit.hostile.budget import Budget
from testkit.hostile.checks import Finding, describe, json_value, problems, validator
from testkit.hostile.document import Api, Operation, Parameter, Schema, item_param
from testkit.hostile.examples import example, non_null

JSON = "application/json"
CONTENT_TYPES = ("text/plain",)
CONTENT_TYPES_DEEP = (
    "application/x-www-form-urlencoded",
    "application/xml",
    "multipart/form-data; boundary=x",
    "application/json; charset=utf-16",
)


@dataclass(frozen=True)
class Probe:
    """One request to send, and what it must get back."""

    operation: Operation | None
    method: str
    url: str  # path and query, percent-encoded
    note: str
    headers: dict[str, str | bytes] = field(default_factory=dict)
    content: bytes | None = None
    also_allowed: tuple[int, ...] = ()  # statuses acceptable beyond the declared ones
    must_reject: bool = False  # the document forbids this request: a 2xx accepts what it must not


@dataclass
class Seeds:
    """Resources created before the attack: ``ids[collection path]``."""

    ids: dict[str, list[Any]] = field(default_factory=dict)
    counter: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def unique(self) -> str:
        return str(next(self.counter))

    async def plant(self, client: httpx.AsyncClient, api: Api, per_collection: int = 3) -> None:
        """Create ``per_collection`` resources in each collection that has items, a collection
        under a resource (``/orgs/{org_id}/projects``) in the first planted parent, parents first."""
        paths = api.by_path()
        for op in sorted(api.operations, key=lambda op: op.path.count("{")):
            has_items = any(path.startswith(f"{op.path}/{{") for path in paths)
            if op.method != "POST" or op.body is None or op.path.endswith("}") or not has_items:
                continue
            for _ in range(per_collection):
                try:
                    response = await client.post(self.url(op), json=self.body(op))
                except httpx.HTTPError:
                    continue  # the probes that follow report what is wrong
                created = json_value(response) if response.is_success else None
                if isinstance(created, dict) and "id" in created:
                    self.ids.setdefault(op.path, []).append(created["id"])

    def body(self, op: Operation) -> Any:
        return example(op.body or {}, op.document, self.unique())

    def path_value(self, op: Operation, param: Parameter, last: bool = False) -> str:
        """An id planted in the parameter's collection (the path before ``/{param}``)."""
        ids = self.ids.get(op.path.split(f"/{{{param.name}}}")[0], [])
        if ids:
            return quote(str(ids[-1] if last else ids[0]), safe="")
        return quote(str(example(param.schema, op.document)), safe="")

    def url(self, op: Operation, path: dict[str, str] | None = None, query: str = "") -> str:
        """The operation's URL with planted ids; ``path`` overrides some (already encoded)."""
        url, given = op.path, path or {}
        item = op.path.endswith("}") and item_param(op.path)
        for param in op.params("path"):
            # A DELETE takes the last item planted (the others go on using the first) in the
            # parent every request uses (the first: where the items were planted).
            last = op.method == "DELETE" and param.name == item
            planted = self.path_value(op, param, last=last)
            url = url.replace(f"{{{param.name}}}", given.get(param.name, planted))
        required = [
            f"{quote(p.name)}={quote(str(example(p.schema, op.document)), safe='')}"
            for p in op.params("query")
            if p.required
        ]
        query = "&".join(filter(None, [*required, query]))
        return f"{url}?{query}" if query else url


def raw(headers: dict[str, str | bytes]) -> list[tuple[bytes, bytes]]:
    """Headers as bytes: a hostile value may be bytes that are not ASCII."""
    return [(k.encode(), v if isinstance(v, bytes) else v.encode()) for k, v in headers.items()]


def encode(body: Any) -> bytes:
    # ensure_ascii: a lone surrogate travels as the escape "\ud800" (no UTF-8 form exists).
    return json.dumps(body, allow_nan=True).encode()


@dataclass
class Seen:
    """What was probed already: an operation that shares a schema with an earlier one (PUT and
    POST take the same body; GET, PUT and DELETE the same id) gets the short lists of values."""

    keys: set[str] = field(default_factory=set)
    enabled: bool = True  # with --deep, every operation gets every value

    def again(self, *parts: object) -> bool:
        key = json.dumps(parts, sort_keys=True, default=str)
        repeated = key in self.keys
        self.keys.add(key)
        return repeated and self.enabled


Mutation = tuple[str, Any, bool]  # where and what, the whole body, known to break the schema


def body_mutations(
    schema: Schema, base: Any, op: Operation, budget: Budget, seen: Seen, depth: int = 0
) -> Iterator[Mutation]:
    """``(where and what, the whole body, invalid)`` for each hostile value of each field of
    ``base``; ``invalid``: the schema forbids the value wherever it is (no need to check)."""
    document = op.document
    resolved = non_null(schema, document)
    if not isinstance(base, dict):
        return
    for name, prop in resolved.get("properties", {}).items():
        short = seen.again("field", name, prop)  # the same field, elsewhere or in v2
        for value in values.body_values(prop, document, budget, short):
            yield f".{name} = {value.label}", {**base, name: value.value}, value.invalid
        inner = non_null(prop, document)
        items = non_null(inner.get("items", {}), document)
        if depth < 2 and inner.get("type") == "array" and "properties" in items:
            item = example(items, document)
            for label, mutated, invalid in body_mutations(items, item, op, budget, seen, depth + 1):
                yield f".{name}[0]{label}", {**base, name: [mutated]}, invalid
        elif depth < 2 and "properties" in inner:
            sub = base.get(name) if isinstance(base.get(name), dict) else example(inner, document)
            for label, mutated, invalid in body_mutations(inner, sub, op, budget, seen, depth + 1):
                yield f".{name}{label}", {**base, name: mutated}, invalid


def parameter_probes(op: Operation, seeds: Seeds, budget: Budget, seen: Seen) -> Iterator[Probe]:
    headers = required_headers(op)
    # Parsing a value of one type is the framework's, the same for every parameter: the first
    # of each type gets every value, the others those that reach the route's own code (NUL, past
    # the integer columns).
    for param in op.params("path"):
        short = seen.again("path", values.wire_schema(param.schema, op.document).get("type"))
        for value in values.wire_values(param.schema, op.document, budget, short):
            url = seeds.url(op, path={param.name: value.value})
            # A bad id may name no resource (404), another one that lacks the method (405), or,
            # empty, the collection with a trailing slash (a redirect to it).
            yield Probe(op, op.method, url, f"path {param.name} = {value.label}", headers,
                        content_for(op, seeds), also_allowed=(404, 405, 307, 308))  # fmt: skip
    for param in op.params("query"):
        short = seen.again("query", values.wire_schema(param.schema, op.document).get("type"))
        for value in values.wire_values(param.schema, op.document, budget, short):
            url = seeds.url(op, query=f"{quote(param.name)}={value.value}")
            yield Probe(op, op.method, url, f"query {param.name} = {value.label}", headers)
        if param.schema.get("type") != "array" and not short:
            twice = "&".join(f"{quote(param.name)}={v}" for v in ("1", "2"))
            yield Probe(op, op.method, seeds.url(op, query=twice), f"query {param.name} twice")
    yield Probe(op, op.method, seeds.url(op, query="unexpected=1"), "unknown query parameter",
                headers, content_for(op, seeds))  # fmt: skip
    for param in op.params("header"):
        short = seen.again("header", param.name, param.schema)
        for label, text in values.header_values(budget)[: 2 if short else None]:
            yield Probe(op, op.method, seeds.url(op), f"header {param.name} = {label}",
                        {**headers, param.name: text}, content_for(op, seeds))  # fmt: skip


def required_headers(op: Operation) -> dict[str, str | bytes]:
    return {p.name: str(example(p.schema, op.document)) for p in op.params("header") if p.required}


def content_for(op: Operation, seeds: Seeds) -> bytes | None:
    return encode(seeds.body(op)) if op.body is not None else None


def body_probes(op: Operation, seeds: Seeds, budget: Budget, seen: Seen) -> Iterator[Probe]:
    if op.body is None:
        return
    short = seen.again("body", op.document.url, op.body)
    url, base = seeds.url(op), seeds.body(op)
    json_headers: dict[str, str | bytes] = {**required_headers(op), "Content-Type": JSON}
    schema = validator(op.body, op)

    def probe(
        note: str,
        content: bytes,
        headers: dict[str, str | bytes] = json_headers,
        reject: bool = True,
    ) -> Probe:
        return Probe(op, op.method, url, note, headers, content, must_reject=reject)

    mutations = list(body_mutations(op.body, base, op, budget, seen))
    shapes: dict[str, Any] = {"{} (required fields missing)": {}}
    if isinstance(base, dict):
        shapes["an unknown field"] = {**base, "unexpected_field": 1}
    if not short:
        shapes |= {"array": [], "null": None}
    if not short and budget.deep:
        shapes |= {"string": "x", "1": 1}
    mutations += [(f" = {label}", body, False) for label, body in shapes.items()]
    for label, body, invalid in mutations:
        yield probe(f"body{label}", encode(body), reject=invalid or not schema.is_valid(body))
    if not short:  # raw bytes meet the body parser, which does not depend on the operation
        yield from raw_bodies(op, encode(base), base, budget, probe)


def raw_bodies(
    op: Operation, valid: bytes, base: Any, budget: Budget, probe: Callable[..., Probe]
) -> Iterator[Probe]:
    """Bodies that are not JSON, or not what the document says: all must be rejected."""
    depth, big = budget.nesting, budget.oversized_body
    yield probe("body is empty", b"", reject=op.body_required)
    yield probe("invalid UTF-8 in the body", with_member(valid, b'"x": "\xff\xfe"'))
    yield probe("truncated JSON", valid[: len(valid) // 2])
    yield probe(f"{depth:,} nested arrays", b"[" * depth + b"]" * depth)
    if budget.deep:  # the same parser, the same recursion limit
        yield probe(f"{depth:,} nested objects", b'{"a":' * depth + b"1" + b"}" * depth)
    # Unknown members: rejected where the schema forbids them (additionalProperties: false).
    closed = non_null(op.body or {}, op.document).get("additionalProperties") is False
    yield probe("a 5,000-digit number", with_member(valid, b'"x": 1' + b"0" * 5_000), reject=closed)
    oversized = with_member(valid, b'"x": "' + b"x" * big + b'"')
    yield probe(f"oversized body ({big:,} bytes)", oversized, reject=closed)
    if isinstance(base, dict) and base and budget.deep:  # JSON parsers keep the last one
        key = json.dumps(next(iter(base)))
        twice = f"{{{key}: {json.dumps(next(iter(base.values())))}, {valid.decode()[1:]}"
        yield probe("a duplicated key", twice.encode(), reject=False)
    for content_type in CONTENT_TYPES + (CONTENT_TYPES_DEEP if budget.deep else ()):
        headers = {**required_headers(op), "Content-Type": content_type}
        # JSON is UTF-8 whatever the charset says (RFC 8259): reading it is no fault.
        json_anyway = content_type.startswith(JSON)
        yield probe(f"Content-Type: {content_type}", valid, headers, reject=not json_anyway)
    if budget.deep:  # FastAPI reads a body without a type as JSON
        yield probe("no Content-Type", valid, required_headers(op))


def with_member(valid: bytes, member: bytes) -> bytes:
    """``valid`` (a JSON object) with one more member, written as raw bytes."""
    if not valid.startswith(b"{"):
        return b"{" + member + b"}"
    inner = valid[1:-1].strip()
    return b"{" + inner + (b", " if inner else b"") + member + b"}"


def input_probes(api: Api, seeds: Seeds, budget: Budget) -> list[Probe]:
    seen = Seen(enabled=not budget.deep)
    return [
        probe
        for op in api.operations
        for probe in itertools.chain(
            parameter_probes(op, seeds, budget, seen), body_probes(op, seeds, budget, seen)
        )
    ]


async def send(client: httpx.AsyncClient, probe: Probe) -> list[Finding]:
    where = describe(probe.method, probe.url, probe.content, probe.note)
    try:
        response = await client.request(
            probe.method, probe.url, headers=raw(probe.headers), content=probe.content
        )
    except httpx.HTTPError as exc:
        return [Finding(where, f"no answer: {type(exc).__name__}: {exc}")]
    found = problems(response, probe.operation, probe.also_allowed)
    if probe.must_reject and response.is_success:
        found.append(f"accepted ({response.status_code}) a request its schema forbids")
    return [Finding(where, problem) for problem in found]


async def send_all(client: httpx.AsyncClient, probes: list[Probe], in_flight: int) -> list[Finding]:
    gate = asyncio.Semaphore(in_flight)

    async def one(probe: Probe) -> list[Finding]:
        async with gate:
            return await send(client, probe)

    results = await asyncio.gather(*(one(probe) for probe in probes))
    return [finding for found in results for finding in found]


async def probe_inputs(api: Api, budget: Budget | None = None) -> list[Finding]:
    """Send every hostile input to every operation; return the wrong answers."""
    budget = budget or Budget()
    async with api.client() as client:
        seeds = Seeds()
        await seeds.plant(client, api)
        return await send_all(client, input_probes(api, seeds, budget), budget.in_flight)

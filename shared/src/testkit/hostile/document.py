"""The map of what to attack: an API's operations, read from its OpenAPI documents.

``Api.load(base_url, ["/openapi.json"])`` fetches the documents a running app serves (several for
a versioned API: ``/api/v1/openapi.json``, ``/api/v2/openapi.json``) and lists every operation with
its parameters, JSON body schema and the status codes it declares.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

Schema = dict[str, Any]
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def item_param(path: str) -> str:
    """The parameter that names the item: the last one (``project_id`` in
    ``/orgs/{org_id}/projects/{project_id}``)."""
    names: list[str] = re.findall(r"{([^}/]+)}", path)
    return names[-1]


@dataclass(frozen=True)
class Document:
    """One OpenAPI document; ``resolve`` follows ``$ref`` into its components."""

    url: str
    raw: dict[str, Any]

    def resolve(self, schema: Schema) -> Schema:
        seen = 0
        while "$ref" in schema:
            target: Any = self.raw
            for part in schema["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            schema, seen = target, seen + 1
            if seen > 50:
                raise ValueError(f"{self.url}: $ref cycle at {schema}")
        return schema

    def operations(self) -> list[Operation]:
        return [
            Operation.parse(self, method.upper(), path, spec)
            for path, item in self.raw.get("paths", {}).items()
            for method, spec in item.items()
            if method.upper() in METHODS
        ]


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # path, query or header
    schema: Schema
    required: bool


@dataclass(frozen=True)
class Operation:
    document: Document
    method: str
    path: str
    parameters: tuple[Parameter, ...]
    body: Schema | None
    body_required: bool
    responses: dict[str, Any] = field(repr=False)

    @classmethod
    def parse(cls, document: Document, method: str, path: str, spec: dict[str, Any]) -> Operation:
        parameters = tuple(
            Parameter(
                p["name"], p["in"], document.resolve(p.get("schema", {})), p.get("required", False)
            )
            for p in (document.resolve(p) for p in spec.get("parameters", []))
            if p["in"] in ("path", "query", "header")
        )
        request_body = document.resolve(spec.get("requestBody", {}))
        body = request_body.get("content", {}).get("application/json", {}).get("schema")
        required = bool(request_body.get("required", False))
        return cls(document, method, path, parameters, body, required, spec.get("responses", {}))

    def __str__(self) -> str:
        return f"{self.method} {self.path}"

    def params(self, location: str) -> list[Parameter]:
        return [p for p in self.parameters if p.location == location]

    def header(self, name: str) -> Parameter | None:
        return next((p for p in self.params("header") if p.name.lower() == name.lower()), None)

    def declares(self, status: int) -> bool:
        return any(key in self.responses for key in (str(status), f"{status // 100}XX", "default"))

    def declared(self) -> str:
        return ", ".join(sorted(self.responses))

    def response(self, status: int) -> dict[str, Any]:
        """The response object the document gives for this status (``{}`` if none)."""
        for key in (str(status), f"{status // 100}XX", "default"):
            if key in self.responses:
                return self.document.resolve(self.responses[key])
        return {}

    def media_types(self, status: int) -> list[str]:
        return list(self.response(status).get("content", {}))

    def response_schema(self, status: int, media_type: str) -> Schema | None:
        """The schema the document gives for this status and media type, if any."""
        schema = self.response(status).get("content", {}).get(media_type, {}).get("schema")
        return None if schema is None else dict(schema)


@dataclass(frozen=True)
class Api:
    """A running API: its base URL and the operations of its documents."""

    base_url: str
    documents: tuple[Document, ...]

    @classmethod
    async def load(cls, base_url: str, document_paths: list[str]) -> Api:
        """The API at ``base_url`` with the documents it serves at ``document_paths``; an
        ``AssertionError`` if one cannot be fetched (the app cannot describe itself)."""
        async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
            documents = []
            for path in document_paths:
                try:
                    response = await client.get(path)
                except httpx.HTTPError as exc:
                    raise AssertionError(f"GET {path}: no answer ({exc!r})") from exc
                if response.status_code != 200:
                    raise AssertionError(
                        f"GET {path} gave {response.status_code}, not the OpenAPI document"
                    )
                documents.append(Document(f"{base_url}{path}", response.json()))
        return cls(base_url.rstrip("/"), tuple(documents))

    @property
    def operations(self) -> list[Operation]:
        return [op for document in self.documents for op in document.operations()]

    def only(self, keep: Callable[[str, str], bool]) -> Api:
        """This API with only the operations ``keep(method, path)`` says yes to (the method as the
        document writes it, ``post``): a week's suite attacks what the week changes."""
        documents = []
        for doc in self.documents:
            paths = {}
            for path, item in doc.raw.get("paths", {}).items():
                kept = {m for m in item if m.upper() in METHODS and keep(m, path)}
                if kept:
                    paths[path] = {
                        k: v for k, v in item.items() if k in kept or k.upper() not in METHODS
                    }
            documents.append(Document(doc.url, doc.raw | {"paths": paths}))
        return Api(self.base_url, tuple(documents))

    def by_path(self) -> dict[str, dict[str, Operation]]:
        """``{path: {method: operation}}`` over every document."""
        paths: dict[str, dict[str, Operation]] = {}
        for op in self.operations:
            paths.setdefault(op.path, {})[op.method] = op
        return paths

    def client(self, connections: int = 100) -> httpx.AsyncClient:
        """A client for the API: enough connections that a burst really runs at once, and a new
        connection per request (a server may close one after a 500, and the next request on it
        would fail for that, not for what it sends)."""
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=0)
        return httpx.AsyncClient(base_url=self.base_url, timeout=60, limits=limits)

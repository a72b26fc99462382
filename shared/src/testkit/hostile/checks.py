"""What every answer must satisfy, and how failures are reported.

- no 5xx, and no dropped connection;
- a status the operation declares in its OpenAPI document (for a documented operation);
- errors (4xx) in the problem-details shape: ``application/problem+json`` with ``type``, ``title``
  and a ``status`` equal to the response's (RFC 9457);
- a body that matches the schema the document gives for that status.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import httpx
from jsonschema import Draft202012Validator, FormatChecker

from testkit.hostile.document import Operation, Schema

PROBLEM_JSON = "application/problem+json"
SHOWN = 40  # example findings in a full report; the rest are counted


@dataclass(frozen=True)
class Finding:
    """One request the API answered wrongly: what was sent, and what is wrong with the answer."""

    request: str
    problem: str

    def __str__(self) -> str:
        return f"{self.request}\n    -> {self.problem}"


def excerpt(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text):,} characters)"


def describe(method: str, url: str, body: bytes | None = None, note: str = "") -> str:
    shown = f" {excerpt(body.decode('utf-8', 'backslashreplace'), 80)}" if body else ""
    return f"{method} {excerpt(url, 100)}{shown}{f'  [{note}]' if note else ''}"


def problems(
    response: httpx.Response, operation: Operation | None, also_allowed: Iterable[int] = ()
) -> list[str]:
    """What is wrong with ``response`` (empty: nothing)."""
    status = response.status_code
    found = []
    if status >= 500:
        found.append(f"server error {status}: {excerpt(response.text)}")
    elif operation is not None and not operation.declares(status) and status not in also_allowed:
        found.append(f"status {status} is not declared (declared: {operation.declared()})")
    if 400 <= status < 500 and response.request.method != "HEAD":
        found += problem_shape(response)
    if operation is not None and response.request.method != "HEAD" and not found:
        found += schema_errors(response, operation)
    return found


def problem_shape(response: httpx.Response) -> list[str]:
    media_type = response.headers.get("content-type", "").split(";")[0].strip()
    if media_type != PROBLEM_JSON:
        return [f"error {response.status_code} is {media_type or 'untyped'}, not {PROBLEM_JSON}"]
    try:
        body = response.json()
    except json.JSONDecodeError:
        return [f"error {response.status_code} body is not JSON: {excerpt(response.text)}"]
    if not isinstance(body, dict) or not {"type", "title", "status"} <= body.keys():
        return [f"error body lacks type/title/status: {excerpt(response.text)}"]
    if body["status"] != response.status_code:
        return [f"problem status {body['status']} != HTTP status {response.status_code}"]
    return []


def validator(schema: Schema, operation: Operation) -> Draft202012Validator:
    """A JSON Schema validator for ``schema``, its ``$ref``s resolved in the operation's document."""
    root = {**schema, "components": operation.document.raw.get("components", {})}
    return Draft202012Validator(root, format_checker=FormatChecker())


def schema_errors(response: httpx.Response, operation: Operation) -> list[str]:
    media_type = response.headers.get("content-type", "").split(";")[0].strip()
    documented = operation.media_types(response.status_code)
    if response.content and documented and media_type not in documented:
        return [
            f"content type {media_type} is not documented (documented: {', '.join(documented)})"
        ]
    schema = operation.response_schema(response.status_code, media_type)
    if schema is None or not response.content:
        return []
    errors = sorted(validator(schema, operation).iter_errors(response.json()), key=str)
    return [
        f"body does not match the declared schema at {list(e.absolute_path)}: {excerpt(e.message)}"
        for e in errors[:3]
    ]


def kind_of(problem: str) -> str:
    """The kind of a problem, for grouping: its first clause, URLs left out."""
    general = re.sub(r"\S*/\S*", "<url>", problem)
    return re.split(r"[:(\[{'\"]", general)[0].strip()


def report(findings: list[Finding], title: str, examples: int = SHOWN, limit: int = 0) -> str:
    """Findings grouped by kind, most frequent first, ``examples`` in all; with ``limit``, the
    report stops before that many characters (and says how much it left out)."""
    groups: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        groups[kind_of(finding.problem)].append(finding)
    lines = [f"{title}: {len(findings)} wrong answer(s) of {len(groups)} kind(s)"]
    for number, (kind, members) in enumerate(sorted(groups.items(), key=lambda g: -len(g[1]))):
        shown = [f"  {finding}" for finding in members[: max(1, examples // len(groups))]]
        section = [f"{kind} ({len(members)}x), e.g.:", *shown]
        if limit and len("\n".join(lines + section)) > limit:
            lines.append(f"... and {len(groups) - number} more kind(s)")
            break
        lines += section
    return "\n".join(lines)


def assert_clean(findings: list[Finding], title: str = "the API") -> None:
    """Raise ``AssertionError`` with a short report when there are findings; the whole report
    is printed (pytest shows it as the test's captured output)."""
    if findings:
        print(report(findings, title))  # the long form, for the developer
        raise AssertionError(report(findings, title, examples=8, limit=1_500))


def json_value(response: httpx.Response) -> Any:
    try:
        return response.json()
    except json.JSONDecodeError:
        return None

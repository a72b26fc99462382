"""Minimal valid values for a JSON schema: the well-formed request that one hostile value spoils.

Every hostile request changes ONE place of an otherwise valid request, so a 422 proves the API
rejected that value and not something else. ``example(schema, document, unique="7")`` builds the
smallest valid instance: required properties only, the schema's own ``examples`` or ``default``
where it has them, and ``unique`` appended to free-text strings so that two examples do not
collide on a unique column (a category name); ``unique`` should be digits, which most
patterns accept.
"""

from __future__ import annotations

from typing import Any

from testkit.hostile.document import Document, Schema

FORMATS = {
    "date": "2026-03-01",
    "date-time": "2026-03-01T09:00:00Z",
    "uuid": "00000000-0000-4000-8000-000000000000",
    "email": "someone@example.com",
    "uri": "https://example.com/",
}


def non_null(schema: Schema, document: Document) -> Schema:
    """The first branch of an ``anyOf``/``oneOf`` that is not ``null`` (``X | None`` fields)."""
    schema = document.resolve(schema)
    for key in ("anyOf", "oneOf"):
        for branch in schema.get(key, []):
            branch = document.resolve(branch)
            if branch.get("type") != "null":
                return non_null(branch, document)
    return schema


def example(schema: Schema, document: Document, unique: str = "") -> Any:
    """A small valid instance of ``schema`` (see the module docstring)."""
    schema = non_null(schema, document)
    for key in ("const", "examples", "default", "enum"):
        if key in schema:
            value = schema[key][0] if key in ("examples", "enum") else schema[key]
            if key == "examples" and isinstance(value, str) and "format" not in schema:
                value = (value + unique)[: schema.get("maxLength", len(value) + len(unique))]
            return value
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        return {
            name: example(properties[name], document, unique) for name in schema.get("required", [])
        }
    if kind == "array":
        count = schema.get("minItems", 0)
        return [example(schema.get("items", {}), document, unique) for _ in range(count)]
    if kind == "integer":
        return max(int(schema.get("minimum", 1)), int(schema.get("exclusiveMinimum", 0)) + 1)
    if kind == "number":
        return float(schema.get("minimum", 1))
    if kind == "boolean":
        return True
    if kind == "string":
        return text(schema, unique)
    return None


def text(schema: Schema, unique: str) -> str:
    if schema.get("format") in FORMATS:
        return FORMATS[schema["format"]]
    value = f"x{unique}"[: schema.get("maxLength", 100)]
    return value.ljust(schema.get("minLength", 1), "x")

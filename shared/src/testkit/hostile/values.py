"""Boundary and hostile values per JSON schema, for request bodies and for the wire.

Each value targets a known way APIs break:

- integers at and beyond the bounds of database columns (PostgreSQL ``INTEGER`` ends at 2**31 - 1,
  ``BIGINT`` at 2**63 - 1; a driver refuses to send more and the request dies with a 500), the
  schema's own ``minimum``/``maximum`` and one past them, negative numbers, floats;
- strings PostgreSQL cannot store (the NUL character), control characters, a lone UTF-16
  surrogate (no UTF-8 encoding exists), the schema's ``maxLength`` + 1, very long text;
- the wrong JSON type for the field: ``true`` for an id, ``1`` for a date, ``"1"`` for a number;
- impossible dates, enum values in the wrong case.

The default lists hold one value per defect class and JSON type (the one that finds the class most
often: ``2**31`` for an overflowing column, ``true`` for lax typing, NUL for text PostgreSQL refuses);
``budget.deep`` adds the rest (more numbers and wrong types, control characters, right-to-left
overrides, emoji, metacharacters, odd dates). Values marked ``short`` make the short list, for a
schema an earlier operation was already probed with (PUT's body is usually POST's): enough to see
that this operation validates the same way.
``body_values`` gives JSON values; ``wire_values`` gives the text that goes into a path segment
or a query string (percent-encoded already); ``header_values`` the raw header values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from testkit.hostile.budget import Budget
from testkit.hostile.document import Document, Schema
from testkit.hostile.examples import example, non_null

INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1


@dataclass(frozen=True)
class Hostile:
    label: str
    value: Any
    short: bool = False  # on the short list
    invalid: bool = False  # the schema forbids it whatever the rest of the body (no need to check)


def distinct(values: list[Hostile], short: bool) -> list[Hostile]:
    """The values without repeats (``maximum + 1`` is often ``2**31``), short ones if ``short``."""
    seen: set[str] = set()
    kept = []
    for value in values:
        key = f"{type(value.value).__name__}:{value.value!r}"
        if key not in seen and (value.short or not short):
            seen.add(key)
            kept.append(value)
    return kept


def integers(schema: Schema, deep: bool) -> list[Hostile]:
    values = [
        Hostile("2**31 (past INTEGER)", INT32_MAX + 1, short=True),
        Hostile("2**63 (past BIGINT)", INT64_MAX + 1, short=True),
    ]
    bounds = [("minimum", -1), ("maximum", 1)]
    values += [Hostile(f"{key} {schema[key]} {step:+d}", schema[key] + step, invalid=True)
               for key, step in bounds if key in schema]  # fmt: skip
    if "minimum" not in schema or deep:  # a declared minimum is checked by the one above
        values.append(Hostile("-1", -1, short=True))
    if deep:
        values += [
            Hostile("0", 0),
            Hostile("1.5", 1.5),
            Hostile("2**31 - 1 (INTEGER max)", INT32_MAX),
            Hostile("-2**31 - 1 (past INTEGER)", -INT32_MAX - 2),
            Hostile("10**30", 10**30),
            Hostile("NaN", float("nan")),
            Hostile("-0.0", -0.0),
            *[Hostile(f"{key} {schema[key]}", schema[key]) for key, _ in bounds if key in schema],
        ]
    return values


def strings(schema: Schema, budget: Budget) -> list[Hostile]:
    values = [
        Hostile("NUL character", "a\x00b", short=True),
        Hostile("lone surrogate", "a\ud800b"),
    ]
    if "maxLength" in schema:
        too_long = "x" * (schema["maxLength"] + 1)
        values.append(
            Hostile(f"maxLength {schema['maxLength']} + 1", too_long, short=True, invalid=True)
        )
    if "maxLength" not in schema or budget.deep:  # a declared limit is checked by the one above
        values.append(Hostile(f"{budget.long_text:,} characters", "x" * budget.long_text))
    if schema.get("format") in ("date", "date-time"):
        values.append(Hostile("February 30th", "2026-02-30", short=True))
    if "enum" in schema:
        values.append(Hostile("unknown enum value", "no-such-value", short=True))
    if budget.deep:
        values += [
            Hostile("empty string", ""),
            Hostile("control characters", "a\x01\x1b[31m\x7fb"),
            Hostile("blank string", "   "),
            Hostile("right-to-left override", "\u202egnp.exe"),
            Hostile("emoji and combining marks", "e\u0301\u0301 \U0001f600"),
            Hostile("SQL and format metacharacters", "' OR 1=1 -- %s %n {0} ${x}"),
            Hostile("year 0", "0000-01-01"),
            Hostile("year 10000", "10000-01-01"),
            Hostile("month 13", "2026-13-01"),
        ]
        if "enum" in schema:
            values.append(Hostile("enum value in upper case", str(schema["enum"][0]).upper()))
    return values


# One per type, the one lax parsers take most often (0 as a date is 1970-01-01); more with deep.
WRONG_TYPES = {
    "integer": [Hostile("true", True, short=True)],
    "number": [Hostile("true", True, short=True)],
    "string": [Hostile("0", 0, short=True)],
    "boolean": [Hostile('"true"', "true")],
    "array": [Hostile('"x"', "x")],
    "object": [Hostile("[]", [])],
}
EVERY_TYPE = [Hostile("true", True), Hostile("0", 0), Hostile("1.5", 1.5), Hostile('"1"', "1"),
              Hostile("[]", []), Hostile("{}", {})]  # fmt: skip


def json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    return {int: "integer", float: "number", str: "string", list: "array", dict: "object"}[
        type(value)
    ]


def wrong_types(kind: str | None, deep: bool) -> list[Hostile]:
    """JSON values of another type than ``kind`` (every other type with ``deep``)."""
    if not deep:
        chosen = WRONG_TYPES.get(kind or "", [])
        return [Hostile(f"wrong type: {h.label}", h.value, h.short) for h in chosen]
    compatible = {kind, "integer"} if kind == "number" else {kind}
    return [Hostile(f"wrong type: {h.label}", h.value) for h in EVERY_TYPE
            if json_type(h.value) not in compatible]  # fmt: skip


def body_values(
    schema: Schema, document: Document, budget: Budget, short: bool = False
) -> list[Hostile]:
    """Hostile JSON values for one field of a body (``null`` too: it may not be nullable)."""
    resolved = non_null(schema, document)
    kind = resolved.get("type")
    values = [Hostile("null", None, short=True), *wrong_types(kind, budget.deep)]
    if kind == "integer":
        values += integers(resolved, budget.deep)
    elif kind == "string":
        values += strings(resolved, budget)
    elif kind == "array":
        item = resolved.get("items", {})
        item_kind = non_null(item, document).get("type")
        if item_kind in ("integer", "string"):  # the item's short list unless deep
            items = body_values(item, document, budget, short=not budget.deep)
            values += [Hostile(f"[{v.label}]", [v.value], short=v.short, invalid=v.invalid)
                       for v in items if v.label != "null"]  # fmt: skip
        count = resolved.get("maxItems", 1_000) + 1
        values.append(Hostile(f"{count} items", [example(item, document)] * count,
                              invalid="maxItems" in resolved))  # fmt: skip
    return distinct(values, short)


# --- the wire: path segments, query strings, headers ------------------------------------------

WIRE = [
    Hostile("empty", ""),
    Hostile("NUL (%00)", "%00", short=True),
    Hostile("invalid UTF-8 (%FF)", "%FF"),
    Hostile("text", "abc"),
]
WIRE_DEEP = [
    Hostile("overlong UTF-8 (%C0%AF)", "%C0%AF"),
    Hostile("UTF-8 of a surrogate (%ED%A0%80)", "%ED%A0%80"),
    Hostile("encoded slash (%2F)", "a%2Fb"),
    Hostile("6,000 characters", "x" * 6_000),
]
WIRE_INTEGERS = [
    Hostile("2**31 (past INTEGER)", str(INT32_MAX + 1), short=True),
    Hostile("2**63 (past BIGINT)", str(INT64_MAX + 1), short=True),
    Hostile("5,000 digits", "9" * 5_000),
]
WIRE_INTEGERS_DEEP = [
    Hostile("0", "0"),
    Hostile("1.5", "1.5"),
    Hostile("-2**31 - 1", str(-INT32_MAX - 2)),
    Hostile("1e3", "1e3"),
    Hostile("fullwidth digit", "%EF%BC%91"),
    Hostile("underscore", "1_000"),
    Hostile("leading plus", "%2B1"),
]


def wire_schema(schema: Schema, document: Document) -> Schema:
    """The schema of one value on the wire: an array's item (``?tag_id=1&tag_id=2``)."""
    resolved = non_null(schema, document)
    if resolved.get("type") == "array":
        return non_null(resolved.get("items", {}), document)
    return resolved


def wire_values(
    schema: Schema, document: Document, budget: Budget, short: bool = False
) -> list[Hostile]:
    """Hostile texts for a path segment or a query value (percent-encoded already)."""
    resolved = wire_schema(schema, document)
    kind = resolved.get("type")
    values = WIRE + (WIRE_DEEP if budget.deep else [])
    if kind == "integer":
        values += WIRE_INTEGERS + (WIRE_INTEGERS_DEEP if budget.deep else [])
        values += [Hostile(f"{key} {resolved[key]} {step:+d}", str(resolved[key] + step))
                   for key, step in (("minimum", -1), ("maximum", 1)) if key in resolved]  # fmt: skip
        if "minimum" not in resolved or budget.deep:  # a declared one is checked just above
            values.append(Hostile("-1", "-1"))
    if "enum" in resolved and budget.deep:
        values.append(Hostile("enum value in upper case", str(resolved["enum"][0]).upper()))
    return distinct(values, short)


HEADERS: list[tuple[str, str | bytes]] = [
    ("empty", ""),
    ("invalid UTF-8", b"\xff\xfe"),
    ("quoted 2**31", '"2147483648"'),
    ("quoted 5,000 digits", '"' + "9" * 5_000 + '"'),
    ("weak tag", 'W/"1"'),
]
HEADERS_DEEP: list[tuple[str, str | bytes]] = [
    ("8,000 characters", "x" * 8_000),
    ("latin-1 bytes", b"caf\xe9"),
    ("quoted -1", '"-1"'),
    ("star", "*"),
    ("list of tags", '"1", "2", W/"3"'),
    ("unbalanced quote", '"1'),
]


def header_values(budget: Budget) -> list[tuple[str, str | bytes]]:
    return HEADERS + (HEADERS_DEEP if budget.deep else [])

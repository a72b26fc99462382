"""API contract diff: a branch's OpenAPI document against the reference solution's.

Weeks whose project is an API have ``src/<folder>/solution/main.py`` with ``create_app()``. The
document is built in the sandbox (student code may hang or crash) by calling
``create_app().openapi()``; then paths, methods, parameters, status codes and the fields of
request and response schemas are compared.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from testkit.grading.sandbox import Sandbox

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class ContractError(RuntimeError):
    """The OpenAPI document could not be built."""


def has_app(tree: Path, folder: str) -> bool:
    return (tree / folder / "src" / folder / "solution" / "main.py").is_file()


def load(
    tree: Path, folder: str, impl: str, sandbox: Sandbox, timeout: float = 60
) -> dict[str, Any]:
    """``create_app().openapi()`` of ``<folder>.<impl>.main`` in ``tree``, built in ``sandbox``."""
    done = sandbox.call(
        "openapi", {"module": f"{folder}.{impl}.main"}, tree=tree,
        path=[tree / folder / "src"], timeout=timeout,
    )  # fmt: skip
    if done.timed_out:
        raise ContractError(f"building the OpenAPI document timed out after {timeout:g} s")
    event = done.event("openapi")
    if event is None:
        raise ContractError(f"could not build the OpenAPI document of {impl}: {done.error()}")
    if not isinstance(document := event.get("document"), dict):
        raise ContractError(f"create_app().openapi() of {impl} returned no JSON document")
    return document


def _resolve(schema: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    seen: set[str] = set()
    while (ref := schema.get("$ref")) and ref not in seen:
        seen.add(ref)
        node: Any = document
        for part in ref.removeprefix("#/").split("/"):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        schema = node if isinstance(node, dict) else {}
    return schema


def fields(schema: dict[str, Any] | None, document: dict[str, Any]) -> dict[str, bool]:
    """Field name -> required, of an object schema (through $ref, arrays, allOf/anyOf/oneOf)."""
    if not schema:
        return {}
    schema = _resolve(schema, document)
    if schema.get("type") == "array":
        return {f"[].{k}": v for k, v in fields(schema.get("items"), document).items()}
    found: dict[str, bool] = {}
    for key in ("allOf", "anyOf", "oneOf"):
        for part in schema.get(key, []):
            found.update(fields(part, document))
    required = set(schema.get("required", []))
    found.update({name: name in required for name in schema.get("properties", {})})
    return found


def _body_schema(node: dict[str, Any] | None, document: dict[str, Any]) -> dict[str, Any] | None:
    content = _resolve(node or {}, document).get("content", {})
    media: dict[str, Any] = content.get("application/json") or next(iter(content.values()), {})
    schema = media.get("schema")
    return schema if isinstance(schema, dict) else None


def operations(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """``"POST /tasks"`` -> the operation object."""
    return {
        f"{method.upper()} {path}": operation
        for path, item in document.get("paths", {}).items()
        for method, operation in item.items()
        if method in HTTP_METHODS
    }


def _compare_fields(where: str, ref: dict[str, bool], got: dict[str, bool]) -> list[str]:
    out = [f"{where}: field {name!r} missing" for name in sorted(ref.keys() - got.keys())]
    out += [f"{where}: extra field {name!r}" for name in sorted(got.keys() - ref.keys())]
    out += [
        f"{where}: field {name!r} is {'required' if got[name] else 'optional'} "
        f"(reference: {'required' if ref[name] else 'optional'})"
        for name in sorted(ref.keys() & got.keys())
        if ref[name] != got[name]
    ]
    return out


def _parameters(operation: dict[str, Any], document: dict[str, Any]) -> dict[str, bool]:
    params = (_resolve(p, document) for p in operation.get("parameters", []))
    return {f"{p.get('in')}:{p.get('name')}": bool(p.get("required")) for p in params}


def diff(reference: dict[str, Any], branch: dict[str, Any]) -> list[str]:
    """Differences of ``branch`` from ``reference``, one readable line each (empty: same contract)."""
    ref_ops, got_ops = operations(reference), operations(branch)
    out = [f"missing operation {op}" for op in sorted(ref_ops.keys() - got_ops.keys())]
    out += [f"extra operation {op}" for op in sorted(got_ops.keys() - ref_ops.keys())]
    for op in sorted(ref_ops.keys() & got_ops.keys()):
        ref, got = ref_ops[op], got_ops[op]
        out += _compare_fields(
            f"{op} parameters", _parameters(ref, reference), _parameters(got, branch)
        )
        ref_body = fields(_body_schema(ref.get("requestBody"), reference), reference)
        got_body = fields(_body_schema(got.get("requestBody"), branch), branch)
        out += _compare_fields(f"{op} request body", ref_body, got_body)
        ref_codes, got_codes = set(ref.get("responses", {})), set(got.get("responses", {}))
        out += [f"{op}: status {code} missing" for code in sorted(ref_codes - got_codes)]
        out += [f"{op}: extra status {code}" for code in sorted(got_codes - ref_codes)]
        for code in sorted(ref_codes & got_codes):
            ref_out = fields(_body_schema(ref["responses"][code], reference), reference)
            got_out = fields(_body_schema(got["responses"][code], branch), branch)
            out += _compare_fields(f"{op} {code} response", ref_out, got_out)
    return out

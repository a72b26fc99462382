"""API contract diff: paths, methods, parameters, status codes and schema fields."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from testkit.grading import openapi_diff
from testkit.grading.sandbox import Sandbox

TASK = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "done": {"type": "boolean"},
    },
    "required": ["id", "title"],
}
CREATE = {"type": "object", "properties": {"title": {"type": "string"}}, "required": ["title"]}


def json_body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


REFERENCE: dict[str, Any] = {
    "openapi": "3.1.0",
    "paths": {
        "/tasks": {
            "get": {
                "parameters": [{"name": "limit", "in": "query", "required": False}],
                "responses": {"200": json_body({"type": "array", "items": {"$ref": "#/components/schemas/Task"}})},
            },
            "post": {
                "requestBody": json_body({"$ref": "#/components/schemas/TaskCreate"}),
                "responses": {"201": json_body({"$ref": "#/components/schemas/Task"}), "422": {}},
            },
        },
        "/tasks/{task_id}": {
            "parameters": [],
            "delete": {"parameters": [{"name": "task_id", "in": "path", "required": True}], "responses": {"204": {}}},
        },
    },
    "components": {"schemas": {"Task": TASK, "TaskCreate": CREATE}},
}  # fmt: skip


def test_the_same_document_has_no_differences() -> None:
    assert openapi_diff.diff(REFERENCE, copy.deepcopy(REFERENCE)) == []


def test_missing_and_extra_operations_and_status_codes() -> None:
    branch = copy.deepcopy(REFERENCE)
    del branch["paths"]["/tasks/{task_id}"]
    branch["paths"]["/tasks"]["put"] = {"responses": {"200": {}}}
    branch["paths"]["/tasks"]["post"]["responses"]["200"] = branch["paths"]["/tasks"]["post"][
        "responses"
    ].pop("201")
    assert openapi_diff.diff(REFERENCE, branch) == [
        "missing operation DELETE /tasks/{task_id}",
        "extra operation PUT /tasks",
        "POST /tasks: status 201 missing",
        "POST /tasks: extra status 200",
    ]


def test_schema_fields_through_refs_arrays_and_required() -> None:
    branch = copy.deepcopy(REFERENCE)
    task = branch["components"]["schemas"]["Task"]
    task["properties"]["name"] = task["properties"].pop("title")
    task["required"] = ["id", "name", "done"]
    branch["components"]["schemas"]["TaskCreate"]["required"] = []
    branch["paths"]["/tasks"]["get"]["parameters"][0]["required"] = True
    assert openapi_diff.diff(REFERENCE, branch) == [
        "GET /tasks parameters: field 'query:limit' is required (reference: optional)",
        "GET /tasks 200 response: field '[].title' missing",
        "GET /tasks 200 response: extra field '[].name'",
        "GET /tasks 200 response: field '[].done' is required (reference: optional)",
        "POST /tasks request body: field 'title' is optional (reference: required)",
        "POST /tasks 201 response: field 'title' missing",
        "POST /tasks 201 response: extra field 'name'",
        "POST /tasks 201 response: field 'done' is required (reference: optional)",
    ]


def test_fields_of_combined_schemas() -> None:
    schema = {"allOf": [{"$ref": "#/components/schemas/TaskCreate"}, {"properties": {"tag": {}}}]}
    assert openapi_diff.fields(schema, REFERENCE) == {"title": True, "tag": False}


def write_app(tree: Path, impl: str, body: str) -> None:
    package = tree / "week98" / "src" / "week98"
    (package / impl).mkdir(parents=True)
    for init in (package / "__init__.py", package / impl / "__init__.py"):
        init.write_text("")
    (package / impl / "main.py").write_text(body)


def test_load_builds_the_document_in_the_sandbox(tmp_path: Path, sandbox: Sandbox) -> None:
    write_app(tmp_path, "solution", "class App:\n    def openapi(self):\n        return {'paths': {}}\n\n"
                                    "def create_app():\n    return App()\n")  # fmt: skip
    assert openapi_diff.has_app(tmp_path, "week98")
    assert openapi_diff.load(tmp_path, "week98", "solution", sandbox) == {"paths": {}}


def test_load_reports_an_app_that_does_not_build(tmp_path: Path, sandbox: Sandbox) -> None:
    write_app(tmp_path, "starter", "def create_app():\n    raise RuntimeError('no settings')\n")
    with pytest.raises(openapi_diff.ContractError, match="of starter: RuntimeError: no settings"):
        openapi_diff.load(tmp_path, "week98", "starter", sandbox)


def test_load_gives_up_on_an_app_that_hangs(tmp_path: Path, sandbox: Sandbox) -> None:
    write_app(tmp_path, "starter", "while True:\n    pass\n")
    with pytest.raises(openapi_diff.ContractError, match=r"timed out after 0\.5 s"):
        openapi_diff.load(tmp_path, "week98", "starter", sandbox, timeout=0.5)


def test_load_reports_a_document_that_is_not_json(tmp_path: Path, sandbox: Sandbox) -> None:
    write_app(
        tmp_path,
        "starter",
        "def create_app():\n    return type('A', (), {'openapi': lambda s: [1]})()\n",
    )
    with pytest.raises(openapi_diff.ContractError, match="returned no JSON document"):
        openapi_diff.load(tmp_path, "week98", "starter", sandbox)

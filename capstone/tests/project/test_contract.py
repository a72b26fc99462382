"""Contract first ([ADR 0008](../../docs/adr/0008-contract-first.md)): the app serves exactly the
committed OpenAPI document. A route, field or status code added, removed or changed without
changing ``capstone/openapi.json`` in the same commit fails here."""

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

# Every task's schemas and routes are written from this contract; it holds when the last task is
# done (task 14 documents the rate limit's responses on every operation).
pytestmark = pytest.mark.task(14)

CONTRACT = Path(__file__).resolve().parents[2] / "openapi.json"


def differences(served: Any, committed: Any, where: str = "") -> list[str]:
    """Where two JSON documents differ (a readable failure instead of a 3,000-line diff)."""
    if isinstance(served, dict) and isinstance(committed, dict):
        found = [f"{where}/{k}: only served" for k in served.keys() - committed.keys()]
        found += [f"{where}/{k}: only committed" for k in committed.keys() - served.keys()]
        for key in served.keys() & committed.keys():
            found += differences(served[key], committed[key], f"{where}/{key}")
        return sorted(found)
    return [] if served == committed else [f"{where}: served {served!r}, committed {committed!r}"]


async def test_the_app_serves_exactly_the_committed_contract(anonymous: httpx.AsyncClient) -> None:
    response = await anonymous.get("http://testserver/openapi.json")
    assert response.status_code == 200
    assert differences(response.json(), json.loads(CONTRACT.read_text())) == []


def test_differences_names_what_differs() -> None:
    served = {"paths": {"a": {"get": 1}, "b": {}}, "info": {"version": "2"}}
    committed = {"paths": {"a": {"get": 1}, "c": {}}, "info": {"version": "1"}}
    assert differences(served, committed) == [
        "/info/version: served '2', committed '1'",
        "/paths/b: only served",
        "/paths/c: only committed",
    ]


def test_every_organisation_operation_publishes_its_role() -> None:
    paths = json.loads(CONTRACT.read_text())["paths"]
    roles = {
        (method, path): operation.get("x-required-role")
        for path, operations in paths.items()
        for method, operation in operations.items()
        if path.startswith("/api/v1/orgs/{org_id}")
    }
    assert roles
    assert None not in roles.values()
    assert roles["get", "/api/v1/orgs/{org_id}/audit-events"] == "admin"

"""Task 4: week 9 changes week 7's contracts only by adding authentication.

``contracts/week07/`` holds week 7's committed documents; ``contracts/openapi-v*.json`` this week's
(kept equal to the app by ``inherited/test_contracts.py``). Every operation of week 7 keeps its
parameters, body and responses; it only gains a security requirement (the scope it needs) and
the 401/403 answers. The new operations are the accounts' (``/auth``, ``/me``, ``/admin``).
"""

import json
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.task(4), pytest.mark.points(1)]
CONTRACTS = Path(__file__).resolve().parents[2] / "contracts"
NEW_PREFIXES = ("/api/v1/auth/", "/api/v1/me", "/api/v1/admin/")


def document(path: Path) -> dict[str, Any]:
    content: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return content


def operations(doc: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (path, method): operation
        for path, item in doc["paths"].items()
        for method, operation in item.items()
    }


@pytest.fixture(params=["v1", "v2"])
def contracts(request: pytest.FixtureRequest) -> tuple[dict[str, Any], dict[str, Any]]:
    name = f"openapi-{request.param}.json"
    return document(CONTRACTS / "week07" / name), document(CONTRACTS / name)


def test_week_7_operations_keep_their_shapes_and_gain_auth(
    contracts: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    old, new = contracts
    now = operations(new)
    for (path, method), before in operations(old).items():
        after = now[(path, method)]  # nothing was removed
        assert after.get("parameters") == before.get("parameters"), (path, method)
        assert after.get("requestBody") == before.get("requestBody"), (path, method)
        responses = after["responses"]
        assert set(responses) - set(before["responses"]) == {"401", "403"}, (path, method)
        assert {k: v for k, v in responses.items() if k not in ("401", "403")} == before[
            "responses"
        ]
        scope = "tasks:read" if method == "get" else "tasks:write"
        assert after["security"] == [{"OAuth2PasswordBearer": [scope]}], (path, method)


def test_only_account_operations_are_new(
    contracts: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    old, new = contracts
    added = set(operations(new)) - set(operations(old))
    assert all(path.startswith(NEW_PREFIXES) for path, _ in added), added


def test_week_7_schemas_are_unchanged(contracts: tuple[dict[str, Any], dict[str, Any]]) -> None:
    old, new = contracts
    for name, schema in old["components"]["schemas"].items():
        assert new["components"]["schemas"][name] == schema, name


def test_the_password_flow_is_documented_for_the_authorize_button() -> None:
    scheme = document(CONTRACTS / "openapi-v1.json")["components"]["securitySchemes"]
    flow = scheme["OAuth2PasswordBearer"]["flows"]["password"]
    assert flow["tokenUrl"] == "/api/v1/auth/token"
    assert set(flow["scopes"]) == {"tasks:read", "tasks:write", "users:manage"}

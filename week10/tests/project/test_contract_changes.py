"""Task 9: week 10 changes week 9's contracts only by adding operations.

``contracts/week09/`` holds week 9's committed documents; ``contracts/openapi-v*.json`` this
week's (kept equal to the app by ``inherited/test_contracts.py``). Every operation of week 9 keeps
its parameters, body and responses (a cache must not change what the API says); the new ones are
the statistics, the GitHub previews and the admins' cache metrics.
"""

import json
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.task(9), pytest.mark.points(1)]
CONTRACTS = Path(__file__).resolve().parents[2] / "contracts"
NEW = {
    ("/api/v1/admin/cache", "get"),
    ("/api/v1/admin/cache/metrics", "get"),
    ("/api/v2/tasks/stats", "get"),
    ("/api/v2/integrations/github/repos/{owner}/{repo}/issues/{number}", "get"),
}


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
    return document(CONTRACTS / "week09" / name), document(CONTRACTS / name)


def test_week_9_operations_are_unchanged(
    contracts: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    old, new = contracts
    now = operations(new)
    for key, before in operations(old).items():
        assert now[key] == before, key  # nothing removed, nothing changed


def test_only_the_caching_features_are_new(
    contracts: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    old, new = contracts
    added = set(operations(new)) - set(operations(old))
    assert added
    assert added <= NEW


def test_week_9_schemas_are_unchanged(contracts: tuple[dict[str, Any], dict[str, Any]]) -> None:
    old, new = contracts
    for name, schema in old["components"]["schemas"].items():
        assert new["components"]["schemas"][name] == schema, name

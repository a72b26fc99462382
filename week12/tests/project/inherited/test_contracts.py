"""Inherited guard (0 points) under task 3: the whole app, with week 12's /api/v1/ws beside it.

Week 12 adds no HTTP route: the documents must stay exactly as week 11 left them.

The app matches its committed contracts: v1 exactly as in week 6, v2 as extended by
week 7 (ETag/If-Match, the bulk import; regenerated with ``scripts/openapi.py`` and reviewed).

The app must generate exactly ``week12/contracts/``. (Week 4's schemathesis run checks the
implementation against the same documents; here week 4's API tests do that job against the
database.)
"""

from pathlib import Path
from typing import Any

import httpx
import pytest

from testkit import impl_module

pytestmark = [pytest.mark.task(3), pytest.mark.points(0)]  # inherited: a guard, no points

versioning = impl_module("week12", "versioning")
CONTRACTS = Path(__file__).resolve().parents[3] / "contracts"
VERSIONS = ["v1", "v2"]


@pytest.mark.parametrize("version", VERSIONS)
def test_committed_contract_matches_the_app(app: Any, version: str) -> None:
    committed = (CONTRACTS / f"openapi-{version}.json").read_text(encoding="utf-8")

    generated = versioning.render(versioning.version_openapi(app, version))

    assert generated == committed, (
        f"the {version} API no longer matches contracts/openapi-{version}.json: if the change is "
        "intended, run `make openapi` and review the diff"
    )


@pytest.mark.parametrize("version", VERSIONS)
async def test_each_version_serves_its_own_document(v2: httpx.AsyncClient, version: str) -> None:
    document = (await v2.get(f"http://testserver/api/{version}/openapi.json")).json()
    docs = await v2.get(f"http://testserver/api/{version}/docs")

    assert document["info"]["version"] == versioning.VERSIONS[version][0]
    assert all(path.startswith(f"/api/{version}/") for path in document["paths"])
    assert f"/api/{version}/openapi.json" in docs.text

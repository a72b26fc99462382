"""Print the OpenAPI document the app serves: how ``capstone/openapi.json`` is regenerated when the
contract changes on purpose ([ADR 0008](../../../docs/adr/0008-contract-first.md)).

    uv run --frozen --no-sync python -m capstone.starter.contract > capstone/openapi.json
"""

import json
from typing import Any

from .main import create_app
from .settings import Environment, Settings


def contract() -> dict[str, Any]:
    return create_app(settings=Settings(app_env=Environment.DEVELOPMENT)).openapi()


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    print(render(contract()), end="")

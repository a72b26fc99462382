"""Regenerate week 8's committed OpenAPI contract: ``uv run python week08/scripts/openapi.py``.

Run it (or ``make openapi``) only when you change the API on purpose, then review the diff of
``week08/contracts/`` like any other code: a removed field or a new required one breaks clients.
"""

import json
from pathlib import Path
from typing import Any

from week08.solution.main import create_app

CONTRACT = Path(__file__).resolve().parents[1] / "contracts" / "openapi-v1.json"


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    CONTRACT.parent.mkdir(exist_ok=True)
    CONTRACT.write_text(render(create_app().openapi()), encoding="utf-8")
    print(f"wrote {CONTRACT}")


if __name__ == "__main__":
    main()

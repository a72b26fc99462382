"""Regenerate week 12's committed OpenAPI contracts (v1 and v2): ``uv run python week12/scripts/openapi.py``.

Run it (or ``make openapi``) only when you change the API on purpose; then review the diff of
``week12/contracts/`` like any other code: a removed field or a new required one breaks clients.
"""

from pathlib import Path

from week12.solution.main import create_app
from week12.solution.versioning import VERSIONS, render, version_openapi

CONTRACTS = Path(__file__).resolve().parents[1] / "contracts"


def main() -> None:
    app = create_app()
    CONTRACTS.mkdir(exist_ok=True)
    for version in VERSIONS:
        path = CONTRACTS / f"openapi-{version}.json"
        path.write_text(render(version_openapi(app, version)), encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()

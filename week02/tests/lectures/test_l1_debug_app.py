"""The IDE walkthrough's app works, and the committed debug configurations point at real things."""

from __future__ import annotations

import importlib
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
from week02.lectures import l1_debug_app as lecture

WEEK = Path(__file__).resolve().parents[2]


async def test_checkout_endpoint_applies_the_discount() -> None:
    response = await lecture.demo()

    assert response.status_code == 200
    assert response.json() == {"items": 2, "total": "45.00"}


async def test_an_empty_cart_is_a_422_with_details() -> None:
    transport = httpx.ASGITransport(app=lecture.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.post("/checkout", json={"prices": []})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "prices"]


def test_vscode_launch_configurations_run_modules_that_exist() -> None:
    launch = json.loads((WEEK / ".vscode" / "launch.json").read_text(encoding="utf-8"))
    configs = {c["name"]: c for c in launch["configurations"]}

    assert {c["type"] for c in configs.values()} == {"debugpy"}
    for config in configs.values():
        importlib.import_module(config["module"])  # raises if the module does not exist
    uvicorn_target = next(c for c in configs.values() if c["module"] == "uvicorn")["args"][0]
    module, _, attribute = uvicorn_target.partition(":")
    assert hasattr(importlib.import_module(module), attribute)
    pytest_targets = [c["args"] for c in configs.values() if c["module"] == "pytest"]
    assert pytest_targets
    for args in pytest_targets:
        for arg in args:
            if arg.startswith("${workspaceFolder}/"):
                assert (WEEK / arg.removeprefix("${workspaceFolder}/")).exists()


def test_pycharm_run_configurations_run_modules_that_exist() -> None:
    files = sorted((WEEK / ".run").glob("*.run.xml"))

    assert len(files) >= 3
    for file in files:
        config = ET.parse(file).getroot().find("configuration")  # noqa: S314 - our own file
        assert config is not None
        options = {o.get("name"): o.get("value") for o in config.iter("option")}
        if config.get("type") == "PythonConfigurationType":
            assert options["MODULE_MODE"] == "true"
            importlib.import_module(options["SCRIPT_NAME"] or "")
        else:
            target = json.loads(options["_new_target"] or "")
            assert Path(target.replace("$PROJECT_DIR$", str(WEEK.parent))).exists()

"""Every week's development database URL follows ``DEV_PG_PORT``, as ``make services-up`` does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from testkit import paths

ROOT = paths.course_root(Path(__file__).parent)
MODULES = sorted(
    f"{path.parents[1].name}.{path.parent.name}.db"
    for path in ROOT.glob("*/src/*/*/db.py")
    if path.parent.name in ("solution", "starter") and "DEV_DATABASE_URL" in path.read_text()
)


@pytest.mark.skipif(not MODULES, reason="no week has a development database URL yet")
def test_dev_database_url_uses_the_dev_port() -> None:
    code = "import importlib, sys\nfor m in sys.argv[1:]: print(importlib.import_module(m).DEV_DATABASE_URL)"
    env = {**os.environ, "DEV_PG_PORT": "54001"}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", code, *MODULES], env=env, capture_output=True, text=True, check=True
    )
    urls = result.stdout.split()
    assert len(urls) == len(MODULES)
    assert [module for module, url in zip(MODULES, urls, strict=True) if ":54001/" not in url] == []

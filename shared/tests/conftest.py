"""The testkit's own tests. ``pytester`` runs inner pytest sessions in temp folders."""

from pathlib import Path

import pytest

from testkit.grading.sandbox import Sandbox, default_kind

pytest_plugins = ["pytester"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: grades many branches (deselect with -m 'not slow'; CI runs them)"
    )


@pytest.fixture
def sandbox(tmp_path: Path) -> Sandbox:
    """The grading sandbox (``TESTKIT_SANDBOX``, default bubblewrap) with a private work folder."""
    return Sandbox.create(default_kind(), tmp_path / "sandbox-work")


@pytest.fixture
def pytester(pytester: pytest.Pytester) -> pytest.Pytester:
    """Inner sessions get the same asyncio settings as the course."""
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = session\n")
    return pytester

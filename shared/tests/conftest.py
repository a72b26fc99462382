"""The testkit's own tests. ``pytester`` runs inner pytest sessions in temp folders."""

import pytest

pytest_plugins = ["pytester"]


@pytest.fixture
def pytester(pytester: pytest.Pytester) -> pytest.Pytester:
    """Inner sessions get the same asyncio settings as the course."""
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = session\n")
    return pytester

"""Week 1 tests. The testkit plugin (loaded by entry point) provides ``--impl`` and the markers.

Project tests get the exercises with ``impl_module("week01", "<module>")``: the solution by
default, the starter with ``--impl starter`` (``make test-week 1 IMPL=starter``).
"""

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One mypy cache for the session: the first run analyses the standard library once."""
    return tmp_path_factory.mktemp("mypy_cache")

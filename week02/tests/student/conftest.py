"""Fixtures for your own tests: the modules of the implementation under test.

Your tests run against your starter, the reference solution and copies of the solution with one
bug planted in each (``make check-week 2`` counts the bugs your tests catch). So get the code under
test from these fixtures (or ``impl_module``), never by importing ``week02.starter`` or
``week02.solution`` directly.
"""

from types import ModuleType

import pytest

from testkit import impl_module


@pytest.fixture
def config() -> ModuleType:
    """``Location``, ``Query``, ``BaseUrls`` and the ``parse_*`` functions."""
    return impl_module("week02", "aggregator.config")


@pytest.fixture
def errors() -> ModuleType:
    """``SourceError``."""
    return impl_module("week02", "aggregator.errors")


@pytest.fixture
def models() -> ModuleType:
    """The API models and the report models (``Report``, ``Weather``, ``Headline``, ...)."""
    return impl_module("week02", "aggregator.models")


@pytest.fixture
def sources() -> ModuleType:
    """``fetch_weather``, ``fetch_headlines``, ``fetch_rates``."""
    return impl_module("week02", "aggregator.sources")


@pytest.fixture
def aggregate() -> ModuleType:
    """``aggregate(client, query, urls, total_timeout)``."""
    return impl_module("week02", "aggregator.aggregate")


@pytest.fixture
def render() -> ModuleType:
    """``render_table`` and ``render_json``."""
    return impl_module("week02", "aggregator.render")


@pytest.fixture
def cli() -> ModuleType:
    """``main(argv, env=..., transport=...)`` and ``exit_code``."""
    return impl_module("week02", "aggregator.cli")

"""Fixtures of the project tests: the implementation's modules and mocked API clients."""

from __future__ import annotations

from collections.abc import AsyncIterator
from types import ModuleType

import httpx
import pytest

from testkit import impl_module

from .apis import mock_transport


@pytest.fixture
def config() -> ModuleType:
    return impl_module("week02", "aggregator.config")


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    """A client whose requests go to the mocked APIs (all three answer with the samples)."""
    async with httpx.AsyncClient(transport=mock_transport()) as client:
        yield client

"""Lecture fixtures: a real WebSocket client for the apps the ``live_server`` fixture serves."""

from __future__ import annotations

import pytest

from .wsclient import Connect, connect_to


@pytest.fixture
def ws_connect() -> Connect:
    """``async with ws_connect(server.url, "/ws/echo") as ws``: the ``websockets`` client."""
    return connect_to

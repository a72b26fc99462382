"""Lecture 1 against a real uvicorn server and a real WebSocket client (``websockets``), and once
with Starlette's in-process ``TestClient`` for comparison."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect
from websockets.asyncio.client import ClientConnection
from websockets.exceptions import ConnectionClosed, InvalidStatus
from week12.lectures.l1_websockets import create_app

from testkit.http import LiveServer

from .wsclient import Connect

TOKENS = {"ada-token": "ada", "bob-token": "bob"}


@pytest.fixture
def app() -> FastAPI:
    return create_app(TOKENS)


@pytest.fixture
def server(live_server: Callable[..., LiveServer], app: FastAPI) -> LiveServer:
    return live_server(app)


async def next_json(ws: ClientConnection) -> Any:
    return json.loads(await asyncio.wait_for(ws.recv(), 5))


async def test_echo_then_a_normal_close(server: LiveServer, ws_connect: Connect) -> None:
    async with ws_connect(server.url, "/ws/echo") as ws:
        await ws.send("hello")
        assert await asyncio.wait_for(ws.recv(), 5) == "echo: hello"
        await ws.send("bye")
        with pytest.raises(ConnectionClosed) as closed:
            await asyncio.wait_for(ws.recv(), 5)
    assert closed.value.rcvd is not None
    assert (closed.value.rcvd.code, closed.value.rcvd.reason) == (1000, "goodbye")


async def test_a_room_broadcasts_to_its_members_only(
    app: FastAPI, server: LiveServer, ws_connect: Connect
) -> None:
    async with (
        ws_connect(server.url, "/ws/rooms/lobby") as ada,
        ws_connect(server.url, "/ws/rooms/lobby") as bob,
        ws_connect(server.url, "/ws/rooms/other") as stranger,
    ):
        await ada.send(json.dumps({"token": "ada-token"}))
        assert await next_json(ada) == {"type": "welcome", "user": "ada", "room": "lobby"}
        assert await next_json(ada) == {"type": "joined", "user": "ada"}
        await bob.send(json.dumps({"token": "bob-token"}))
        assert (await next_json(bob))["type"] == "welcome"
        assert await next_json(ada) == {"type": "joined", "user": "bob"}
        assert await next_json(bob) == {"type": "joined", "user": "bob"}
        await stranger.send(json.dumps({"token": "ada-token"}))
        assert (await next_json(stranger))["room"] == "other"
        assert (await next_json(stranger))["type"] == "joined"

        await bob.send("hi all")
        message = {"type": "message", "user": "bob", "text": "hi all"}
        assert await next_json(ada) == message
        assert await next_json(bob) == message  # the sender gets its own message too
        await stranger.send("only here")
        assert (await next_json(stranger))["text"] == "only here"
        await bob.close()
        assert await next_json(ada) == {"type": "left", "user": "bob"}
        # "other" got nothing of the lobby: its next message is its own.
        await stranger.send("still alone")
        assert (await next_json(stranger))["text"] == "still alone"
    assert app.state.manager.rooms == {}  # every socket left its room


@pytest.mark.parametrize("first", ['{"token": "forged"}', '{"user": "ada"}', "not json", "[1]"])
async def test_a_bad_first_message_closes_with_1008(
    server: LiveServer, ws_connect: Connect, first: str
) -> None:
    async with ws_connect(server.url, "/ws/rooms/lobby") as ws:
        await ws.send(first)
        with pytest.raises(ConnectionClosed) as closed:
            await asyncio.wait_for(ws.recv(), 5)
    assert closed.value.rcvd is not None
    assert (closed.value.rcvd.code, closed.value.rcvd.reason) == (1008, "invalid token")


async def test_the_subprotocol_header_carries_the_token(
    server: LiveServer, ws_connect: Connect
) -> None:
    async with ws_connect(server.url, "/ws/feed", subprotocols=["bearer", "ada-token"]) as ws:
        assert ws.subprotocol == "bearer"  # the server echoes the name, never the token
        assert await next_json(ws) == {"type": "welcome", "user": "ada"}


@pytest.mark.parametrize("offered", [["bearer", "forged"], ["bearer"], None])
async def test_a_bad_subprotocol_token_is_refused_at_the_handshake(
    server: LiveServer, ws_connect: Connect, offered: list[str] | None
) -> None:
    with pytest.raises(InvalidStatus) as refused:
        async with ws_connect(server.url, "/ws/feed", subprotocols=offered):
            pass  # pragma: no cover - the handshake fails first
    assert refused.value.response.status_code == 403


def test_the_in_process_test_client_sees_the_same_close_code() -> None:
    # TestClient runs the app in-process: fast and fine for logic, but no real socket, no
    # handshake over TCP and no server settings (ping, sizes); hence the live tests above.
    with TestClient(create_app(TOKENS)) as client, client.websocket_connect("/ws/rooms/x") as ws:
        ws.send_json({"token": "nope"})
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
    assert closed.value.code == 1008

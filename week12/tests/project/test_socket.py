"""Task 3: ``/api/v1/ws`` lets in only a valid access token, sent as the first message; it
answers pings.

Real sockets: the app served by uvicorn (``live``), the ``websockets`` client. A refused socket
is closed with 1008 (policy violation), whatever was wrong.
"""

import json

import httpx
import pytest

from .conftest import Live
from .realtime import close_code, events_of, new_user, raw_socket, receive

pytestmark = [pytest.mark.task(3), pytest.mark.points(2)]

POLICY_VIOLATION = 1008


async def test_a_valid_token_gets_ready_and_pongs(live: Live) -> None:
    ann = await new_user(live.url, "ann")
    async with events_of(live.url, ann.access_token) as ws:
        await ws.send(json.dumps({"type": "ping"}))
        assert await receive(ws) == {"type": "pong"}
        await ws.send("not json, ignored")
        await ws.send(b"\x00binary, ignored")
        await ws.send(json.dumps({"type": "ping"}))
        assert await receive(ws) == {"type": "pong"}


@pytest.mark.parametrize(
    "first",
    [
        "not json",
        json.dumps({"type": "auth"}),
        json.dumps({"type": "auth", "token": ""}),
        json.dumps({"type": "auth", "token": "a.b.c"}),
        json.dumps({"type": "hello", "token": "x"}),
        json.dumps(["auth"]),
        json.dumps({"type": "auth", "token": "x" * 5000}),
    ],
)
async def test_a_bad_first_message_is_closed_1008(live: Live, first: str) -> None:
    async with raw_socket(live.url) as ws:
        await ws.send(first)
        assert await close_code(ws) == POLICY_VIOLATION


async def test_a_binary_first_message_is_closed_1008(live: Live) -> None:
    async with raw_socket(live.url) as ws:
        await ws.send(b'{"type": "auth"}')
        assert await close_code(ws) == POLICY_VIOLATION


async def test_a_refresh_token_is_not_an_access_token(live: Live) -> None:
    ann = await new_user(live.url, "ann")
    async with raw_socket(live.url) as ws:
        await ws.send(json.dumps({"type": "auth", "token": ann.refresh_token}))
        assert await close_code(ws) == POLICY_VIOLATION


async def test_a_logged_out_login_is_refused(live: Live) -> None:
    ann = await new_user(live.url, "ann")
    async with httpx.AsyncClient(base_url=f"{live.url}/api/v1") as client:
        out = await client.post("/auth/logout", json={"refresh_token": ann.refresh_token})
        assert out.status_code == 204, out.text
    async with raw_socket(live.url) as ws:
        await ws.send(json.dumps({"type": "auth", "token": ann.access_token}))
        assert await close_code(ws) == POLICY_VIOLATION


async def test_a_silent_socket_is_closed_after_the_timeout(live: Live) -> None:
    async with raw_socket(live.url) as ws:  # sends nothing: the server gives up (2 s in tests)
        assert await close_code(ws) == POLICY_VIOLATION


async def test_a_client_that_leaves_before_authenticating_is_no_error(live: Live) -> None:
    async with raw_socket(live.url):
        pass  # closed at once; the server's wait for the first message ends quietly
    ann = await new_user(live.url, "ann")
    async with events_of(live.url, ann.access_token):
        pass  # the server still serves

"""Lecture 1 claims, checked."""

import json
from decimal import Decimal

import pytest
from week03.lectures import l1_http

from testkit.http import ClientFactory


async def test_raw_exchange_shows_status_line_headers_and_body() -> None:
    raw = await l1_http.raw_exchange()

    status_line, headers, body = l1_http.split_response(raw)
    assert status_line == "HTTP/1.1 200 OK"
    assert headers["content-type"] == "application/json"
    assert int(headers["content-length"]) == len(body)
    assert json.loads(body) == {
        "method": "POST", "path": "/echo", "query": "lang=en", "body": {"name": "Ada"},
    }  # fmt: skip


async def test_request_content_length_matches_its_body() -> None:
    head, _, body = l1_http.RAW_REQUEST.partition(b"\r\n\r\n")
    assert b"Content-Length: %d" % len(body) in head


REQUESTS = {
    "GET": ("GET", "/notes/1", None),
    "POST": ("POST", "/notes", {"text": "new"}),
    "PUT": ("PUT", "/notes/1", {"text": "replaced"}),
    "PATCH": ("PATCH", "/notes/1", {"text": "!"}),
    "DELETE": ("DELETE", "/notes/1", None),
}


@pytest.mark.parametrize("method", list(l1_http.METHODS))
async def test_method_table_matches_behaviour(method: str, asgi_client: ClientFactory) -> None:
    """Safe: state unchanged after one call. Idempotent: state after two calls == after one."""
    client = await asgi_client(l1_http.notes_app())
    verb, url, body = REQUESTS[method]
    before = (await client.get("/notes")).json()
    await client.request(verb, url, json=body)
    once = (await client.get("/notes")).json()
    await client.request(verb, url, json=body)
    twice = (await client.get("/notes")).json()

    semantics = l1_http.METHODS[method]
    assert (before == once) is semantics.safe
    assert (once == twice) is semantics.idempotent


@pytest.mark.parametrize(
    ("status", "family"),
    [
        (101, "informational"),
        (201, "success"),
        (307, "redirection"),
        (409, "client error"),
        (503, "server error"),
    ],
)
def test_status_family(status: int, family: str) -> None:
    assert l1_http.family(status) == family


def test_project_codes_cover_every_family_it_needs() -> None:
    families = {l1_http.family(code) for code in l1_http.PROJECT_STATUS_CODES}
    assert families == {"success", "client error", "server error"}


def test_not_every_server_error_is_our_bug() -> None:
    assert {l1_http.family(code) for code in l1_http.SERVER_ERRORS} == {"server error"}
    assert not l1_http.worth_retrying(500)  # a bug fails the same way again
    assert all(l1_http.worth_retrying(code) for code in (502, 503, 504, 429))
    assert not l1_http.worth_retrying(422)


def test_json_pitfalls() -> None:
    results = l1_http.json_pitfalls()

    for name in ("datetime", "uuid", "decimal"):
        assert results[name].startswith("TypeError")
    assert results["nan"] == "NaN"  # invalid JSON, written without complaint
    assert results["nan strict"].startswith("ValueError")
    assert results["float money"] != "0.3"
    payment = json.loads(results["pydantic"])
    assert payment == {
        "id": "00000000-0000-0000-0000-000000000001",
        "amount": "19.99",  # a string: exact, unlike a float
        "paid_at": "2026-01-02T03:04:05Z",
    }
    assert Decimal(payment["amount"]) == Decimal("19.99")


def test_tables_name_all_three_api_styles_and_rest_principles() -> None:
    assert set(l1_http.API_STYLES) == {"REST", "GraphQL", "gRPC"}
    assert {"resources", "statelessness", "uniform interface"} <= set(l1_http.REST_PRINCIPLES)


def test_main_prints_the_exchange(capsys: pytest.CaptureFixture[str]) -> None:
    l1_http.main()
    out = capsys.readouterr().out
    assert "HTTP/1.1 200 OK" in out
    assert "PATCH   False False" in out

"""Lecture 2 claims, checked."""

import pytest
from week03.lectures import l2_fastapi

from testkit.http import ClientFactory


async def test_bare_asgi_app(asgi_client: ClientFactory) -> None:
    client = await asgi_client(l2_fastapi.hello_asgi)  # lifespan handled by hand, too

    response = await client.post("/x")

    assert response.text == "hello from POST /x"
    assert response.headers["content-type"] == "text/plain"


async def test_path_parameter_is_coerced_and_validated(asgi_client: ClientFactory) -> None:
    client = await asgi_client(l2_fastapi.make_app())

    ok = await client.get("/items/7")
    not_int = await client.get("/items/seven")
    too_small = await client.get("/items/0")

    assert ok.json() == {"item_id": 7, "type": "int", "found": False}
    assert not_int.status_code == 422
    assert not_int.json()["detail"][0]["type"] == "int_parsing"
    assert too_small.json()["detail"][0]["type"] == "greater_than_equal"


async def test_query_parameters(asgi_client: ClientFactory) -> None:
    client = await asgi_client(l2_fastapi.make_app())

    full = await client.get("/search", params={"q": "pen", "limit": "5", "tag": ["a", "b"]})
    minimal = await client.get("/search?q=pen")
    missing = await client.get("/search")

    assert full.json() == {"q": "pen", "limit": 5, "category": None, "tag": ["a", "b"]}
    assert minimal.json() == {"q": "pen", "limit": 10, "category": None, "tag": []}
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["query", "q"]


async def test_json_body(asgi_client: ClientFactory) -> None:
    client = await asgi_client(l2_fastapi.make_app())

    created = await client.post("/items", json={"name": "pen", "price": 1.5})
    invalid = await client.post("/items", json={"name": "", "price": -1})

    assert created.status_code == 201
    assert created.json() == {"id": 1, "name": "pen", "price": 1.5, "tags": []}
    assert [e["loc"] for e in invalid.json()["detail"]] == [["body", "name"], ["body", "price"]]


async def test_openapi_and_docs_pages(asgi_client: ClientFactory) -> None:
    client = await asgi_client(l2_fastapi.make_app())

    schema = (await client.get("/openapi.json")).json()
    docs = await client.get("/docs")
    redoc = await client.get("/redoc")

    search = schema["paths"]["/search"]["get"]["parameters"]
    assert {p["name"]: p["required"] for p in search} == {
        "q": True, "limit": False, "category": False, "tag": False,
    }  # fmt: skip
    assert schema["components"]["schemas"]["Item"]["properties"]["price"]["exclusiveMinimum"] == 0
    assert "swagger-ui" in docs.text
    assert "redoc" in redoc.text


def test_main(capsys: pytest.CaptureFixture[str]) -> None:
    l2_fastapi.main()
    assert "GET /items/seven -> 422" in capsys.readouterr().out

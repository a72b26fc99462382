"""Lecture 2 claims, checked: versioning styles, offset vs cursor, sorting, idempotency."""

import pytest
from fastapi.testclient import TestClient
from week04.lectures import l2_api_design as l2


def test_three_versioning_styles_pick_the_same_representations() -> None:
    with TestClient(l2.make_versioned_app()) as client:
        by_url = [client.get(f"/v{n}/items/1").json() for n in (1, 2)]
        by_header = [client.get("/items/1", headers={"Accept-Version": n}).json() for n in "12"]
        by_query = [client.get(f"/items/1?version={n}").json() for n in (1, 2)]

    assert by_url == by_header == by_query
    assert by_url[0] == {"id": 1, "name": "pen", "price": 1.5}
    assert by_url[1]["links"] == {"self": "http://testserver/v2/items/1"}


def test_a_header_versioned_response_varies_on_the_header() -> None:
    with TestClient(l2.make_versioned_app()) as client:
        by_header = client.get("/items/1", headers={"Accept-Version": "2"})
        by_url = client.get("/v2/items/1")

    # Same URL, different bodies by header: caches must key on Accept-Version too.
    assert by_header.headers["Vary"] == "Accept-Version"
    assert "Vary" not in by_url.headers  # the URL alone identifies the representation


def test_offset_skips_and_repeats_rows_under_concurrent_writes() -> None:
    assert l2.read_two_pages_while_another_client_writes("offset") == (
        [1, 2, 3],
        [5, 6],
    )  # 4 skipped
    assert l2.read_with_insert("offset") == ([1, 2, 3], [3, 4, 5])  # 3 repeated


def test_cursor_neither_skips_nor_repeats() -> None:
    assert l2.read_two_pages_while_another_client_writes("cursor") == ([1, 2, 3], [4, 5, 6])
    assert l2.read_with_insert("cursor") == ([1, 2, 3], [4, 5, 6])


def test_sort_keys_come_from_an_allow_list() -> None:
    assert l2.parse_sort("-name") == ("name", True)
    assert l2.parse_sort("id") == ("id", False)
    with pytest.raises(ValueError, match="sort must be one of"):
        l2.parse_sort("name; DROP TABLE rows")


def test_put_and_delete_are_idempotent_post_is_not() -> None:
    assert l2.idempotency_demo() == {"PUT": (2, 2), "DELETE": (0, 0), "POST": (2, 3)}


def test_demo_runs(capsys: pytest.CaptureFixture[str]) -> None:
    l2.main()

    assert "offset: insert while paging -> ([1, 2, 3], [3, 4, 5])" in capsys.readouterr().out

"""Lecture 2: API design principles.

- **Versioning**: by URL (``/v1/items``), by header (``Accept-Version: 2``) or by query parameter
  (``?version=2``); ``make_versioned_app`` shows all three on one resource. A header-versioned
  response must send ``Vary: Accept-Version``, or caches keyed on the URL mix the versions up.
  The project uses the URL: visible in links and logs, cacheable without ``Vary``, one OpenAPI
  document per version.
- **Pagination**: ``offset_page`` (skip N rows) is simple but skips and repeats rows when others
  insert or delete between two requests; ``cursor_page`` (items *after* the last key seen) does not.
- **Filtering and sorting**: filters are plain query parameters combined with AND (``?state=done``);
  ``sort=-created_at`` names one field from an allow-list, ``-`` for descending, and an id
  tie-breaker makes the order total.
- **Idempotency**: PUT and DELETE name the final state, so repeating them changes nothing more;
  POST does not (``IDEMPOTENCY_DEMO``); ``Idempotency-Key`` makes a POST safe to retry.
- **HATEOAS**: responses carry ``links`` (``self``, ``next``) so clients follow URLs, not build them.
- **OpenAPI as contract**: the document is committed and tested (``week04/contracts``).
"""

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import FastAPI, Header, Query, Request, Response

ITEMS = {1: {"id": 1, "name": "pen", "price_cents": 150}}


def item_v1(item: dict[str, Any]) -> dict[str, Any]:
    return {"id": item["id"], "name": item["name"], "price": item["price_cents"] / 100}


def item_v2(item: dict[str, Any], request: Request) -> dict[str, Any]:
    # v2: exact integer cents (a breaking change) and a link to itself (HATEOAS).
    return {**item, "links": {"self": str(request.url_for("item_by_url_v2", item_id=item["id"]))}}


def make_versioned_app() -> FastAPI:
    app = FastAPI(title="Lecture 2: versioning")

    @app.get("/v1/items/{item_id}")
    async def item_by_url_v1(item_id: int) -> dict[str, Any]:
        return item_v1(ITEMS[item_id])

    @app.get("/v2/items/{item_id}")
    async def item_by_url_v2(item_id: int, request: Request) -> dict[str, Any]:
        return item_v2(ITEMS[item_id], request)

    @app.get("/items/{item_id}")
    async def item_by_header_or_query(
        item_id: int,
        request: Request,
        response: Response,
        accept_version: Annotated[str, Header()] = "1",
        version: Annotated[str | None, Query()] = None,
    ) -> dict[str, Any]:
        # One URL, the version elsewhere: the query parameter wins over the header here.
        chosen = version or accept_version
        # The body now depends on a request header: say so, or a cache (browser, CDN, proxy) keyed
        # on the URL alone would serve a v1 body to a v2 client.
        response.headers["Vary"] = "Accept-Version"
        return item_v2(ITEMS[item_id], request) if chosen == "2" else item_v1(ITEMS[item_id])

    return app


@dataclass
class Row:
    id: int
    name: str


def offset_page(rows: list[Row], offset: int, limit: int) -> list[Row]:
    """``ORDER BY id OFFSET :offset LIMIT :limit``: positions, not rows."""
    return sorted(rows, key=lambda r: r.id)[offset : offset + limit]


def cursor_page(rows: list[Row], after_id: int | None, limit: int) -> list[Row]:
    """``WHERE id > :after ORDER BY id LIMIT :limit``: continues after the last row seen."""
    ordered = sorted(rows, key=lambda r: r.id)
    return [r for r in ordered if after_id is None or r.id > after_id][:limit]


def read_two_pages_while_another_client_writes(style: str) -> tuple[list[int], list[int]]:
    """Read page 1, let someone delete row 1 (and insert row 0 at the front), then read page 2.

    Row 0 sorts first (think ``sort=-created_at`` with a new row on top).
    """
    rows = [Row(i, f"row {i}") for i in range(1, 7)]
    first = offset_page(rows, 0, 3) if style == "offset" else cursor_page(rows, None, 3)
    rows = [r for r in rows if r.id != 1]  # a delete before our position
    second = offset_page(rows, 3, 3) if style == "offset" else cursor_page(rows, first[-1].id, 3)
    return [r.id for r in first], [r.id for r in second]


def read_with_insert(style: str) -> tuple[list[int], list[int]]:
    rows = [Row(i, f"row {i}") for i in range(1, 7)]
    first = offset_page(rows, 0, 3) if style == "offset" else cursor_page(rows, None, 3)
    rows.append(Row(0, "new row on top"))  # an insert before our position
    second = offset_page(rows, 3, 3) if style == "offset" else cursor_page(rows, first[-1].id, 3)
    return [r.id for r in first], [r.id for r in second]


ALLOWED_SORTS = {"name", "-name", "id", "-id"}


def parse_sort(value: str) -> tuple[str, bool]:
    """``"-name"`` -> ``("name", True)``; unknown keys are refused (never pass them to SQL)."""
    if value not in ALLOWED_SORTS:
        raise ValueError(f"sort must be one of {sorted(ALLOWED_SORTS)}, not {value!r}")
    return value.removeprefix("-"), value.startswith("-")


def idempotency_demo() -> dict[str, tuple[int, int]]:
    """How many rows exist after a request is sent once and twice."""
    results: dict[str, tuple[int, int]] = {}
    for method in ("PUT", "DELETE", "POST"):
        counts = []
        for times in (1, 2):
            rows = {1: "a"}
            for _ in range(times):
                if method == "PUT":
                    rows[2] = "b"  # PUT /rows/2: "row 2 is b", however often
                elif method == "DELETE":
                    rows.pop(1, None)  # DELETE /rows/1: "row 1 is gone"
                else:
                    rows[max(rows) + 1] = "b"  # POST /rows: "add one more row"
            counts.append(len(rows))
        results[method] = (counts[0], counts[1])
    return results


def main() -> None:
    for style in ("offset", "cursor"):
        print(f"{style}: delete while paging ->", read_two_pages_while_another_client_writes(style))
        print(f"{style}: insert while paging ->", read_with_insert(style))
    print("rows after sending once / twice:", idempotency_demo())
    print("sort=-name ->", parse_sort("-name"))
    from fastapi.testclient import TestClient

    with TestClient(make_versioned_app()) as client:
        print("URL:   ", client.get("/v2/items/1").json())
        by_header = client.get("/items/1", headers={"Accept-Version": "2"})
        print("header:", by_header.json(), "| Vary:", by_header.headers["Vary"])
        print("query: ", client.get("/items/1?version=1").json())


if __name__ == "__main__":
    main()

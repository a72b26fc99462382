import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection
from week06.lectures import l4_fastapi as l4

from testkit.http import ClientFactory


@pytest.fixture
async def client(conn: AsyncConnection, asgi_client: ClientFactory) -> httpx.AsyncClient:
    await conn.run_sync(l4.Base.metadata.create_all)
    return await asgi_client(l4.make_app(l4.sessionmaker_on(conn)))


async def note_count(conn: AsyncConnection) -> int:
    return int(await conn.scalar(select(func.count()).select_from(l4.Note)) or 0)


async def test_response_model_reads_the_orm_object(client: httpx.AsyncClient) -> None:
    response = await client.post("/notes", json={"text": "buy milk"})

    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "text", "created_at"}  # filled by the INSERT ... RETURNING
    assert body["text"] == "buy milk"


async def test_a_request_is_one_transaction(
    client: httpx.AsyncClient, conn: AsyncConnection
) -> None:
    await client.post("/notes", json={"text": "buy milk"})

    response = await client.post("/notes/batch", json=[{"text": "call Ann"}, {"text": "buy milk"}])

    assert response.status_code == 409
    # "call Ann" was INSERTed before the conflict, and rolled back with the request.
    assert [n["text"] for n in (await client.get("/notes")).json()] == ["buy milk"]
    assert await note_count(conn) == 1


async def test_a_successful_batch_is_committed(
    client: httpx.AsyncClient, conn: AsyncConnection
) -> None:
    response = await client.post("/notes/batch", json=[{"text": "a"}, {"text": "b"}])

    assert response.status_code == 201
    assert await note_count(conn) == 2  # visible outside the request's (closed) session


async def test_validation_happens_before_any_sql(
    client: httpx.AsyncClient, conn: AsyncConnection
) -> None:
    response = await client.post("/notes", json={"text": ""})

    assert response.status_code == 422
    assert await note_count(conn) == 0


async def test_reading_after_commit_needs_expire_on_commit_false(conn: AsyncConnection) -> None:
    await conn.run_sync(l4.Base.metadata.create_all)
    # Expired by the commit, the attribute would need a lazy load: an AsyncSession refuses.
    assert await l4.read_after_commit(conn, expire_on_commit=True) == "MissingGreenlet"
    assert await l4.read_after_commit(conn, expire_on_commit=False) == "read me after the commit"

"""L4: async SQLAlchemy with FastAPI.

- ``create_async_engine("postgresql+asyncpg://...")``: one engine (one connection pool) per
  process, made at start-up (the project's ``main.py`` does it in the lifespan).
- ``async_sessionmaker``: a factory of ``AsyncSession``; every request gets its own session from a
  ``yield`` dependency, and that dependency is the ONE place that commits (or rolls back).
  ``expire_on_commit=False``: without it, reading an attribute after the commit raises
  ``MissingGreenlet`` (``read_after_commit``).
- The repository is the only code that writes queries; routes call it and never see SQL.
- Pydantic reads ORM objects with ``from_attributes=True``: ``NoteRead.model_validate(note)``.
- Tests run against a real PostgreSQL: the app's sessions join the test's transaction
  (``join_transaction_mode="create_savepoint"``), which is rolled back after each test.

Run: ``uv run python -m week06.lectures.l4_fastapi``
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, HTTPException, Request, status
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import DateTime, Identity, String, func, select
from sqlalchemy.exc import MissingGreenlet
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from week06.lectures.demo_db import run_demo


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    text: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class NoteIn(BaseModel):
    text: str = Field(min_length=1, max_length=200)


class NoteRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)  # read attributes, not dict keys

    id: int
    text: str
    created_at: datetime


class NoteRepository:
    """All the SQL of notes. It flushes (so ids exist) but never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, text: str) -> Note:
        note = Note(text=text)
        self.session.add(note)
        await self.session.flush()  # INSERT ... RETURNING id, created_at
        return note

    async def exists(self, text: str) -> bool:
        return await self.session.scalar(select(Note.id).where(Note.text == text)) is not None

    async def list_all(self) -> list[Note]:
        return list(await self.session.scalars(select(Note).order_by(Note.id)))


async def get_sessionmaker(request: Request) -> async_sessionmaker[AsyncSession]:
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    return sessionmaker


async def get_session(
    sessionmaker: Annotated[async_sessionmaker[AsyncSession], Depends(get_sessionmaker)],
) -> AsyncIterator[AsyncSession]:
    async with sessionmaker() as session:  # closes the session (returns the connection) at the end
        try:
            yield session
            await session.commit()  # the endpoint returned: commit, before the response is sent
        except BaseException:
            await session.rollback()  # the endpoint raised: nothing of this request is kept
            raise


# scope="function": the code after `yield` runs when the endpoint returns, before the response.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def get_repository(session: SessionDep) -> NoteRepository:
    return NoteRepository(session)


RepositoryDep = Annotated[NoteRepository, Depends(get_repository)]


def make_app(sessionmaker: async_sessionmaker[AsyncSession]) -> FastAPI:
    app = FastAPI(title="Notes")
    app.state.sessionmaker = sessionmaker

    @app.post("/notes", status_code=status.HTTP_201_CREATED)
    async def create_note(data: NoteIn, notes: RepositoryDep) -> NoteRead:
        return NoteRead.model_validate(await notes.add(data.text))

    @app.post("/notes/batch", status_code=status.HTTP_201_CREATED)
    async def create_notes(batch: list[NoteIn], notes: RepositoryDep) -> list[NoteRead]:
        """All or nothing: one request, one transaction."""
        created = []
        for data in batch:
            if await notes.exists(data.text):  # earlier notes of the batch are already INSERTed
                raise HTTPException(status.HTTP_409_CONFLICT, f"{data.text!r} exists")
            created.append(NoteRead.model_validate(await notes.add(data.text)))
        return created

    @app.get("/notes")
    async def list_notes(notes: RepositoryDep) -> list[NoteRead]:
        return [NoteRead.model_validate(note) for note in await notes.list_all()]

    return app


def sessionmaker_on(conn: AsyncConnection) -> async_sessionmaker[AsyncSession]:
    """Sessions inside ``conn``'s transaction (the demo's and the tests' way to leave no trace)."""
    return async_sessionmaker(
        bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=False
    )


async def read_after_commit(conn: AsyncConnection, *, expire_on_commit: bool) -> str:
    """Add a note, commit, then read ``note.text``: the text, or the error the read raised.

    A commit expires every object of the session by default: the next attribute read must load
    the row again. A sync Session would quietly run that SELECT; an AsyncSession cannot do I/O
    inside a plain attribute access, so it raises ``MissingGreenlet`` instead.
    """
    maker = async_sessionmaker(
        bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=expire_on_commit
    )
    async with maker() as session:
        note = Note(text="read me after the commit")
        session.add(note)
        await session.commit()
        try:
            return note.text
        except MissingGreenlet as exc:
            return type(exc).__name__


async def demo(conn: AsyncConnection) -> None:
    await conn.run_sync(Base.metadata.create_all)
    app = make_app(sessionmaker_on(conn))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://demo") as client:
        for method, path, body in [
            ("POST", "/notes", {"text": "buy milk"}),
            ("POST", "/notes/batch", [{"text": "call Ann"}, {"text": "buy milk"}]),
            ("GET", "/notes", None),
        ]:
            response = await client.request(method, path, json=body)
            print(f"{method} {path} -> {response.status_code} {response.text}")
    for expire in (True, False):
        outcome = await read_after_commit(conn, expire_on_commit=expire)
        print(f"expire_on_commit={expire}: note.text after the commit -> {outcome}")


def main() -> None:
    run_demo(demo)


if __name__ == "__main__":
    main()

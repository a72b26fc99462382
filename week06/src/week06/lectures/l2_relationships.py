"""L2: relationships and querying.

- One-to-many: ``Author.books`` / ``Book.author``, joined by the foreign key ``books.author_id``;
  ``back_populates`` names the other side, so setting one side updates the other in memory.
- Many-to-many: ``Book.genres`` / ``Genre.books`` through the association table ``book_genres``
  (``secondary=``).
- ``select()`` builds a query; ``where``/``order_by``/``limit`` refine it; ``and_``, ``or_`` and
  ``in_`` combine conditions.
- Loading related rows: lazily, one query per object when you touch the attribute (N+1 queries for
  N objects), or eagerly: ``selectinload`` (one more query for all of them, ``WHERE id IN (...)``)
  or ``joinedload`` (a JOIN in the same query; best for many-to-one). ``lazy="raise"`` makes a
  forgotten eager load an error instead of a hidden query.
- Pagination: ``OFFSET`` (simple, but slow on deep pages and it skips or repeats rows when rows
  are added or removed meanwhile) vs keyset (``WHERE (price, id) > (:last_price, :last_id)``).

Run: ``uv run python -m week06.lectures.l2_relationships``
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from sqlalchemy import (
    Column,
    ForeignKey,
    Identity,
    Numeric,
    String,
    Table,
    and_,
    or_,
    select,
    tuple_,
)
from sqlalchemy.ext.asyncio import AsyncAttrs, AsyncConnection, AsyncSession
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    joinedload,
    mapped_column,
    relationship,
    selectinload,
)

from testkit.db import count_queries
from week06.lectures.demo_db import run_demo, session_on


class Base(AsyncAttrs, DeclarativeBase):
    """``AsyncAttrs`` adds ``obj.awaitable_attrs.<name>``: an explicit lazy load under asyncio
    (a plain attribute access cannot wait for the database)."""


book_genres = Table(
    "book_genres",
    Base.metadata,
    Column("book_id", ForeignKey("books.id", ondelete="CASCADE"), primary_key=True),
    Column("genre_id", ForeignKey("genres.id", ondelete="CASCADE"), primary_key=True),
)


class Author(Base):
    __tablename__ = "authors"

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))

    # Default lazy="select": loaded on first access, one query per author (the N+1 trap).
    books: Mapped[list[Book]] = relationship(back_populates="author", order_by="Book.id")


class Book(Base):
    __tablename__ = "books"

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    price: Mapped[Decimal] = mapped_column(Numeric(8, 2))
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id", ondelete="CASCADE"))

    author: Mapped[Author] = relationship(back_populates="books")
    # lazy="raise": this side must be loaded eagerly, or reading it is an error.
    genres: Mapped[list[Genre]] = relationship(
        secondary=book_genres, back_populates="books", lazy="raise", order_by="Genre.name"
    )


class Genre(Base):
    __tablename__ = "genres"

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)

    books: Mapped[list[Book]] = relationship(
        secondary=book_genres, back_populates="genres", lazy="raise"
    )


async def seed(session: AsyncSession, authors: int = 3, books_each: int = 3) -> None:
    """Authors with books; every book is "fiction", every second one "classic" too."""
    await session.run_sync(lambda s: Base.metadata.create_all(s.connection()))
    fiction, classic = Genre(name="fiction"), Genre(name="classic")
    for a in range(1, authors + 1):
        author = Author(name=f"Author {a}")
        for b in range(1, books_each + 1):
            book = Book(title=f"Book {a}.{b}", price=Decimal(10 * b + a))
            book.genres = [fiction, classic] if b % 2 else [fiction]
            author.books.append(book)  # back_populates: book.author is now `author` too
        session.add(author)
    await session.commit()


async def titles(session: AsyncSession, query: object) -> list[str]:
    return list(await session.scalars(query))  # type: ignore[call-overload]


async def basic_queries(session: AsyncSession) -> dict[str, list[str]]:
    cheap = Book.price < 20
    return {
        "where + order_by + limit": await titles(
            session, select(Book.title).where(cheap).order_by(Book.price.desc()).limit(2)
        ),
        "and_": await titles(
            session, select(Book.title).where(and_(cheap, Book.title.like("Book 1.%")))
        ),
        "or_": await titles(
            session,
            select(Book.title).where(or_(Book.price < 12, Book.price > 32)).order_by(Book.id),
        ),
        "in_": await titles(
            session,
            select(Author.name)
            .where(Author.id.in_(select(Book.author_id).where(Book.price > 32)))
            .order_by(Author.id),
        ),
    }


Strategy = Literal["lazy", "selectinload", "joinedload"]


async def books_by_author(session: AsyncSession, strategy: Strategy) -> dict[str, list[str]]:
    """The same answer three ways; count the queries each one sends (see the tests)."""
    query = select(Author).order_by(Author.id)
    if strategy == "selectinload":
        query = query.options(selectinload(Author.books))
    elif strategy == "joinedload":
        query = query.options(joinedload(Author.books))
    authors = (await session.scalars(query)).unique().all()  # unique(): a JOIN repeats authors
    result = {}
    for author in authors:
        # Lazy: this line sends one SELECT per author. Eager: the books are already loaded.
        books = await author.awaitable_attrs.books if strategy == "lazy" else author.books
        result[author.name] = [book.title for book in books]
    return result


async def genres_of_first_book(session: AsyncSession, *, eager: bool) -> list[str]:
    query = select(Book).order_by(Book.id).limit(1)
    if eager:
        query = query.options(selectinload(Book.genres))
    book = (await session.scalars(query)).one()
    return [genre.name for genre in book.genres]  # lazy="raise": an error unless eager


async def offset_page(session: AsyncSession, page: int, size: int) -> list[str]:
    """Page ``page`` (from 0): the database reads and throws away ``page * size`` rows first."""
    query = select(Book.title).order_by(Book.price, Book.id).offset(page * size).limit(size)
    return await titles(session, query)


async def keyset_page(
    session: AsyncSession, after: tuple[Decimal, int] | None, size: int
) -> list[Book]:
    """The page after the last row seen: ``(price, id)`` is unique, so the order is total (``id``
    breaks ties) and the next page starts exactly after that row, however many came before."""
    query = select(Book).order_by(Book.price, Book.id).limit(size)
    if after is not None:
        query = query.where(tuple_(Book.price, Book.id) > after)
    return list(await session.scalars(query))


async def paging_while_deleting(session: AsyncSession) -> dict[str, list[str]]:
    """Read page 1, someone deletes a row of it, read page 2: OFFSET skips a row, keyset does not."""
    page_1 = await offset_page(session, 0, 3)
    seen = await keyset_page(session, None, 3)
    await session.delete(seen[0])  # "someone else" deletes the cheapest book
    await session.flush()
    last = seen[-1]
    return {
        "page 1": page_1,
        "offset page 2": await offset_page(session, 1, 3),
        "keyset page 2": [b.title for b in await keyset_page(session, (last.price, last.id), 3)],
    }


async def demo(conn: AsyncConnection) -> None:
    async with session_on(conn) as session:
        await seed(session)
        for name, rows in (await basic_queries(session)).items():
            print(f"{name:25} {rows}")
    for strategy in ("lazy", "selectinload", "joinedload"):
        async with session_on(conn) as session:  # a new session: nothing loaded yet
            with count_queries(conn.engine) as queries:
                await books_by_author(session, strategy)
            print(f"{strategy:13} {queries.count} queries for 3 authors")
    async with session_on(conn) as session:
        try:
            await genres_of_first_book(session, eager=False)
        except Exception as exc:
            print(f"lazy='raise': {type(exc).__name__}")
        print(f"with selectinload: {await genres_of_first_book(session, eager=True)}")
    async with session_on(conn) as session:
        for name, rows in (await paging_while_deleting(session)).items():
            print(f"{name:14} {rows}")


def main() -> None:
    run_demo(demo)


if __name__ == "__main__":
    main()

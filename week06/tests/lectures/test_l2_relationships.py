import pytest
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from week06.lectures import l2_relationships as l2
from week06.lectures.demo_db import session_on

from testkit.db import count_queries, explain


@pytest.fixture
async def session(conn: AsyncConnection) -> AsyncSession:
    async with session_on(conn) as session:
        await l2.seed(session)
        session.expunge_all()  # the tests start with nothing loaded
        return session


async def test_back_populates_links_both_sides() -> None:
    author = l2.Author(name="A")
    book = l2.Book(title="B")

    author.books.append(book)  # in memory, before any SQL

    assert book.author is author


async def test_many_to_many_through_the_association_table(session: AsyncSession) -> None:
    assert await l2.genres_of_first_book(session, eager=True) == ["classic", "fiction"]


async def test_basic_queries(session: AsyncSession) -> None:
    assert await l2.basic_queries(session) == {
        "where + order_by + limit": ["Book 3.1", "Book 2.1"],
        "and_": ["Book 1.1"],
        "or_": ["Book 1.1", "Book 3.3"],
        "in_": ["Author 3"],
    }


@pytest.mark.parametrize(
    ("strategy", "queries"), [("lazy", 1 + 3), ("selectinload", 2), ("joinedload", 1)]
)
async def test_n_plus_one_and_its_cure(
    conn: AsyncConnection, session: AsyncSession, strategy: l2.Strategy, queries: int
) -> None:
    with count_queries(conn.engine) as counted:
        result = await l2.books_by_author(session, strategy)

    assert result["Author 2"] == ["Book 2.1", "Book 2.2", "Book 2.3"]
    assert counted.count == queries  # lazy: 1 for the authors + 1 per author


async def test_lazy_loading_grows_with_the_rows(conn: AsyncConnection) -> None:
    async with session_on(conn) as session:
        await l2.seed(session, authors=10)
        session.expunge_all()
        with count_queries(conn.engine) as lazy:
            await l2.books_by_author(session, "lazy")
        session.expunge_all()
        with count_queries(conn.engine) as eager:
            await l2.books_by_author(session, "selectinload")

    assert (lazy.count, eager.count) == (11, 2)


async def test_lazy_raise_refuses_a_hidden_query(session: AsyncSession) -> None:
    with pytest.raises(InvalidRequestError, match="lazy='raise'"):
        await l2.genres_of_first_book(session, eager=False)


async def test_keyset_pages_cover_every_row_once(session: AsyncSession) -> None:
    seen: list[str] = []
    after = None
    while page := await l2.keyset_page(session, after, 4):
        seen += [book.title for book in page]
        after = (page[-1].price, page[-1].id)

    assert len(seen) == len(set(seen)) == 9


async def test_offset_skips_a_row_when_one_is_deleted_keyset_does_not(
    session: AsyncSession,
) -> None:
    pages = await l2.paging_while_deleting(session)

    assert pages["page 1"] == ["Book 1.1", "Book 2.1", "Book 3.1"]
    assert "Book 1.2" not in pages["offset page 2"]  # skipped: it moved onto page 1
    assert pages["keyset page 2"] == ["Book 1.2", "Book 2.2", "Book 3.2"]


async def test_offset_makes_the_database_read_the_skipped_rows(session: AsyncSession) -> None:
    from sqlalchemy import select

    deep = select(l2.Book).order_by(l2.Book.price, l2.Book.id).offset(6).limit(3)
    plan = await explain(session, deep, analyze=True)

    # The Limit node asks for offset + limit rows from below and discards the first six.
    assert plan["Plan"]["Node Type"] == "Limit"
    assert plan["Plan"]["Plans"][0]["Actual Rows"] == 9

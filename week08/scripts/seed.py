"""Demo data for ``make run``: a few items of each source, so the read API has something to show.

Idempotent: the items go through the service's own upsert, keyed by (source, kind, external_id),
so a second run changes nothing. Run after the migrations, with ``DATABASE_URL`` set:

    uv run python week08/scripts/seed.py
"""

import asyncio
from datetime import UTC, datetime, timedelta

from week08.solution.db import database_url, make_engine, make_sessionmaker
from week08.solution.items.repository import ItemRepository
from week08.solution.items.schemas import ItemIn, ItemKind, SourceName

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def demo_items() -> list[ItemIn]:
    repos = [
        ItemIn(source=SourceName.GITHUB, kind=ItemKind.REPOSITORY, external_id=str(100 + n),
               title=f"acme/{name}", url=f"https://github.com/acme/{name}", status="active",
               occurred_at=T0 - timedelta(days=n), source_updated_at=T0 - timedelta(days=n),
               attributes={"stars": 10 * n, "language": "Python"})
        for n, name in enumerate(["rocket", "engine", "hangar"], start=1)
    ]  # fmt: skip
    weather = [
        ItemIn(source=SourceName.WEATHER, kind=ItemKind.FORECAST,
               external_id=f"Berlin@{T0 + timedelta(hours=h):%Y-%m-%dT%H:%M}Z",
               title=f"Berlin {T0 + timedelta(hours=h):%Y-%m-%d %H:%M} UTC: {3 + h / 2:.1f} °C",
               occurred_at=T0 + timedelta(hours=h), source_updated_at=T0,
               attributes={"place": "Berlin", "temperature_c": 3 + h / 2})
        for h in range(3)
    ]  # fmt: skip
    payment = ItemIn(
        source=SourceName.PAYMENTS, kind=ItemKind.PAYMENT, external_id="pi_demo", title="Order 1001",
        status="succeeded", amount=2000, currency="EUR", occurred_at=T0, source_updated_at=T0,
        attributes={"amount_display": "20.00 EUR"},
    )  # fmt: skip
    return [*repos, *weather, payment]


async def seed() -> str:
    engine = make_engine(database_url())
    try:
        async with make_sessionmaker(engine).begin() as session:
            counts = await ItemRepository(session).upsert_many(demo_items())
    finally:
        await engine.dispose()
    return f"seeded: {counts.inserted} new, {counts.updated} updated, {counts.unchanged} unchanged"


if __name__ == "__main__":
    print(asyncio.run(seed()))

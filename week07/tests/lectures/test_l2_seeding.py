from sqlalchemy.ext.asyncio import AsyncEngine
from week07.lectures import l2_seeding as lecture


def test_fake_data_is_deterministic_per_seed() -> None:
    assert lecture.fake_customers(50, seed=1) == lecture.fake_customers(50, seed=1)
    assert lecture.fake_customers(50, seed=1) != lecture.fake_customers(50, seed=2)


async def test_seed_is_idempotent(scratch: AsyncEngine) -> None:
    assert await lecture.run_seed(scratch, 300) == 300
    assert await lecture.run_seed(scratch, 300) == 0
    async with scratch.connect() as conn:
        counts = await lecture.plan_counts(conn)
    assert sum(counts.values()) == 300
    assert counts["free"] > counts["team"]  # the realistic skew: most customers are free

"""Run the week's real Alembic migrations from tests (the same files ``alembic upgrade`` runs)."""

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config

WEEK = Path(__file__).resolve().parents[2]


def alembic_config(url: str) -> Config:
    config = Config(WEEK / "alembic.ini")
    config.set_main_option("sqlalchemy.url", url)  # env.py prefers it to DATABASE_URL
    return config


async def migrate(url: str, verb: str, target: str) -> None:
    """``alembic upgrade head`` and friends. env.py runs its own event loop (``asyncio.run``),
    so it runs in a worker thread, outside the test's loop."""
    step = {"upgrade": command.upgrade, "downgrade": command.downgrade}[verb]
    await asyncio.to_thread(step, alembic_config(url), target)

"""Every lecture's demonstration runs to the end (what `python -m week06.lectures.<name>` prints)."""

from types import ModuleType

import pytest
from sqlalchemy.ext.asyncio import AsyncConnection
from week06.lectures import l1_orm, l2_relationships, l3_alembic, l4_fastapi


@pytest.mark.parametrize("lecture", [l1_orm, l2_relationships, l3_alembic, l4_fastapi])
async def test_demo_prints_its_story(
    lecture: ModuleType, conn: AsyncConnection, capsys: pytest.CaptureFixture[str]
) -> None:
    await lecture.demo(conn)

    assert capsys.readouterr().out.strip()

"""Task 6: the report export (week 11's job, run by a real Celery worker) announces itself over
the socket when it is done: a ``report.ready`` event for the report's owner, sent by the worker
process through Redis to the app process that holds the socket.
"""

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from testkit import impl_module
from testkit.http import LiveServer

from .inherited.test_notifications import relay
from .pipeline import World
from .realtime import api, events_of, new_user, receive

pytestmark = [pytest.mark.task(6), pytest.mark.points(2)]


async def test_a_finished_report_is_pushed_to_its_owner(
    world: World, world_sessions: async_sessionmaker[AsyncSession], settings: Any
) -> None:
    app = impl_module("week12", "main").create_app(
        world.database_url, replace(settings, broker_url=world.broker_url)
    )
    server = LiveServer(app).start()
    try:
        ann = await new_user(server.url, "ann")
        async with events_of(server.url, ann.access_token) as ws, api(server.url, ann) as http:
            queued = await http.post("/reports", json={"format": "csv"})
            assert queued.status_code == 202, queued.text
            report_id = queued.json()["id"]
            assert await relay(world, world_sessions) >= 1  # the job reaches the worker

            world.check_unfinished()
            event = await receive(ws)
            assert (event["type"], event["report_id"], event["owner_id"]) == (
                "report.ready", report_id, ann.id,
            )  # fmt: skip
            status = (await http.get(f"/reports/{report_id}")).json()["status"]
            assert status == "done"  # announced after the commit: the download is there
    finally:
        server.stop()


async def test_a_report_built_twice_is_announced_once(
    world_sessions: async_sessionmaker[AsyncSession], member_id: int
) -> None:
    """A re-delivered task (week 11: at least once) finds the report done and announces nothing."""
    jobs = impl_module("week12", "pipeline.jobs")
    models = impl_module("week12", "pipeline.models")
    async with world_sessions() as session, session.begin():
        report = models.ReportExport(owner_id=member_id, format="json")
        session.add(report)
    heard: list[Any] = []

    async def announce(event: Any) -> None:
        heard.append(event)

    assert await jobs.build_report(world_sessions, report.id, announce) == "done"
    assert await jobs.build_report(world_sessions, report.id, announce) == "nothing to do"
    assert [(e.type, e.report_id, e.owner_id) for e in heard] == [
        ("report.ready", report.id, member_id)
    ]

"""Task 5: a worker killed (SIGKILL) in the middle of a task: the task is re-delivered and the
e-mail arrives exactly once; a worker asked to stop (SIGTERM) finishes the running task first.

The tests share the session's slow worker (``World.slow``, on a queue of its own), whose tasks
pause before they send (``WEEK11_SEND_DELAY``): long enough to kill it mid-task.
"""

import uuid

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from testkit import impl_module
from testkit.celery_worker import CeleryWorker
from testkit.smtp import SmtpServer

from .pipeline import CRASH_QUEUE, World, mails_about, wait_for_mail, wait_until
from .test_notifications import notify_payload, sent

pytestmark = [pytest.mark.task(5), pytest.mark.points(3)]

models = impl_module("week11", "pipeline.models")


@pytest.fixture
def worker(world: World) -> CeleryWorker:
    """The session's slow worker, running (a test may kill or stop it); the waits read its log."""
    assert world.slow is not None
    return world.watch(world.slow.start())


async def test_a_worker_killed_mid_task_sends_the_mail_once_after_a_restart(
    world: World,
    world_sessions: async_sessionmaker[AsyncSession],
    smtp: SmtpServer,
    member_id: int,
    worker: CeleryWorker,
) -> None:
    key = f"killed-{uuid.uuid4().hex[:8]}"
    task_id = world.publish("pipeline.notify", {"message_id": 1, **notify_payload(key, member_id)},
                            queue=CRASH_QUEUE)  # fmt: skip
    worker.wait_for_log(f"pipeline.notify[{task_id}] received")

    worker.kill()  # SIGKILL mid-task: no clean-up, the message is still unacknowledged
    assert mails_about(smtp, f"New task: {key}") == []
    worker.restart()  # restores the unacknowledged message and runs it again

    wait_for_mail(world, f"New task: {key}")
    wait_until(world, lambda: f"pipeline.notify[{task_id}] succeeded" in worker.log(), "the re-run")
    assert len(mails_about(smtp, f"New task: {key}")) == 1
    assert await sent(world_sessions, key)


async def test_sigterm_lets_the_running_task_finish(
    world: World, smtp: SmtpServer, member_id: int, worker: CeleryWorker
) -> None:
    key = f"stopped-{uuid.uuid4().hex[:8]}"
    task_id = world.publish("pipeline.notify", {"message_id": 1, **notify_payload(key, member_id)},
                            queue=CRASH_QUEUE)  # fmt: skip
    worker.wait_for_log(f"pipeline.notify[{task_id}] received")

    assert worker.terminate() == 0  # warm shutdown: no new task, the running one finishes

    assert len(mails_about(smtp, f"New task: {key}")) == 1
    assert f"pipeline.notify[{task_id}] succeeded" in worker.log()

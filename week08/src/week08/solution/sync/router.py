"""``POST /sync/{source}`` (202, runs in ``BackgroundTasks`` after the response; ``?wait=true`` runs
it in the request, 200) and ``GET /sync/status``. ``BackgroundTasks`` is not a job queue: no
retries, no record, gone if the process stops (week 11 brings Celery)."""

import asyncio
import re

from fastapi import APIRouter, BackgroundTasks, Request, Response, status
from starlette.convertors import StringConvertor, register_url_convertor

from ..dependencies import ClockDep, IntegrationsDep, SessionmakerDep
from ..errors import ConflictError
from ..integrations import Integrations
from ..items.schemas import SourceName
from ..problems import problem_responses
from .models import SyncState
from .repository import SyncStateRepository
from .schemas import BreakerStatus, SourceStatus, SyncAccepted, SyncCounts, SyncStatus
from .service import SyncService


# `{source:source}` matches the known sources only. Without it `/sync/{source}` also matches
# `/sync/status`, and `POST /sync/status` is a 422 ("status" is no source) instead of a 405; an
# unknown source is then a 404, a resource that does not exist.
class SourceSegment(StringConvertor):
    regex = "|".join(re.escape(source.value) for source in SourceName)


register_url_convertor("source", SourceSegment())
router = APIRouter(prefix="/sync", tags=["sync"])


def source_status(
    source: SourceName, state: SyncState | None, integrations: Integrations
) -> SourceStatus:
    # BEGIN SOLUTION breaker snapshot + state (or a 'never' status)
    breaker = BreakerStatus(**integrations.breakers[source].snapshot())
    if state is None:
        return SourceStatus(
            source=source, status="never", last_run_at=None, last_success_at=None,
            last_error=None, consecutive_failures=0, not_modified=False, breaker=breaker,
            counts=SyncCounts(received=0, inserted=0, updated=0, unchanged=0, invalid=0),
        )  # fmt: skip
    return SourceStatus(
        source=source, status=state.status, last_run_at=state.last_run_at,
        last_success_at=state.last_success_at, last_error=state.last_error,
        consecutive_failures=state.consecutive_failures, not_modified=state.not_modified,
        counts=SyncCounts.model_validate(state, from_attributes=True), breaker=breaker,
    )  # fmt: skip
    # END SOLUTION


async def run_sync(
    source: SourceName, integrations: Integrations, service: SyncService
) -> SyncState:
    # BEGIN SOLUTION run the source's sync; always take it off the running set
    try:
        return await service.run(integrations.sources[source])
    finally:
        integrations.running.discard(source)
    # END SOLUTION


@router.post(
    "/{source:source}", status_code=status.HTTP_202_ACCEPTED,
    responses={200: {"model": SourceStatus}, **problem_responses(404, 409, 422)},
)  # fmt: skip
async def sync_now(
    source: SourceName, request: Request, response: Response, background: BackgroundTasks,
    integrations: IntegrationsDep, sessionmaker: SessionmakerDep, now: ClockDep, wait: bool = False,
) -> SyncAccepted | SourceStatus:  # fmt: skip
    """Start a sync of ``source`` (202), or with ``wait=true`` run it and return its status (200).
    409 while a sync of that source is running."""
    # Check and mark with no `await` in between: nothing else runs on the event loop meanwhile.
    # BEGIN SOLUTION 409 if running; mark; wait: 200, else 202
    if source in integrations.running:
        raise ConflictError(f"A sync of {source.value} is already running")
    integrations.running.add(source)
    service = SyncService(sessionmaker, now=now)
    if wait:
        state = await run_sync(source, integrations, service)
        response.status_code = status.HTTP_200_OK
        return source_status(source, state, integrations)
    background.add_task(run_sync, source, integrations, service)
    return SyncAccepted(source=source, status_url=str(request.url_for("sync_status")))
    # END SOLUTION


@router.post("", responses={200: {"model": SyncStatus}})
async def sync_all(
    integrations: IntegrationsDep, sessionmaker: SessionmakerDep, now: ClockDep
) -> SyncStatus:
    """Sync every idle source concurrently (each has its own client: as long as the slowest one)."""
    # BEGIN SOLUTION idle sources, in a TaskGroup; report all
    idle = [source for source in SourceName if source not in integrations.running]
    integrations.running.update(idle)
    service = SyncService(sessionmaker, now=now)
    async with asyncio.TaskGroup() as group:
        runs = {s: group.create_task(run_sync(s, integrations, service)) for s in idle}
    async with sessionmaker() as session:  # the stored state of the sources that were busy
        states = await SyncStateRepository(session).all()
    states |= {source.value: task.result() for source, task in runs.items()}
    return SyncStatus(
        sources=[source_status(s, states.get(s.value), integrations) for s in SourceName]
    )
    # END SOLUTION


@router.get("/status", name="sync_status")
async def sync_status(integrations: IntegrationsDep, sessionmaker: SessionmakerDep) -> SyncStatus:
    """Per source: the last run, its counts and error, and the circuit breaker's state."""
    # BEGIN SOLUTION read every state; one status per SourceName
    async with sessionmaker() as session:
        states = await SyncStateRepository(session).all()
    return SyncStatus(
        sources=[source_status(s, states.get(s.value), integrations) for s in SourceName]
    )
    # END SOLUTION

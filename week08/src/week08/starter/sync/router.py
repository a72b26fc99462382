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
    raise NotImplementedError("TODO: breaker snapshot + state (or a 'never' status)")


async def run_sync(
    source: SourceName, integrations: Integrations, service: SyncService
) -> SyncState:
    raise NotImplementedError("TODO: run the source's sync; always take it off the running set")


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
    raise NotImplementedError("TODO: 409 if running; mark; wait: 200, else 202")


@router.post("", responses={200: {"model": SyncStatus}})
async def sync_all(
    integrations: IntegrationsDep, sessionmaker: SessionmakerDep, now: ClockDep
) -> SyncStatus:
    """Sync every idle source concurrently (each has its own client: as long as the slowest one)."""
    raise NotImplementedError("TODO: idle sources, in a TaskGroup; report all")


@router.get("/status", name="sync_status")
async def sync_status(integrations: IntegrationsDep, sessionmaker: SessionmakerDep) -> SyncStatus:
    """Per source: the last run, its counts and error, and the circuit breaker's state."""
    raise NotImplementedError("TODO: read every state; one status per SourceName")

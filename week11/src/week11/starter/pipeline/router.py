"""HTTP layer of the pipeline: a user's report exports (ask, follow, download) and the admin's
view of the pipeline (queue lengths, failures, dead letters; replaying one)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response, status
from redis.asyncio import Redis

from ..auth.dependencies import READ, AdminUser, CurrentUser
from ..dependencies import ClockDep, SessionDep, SettingsDep
from ..fields import MAX_ID
from ..problems import problem_responses
from .exceptions import (
    AlreadyReplayedError,
    DeadLetterNotFoundError,
    ReportNotFoundError,
    ReportNotReadyError,
)
from .jobs import replay
from .outbox import enqueue, pending
from .repository import PipelineRepository
from .schemas import DeadLetterRead, PipelineReport, ReportIn, ReportRead

router = APIRouter(tags=["pipeline"])
QUEUES = ("celery",)  # the broker's queues (Celery's default one; a Redis list each)
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
ReportId = Annotated[int, Path(ge=1, le=MAX_ID, description="The report's id")]
DeadLetterId = Annotated[int, Path(ge=1, le=MAX_ID, description="The dead letter's id")]


async def get_repository(session: SessionDep) -> PipelineRepository:
    return PipelineRepository(session)


RepositoryDep = Annotated[PipelineRepository, Depends(get_repository)]


@router.post(
    "/reports",
    status_code=status.HTTP_202_ACCEPTED,
    dependencies=[READ],
    responses=problem_responses(400, 422),
)
async def request_report(
    data: ReportIn,
    user: CurrentUser,
    repository: RepositoryDep,
    session: SessionDep,
    request: Request,
    response: Response,
) -> ReportRead:
    """Queue an export of the caller's tasks; follow it at the Location."""
    raise NotImplementedError("TODO: a queued report and its message, one transaction")


@router.get("/reports/{report_id}", dependencies=[READ], responses=problem_responses(404, 422))
async def get_report(
    report_id: ReportId, user: CurrentUser, repository: RepositoryDep
) -> ReportRead:
    """The export's status: queued, running, done or failed."""
    raise NotImplementedError("TODO: the caller's report, or 404")


@router.get(
    "/reports/{report_id}/download",
    dependencies=[READ],
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {}, "application/json": {}}, "description": "The export"},
        **problem_responses(404, 409, 422),
    },
)
async def download_report(
    report_id: ReportId, user: CurrentUser, repository: RepositoryDep
) -> Response:
    """The finished export (409 until it is done)."""
    raise NotImplementedError("TODO: 404, 409 unless done, else the content with its media type")


async def queue_lengths(broker_url: str) -> dict[str, int]:
    """How many messages wait in each queue of the broker (LLEN of its Redis list)."""
    raise NotImplementedError("TODO: LLEN of each queue, the client closed")


@router.get("/admin/pipeline", responses=problem_responses(422))
async def pipeline_report(
    admin: AdminUser, repository: RepositoryDep, session: SessionDep, settings: SettingsDep
) -> PipelineReport:
    """Queue lengths, the outbox's backlog, failed exports and the dead letters not replayed."""
    raise NotImplementedError("TODO: the four figures in a PipelineReport")


@router.post(
    "/admin/dead-letters/{dead_letter_id}/replay",
    status_code=status.HTTP_202_ACCEPTED,
    responses=problem_responses(404, 409, 422),
)
async def replay_dead_letter(
    dead_letter_id: DeadLetterId,
    admin: AdminUser,
    repository: RepositoryDep,
    session: SessionDep,
    clock: ClockDep,
) -> DeadLetterRead:
    """Send a dead letter's job again (after the fix); 409 if it was replayed already."""
    raise NotImplementedError("TODO: 404, 409 if replayed, else replay through the outbox")

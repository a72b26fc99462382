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
    report = await repository.add_report(user.id, data.format)
    enqueue(session, "pipeline.build_report", report_id=report.id)
    response.headers["Location"] = str(request.url_for("get_report", report_id=report.id))
    return ReportRead.model_validate(report)


@router.get("/reports/{report_id}", dependencies=[READ], responses=problem_responses(404, 422))
async def get_report(
    report_id: ReportId, user: CurrentUser, repository: RepositoryDep
) -> ReportRead:
    """The export's status: queued, running, done or failed."""
    report = await repository.report(user.id, report_id)
    if report is None:
        raise ReportNotFoundError(report_id)
    return ReportRead.model_validate(report)


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
    report = await repository.report(user.id, report_id)
    if report is None:
        raise ReportNotFoundError(report_id)
    if report.status != "done" or report.content is None:
        raise ReportNotReadyError(report_id, report.status)
    return Response(report.content, media_type=MEDIA_TYPES[report.format])


async def queue_lengths(broker_url: str) -> dict[str, int]:
    """How many messages wait in each queue of the broker (LLEN of its Redis list)."""
    client = Redis.from_url(broker_url)
    try:
        return {queue: await client.llen(queue) for queue in QUEUES}
    finally:
        await client.aclose()


@router.get("/admin/pipeline", responses=problem_responses(422))
async def pipeline_report(
    admin: AdminUser, repository: RepositoryDep, session: SessionDep, settings: SettingsDep
) -> PipelineReport:
    """Queue lengths, the outbox's backlog, failed exports and the dead letters not replayed."""
    return PipelineReport(
        queues=await queue_lengths(settings.broker_url),
        outbox_pending=await pending(session),
        failed_reports=await repository.failed_reports(),
        dead_letters=[
            DeadLetterRead.model_validate(row) for row in await repository.open_dead_letters()
        ],
    )


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
    dead_letter = await repository.dead_letter(dead_letter_id)
    if dead_letter is None:
        raise DeadLetterNotFoundError(dead_letter_id)
    if dead_letter.replayed_at is not None:
        raise AlreadyReplayedError(dead_letter_id)
    await replay(session, dead_letter, clock())
    return DeadLetterRead.model_validate(dead_letter)

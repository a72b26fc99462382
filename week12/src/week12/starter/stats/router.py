"""HTTP layer of the statistics."""

from typing import Annotated

from fastapi import APIRouter, Depends

from ..auth.dependencies import READ, PrincipalDep
from ..dependencies import ClockDep, SessionDep, SettingsDep
from ..owned import ReadCacheDep
from ..problems import problem_responses
from .repository import StatsRepository
from .schemas import TaskStats
from .service import StatsService

router = APIRouter(prefix="/tasks", tags=["stats"])


async def get_stats_service(
    session: SessionDep,
    principal: PrincipalDep,
    cache: ReadCacheDep,
    clock: ClockDep,
    settings: SettingsDep,
) -> StatsService:
    repository = StatsRepository(session, principal.user.id)
    return StatsService(repository, cache, clock, settings.stats_ttl)


StatsServiceDep = Annotated[StatsService, Depends(get_stats_service)]


@router.get("/stats", dependencies=[READ], name="v2_task_stats", responses=problem_responses())
async def task_stats(service: StatsServiceDep) -> TaskStats:
    """Counts of your tasks by status, priority and category; overdue and due this week."""
    return await service.tasks()

from collections.abc import Sequence

from sqlalchemy import func

from ..tenancy.base import TenantRepository
from .models import Project


class ProjectRepository(TenantRepository[Project]):
    model = Project

    async def all(self) -> Sequence[Project]:
        raise NotImplementedError("TODO: task 5")

    async def name_taken(self, name: str, except_id: int | None = None) -> bool:
        raise NotImplementedError("TODO: task 5")

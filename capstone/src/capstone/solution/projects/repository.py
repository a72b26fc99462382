from collections.abc import Sequence

from sqlalchemy import func

from ..tenancy.base import TenantRepository
from .models import Project


class ProjectRepository(TenantRepository[Project]):
    model = Project

    async def all(self) -> Sequence[Project]:
        # BEGIN SOLUTION task 5
        return (await self.session.scalars(self.scoped().order_by(Project.id))).all()
        # END SOLUTION

    async def name_taken(self, name: str, except_id: int | None = None) -> bool:
        # BEGIN SOLUTION task 5
        query = self.scoped().where(func.lower(Project.name) == name.lower())
        if except_id is not None:
            query = query.where(Project.id != except_id)
        return await self.session.scalar(query) is not None
        # END SOLUTION

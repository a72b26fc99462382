from collections.abc import Sequence

from sqlalchemy import func

from ..tenancy.base import TenantRepository
from .models import Project


class ProjectRepository(TenantRepository[Project]):
    model = Project

    # BEGIN SOLUTION task 5
    async def all(self) -> Sequence[Project]:
        return (await self.session.scalars(self.scoped().order_by(Project.id))).all()

    async def name_taken(self, name: str, except_id: int | None = None) -> bool:
        query = self.scoped().where(func.lower(Project.name) == name.lower())
        if except_id is not None:
            query = query.where(Project.id != except_id)
        return await self.session.scalar(query) is not None

    # REPLACE WITH
    # # TODO (task 5): the live projects; whether a name is taken (any case, live projects)
    # END SOLUTION

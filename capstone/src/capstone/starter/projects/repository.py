from collections.abc import Sequence

from sqlalchemy import func

from ..tenancy.base import TenantRepository
from .models import Project


class ProjectRepository(TenantRepository[Project]):
    model = Project

    # TODO (task 5): the live projects; whether a name is taken (any case, live projects)

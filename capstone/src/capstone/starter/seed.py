"""Demo data for ``make run``: two organisations, a user of each role in each, projects and tasks,
all added through the services (so every rule holds and the audit log has a history). Run it after
the migrations: ``uv run python capstone/scripts/seed.py``. Idempotent: a second run adds nothing.
The passwords are published demo credentials of a local database, nothing more.
"""

import asyncio
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from .auth.models import User
from .auth.passwords import Passwords
from .auth.repository import UserRepository
from .auth.schemas import Credentials
from .auth.service import AuthService
from .auth.tokens import TokenCodec
from .db import database_url, make_engine, make_sessionmaker
from .projects.schemas import ProjectIn
from .projects.service import ProjectService
from .settings import Settings
from .tasks.schemas import TaskIn
from .tasks.service import TaskService
from .tenancy.dependencies import Tenant
from .tenancy.models import Role
from .tenancy.schemas import InvitationIn, OrganisationIn
from .tenancy.service import InvitationService, OrganisationService

ORGANISATIONS = {"acme": "Acme Rockets", "globex": "Globex Corporation"}
PASSWORD = "demo password, local only"  # noqa: S105 - published demo credentials
ROLES = (Role.admin, Role.member, Role.viewer)


def email(role: Role, slug: str) -> str:
    raise NotImplementedError("TODO: task 7")


async def seed(session: AsyncSession, settings: Settings) -> bool:
    """Add the demo organisations unless they exist; True if it added them."""
    raise NotImplementedError("TODO: task 7")


def credentials() -> str:
    """The demo accounts, as printed at start."""
    raise NotImplementedError("TODO: task 7")


async def run() -> None:
    raise NotImplementedError("TODO: task 7")
    print(credentials())


def main() -> None:
    asyncio.run(run())

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
    # BEGIN SOLUTION task 7
    return f"{role}@{slug}.example"
    # END SOLUTION


async def seed(session: AsyncSession, settings: Settings) -> bool:
    """Add the demo organisations unless they exist; True if it added them."""
    # BEGIN SOLUTION task 7
    if await UserRepository(session).by_email(email(Role.admin, "acme")) is not None:
        return False
    auth = AuthService(session, Passwords(settings.password_cost), TokenCodec(settings))
    now = datetime.now(UTC)
    for slug, name in ORGANISATIONS.items():
        users: dict[Role, User] = {}
        for role in ROLES:
            users[role] = await auth.register(
                Credentials(email=email(role, slug), password=PASSWORD)
            )
        organisation = await OrganisationService(session).create(
            users[Role.admin], OrganisationIn(name=name, slug=slug)
        )
        admin = Tenant(organisation.id, users[Role.admin].id, Role.admin)
        invitations = InvitationService(session)
        for role in (Role.member, Role.viewer):
            invited = await invitations.invite(
                admin,
                InvitationIn(email=users[role].email, role=role),
                now,
                settings.invitation_ttl,
            )
            await invitations.accept(users[role], invited.token, now)
        member = Tenant(organisation.id, users[Role.member].id, Role.member)
        project = await ProjectService(session, member).create(ProjectIn(name=f"{name} website"))
        tasks = TaskService(session, member)
        for title, labels in (("Write the launch post", ["docs"]), ("Fix the login bug", ["bug"])):
            await tasks.create(TaskIn(project_id=project.id, title=title, labels=labels,
                                      assignee_id=users[Role.member].id))  # fmt: skip
    return True
    # END SOLUTION


def credentials() -> str:
    """The demo accounts, as printed at start."""
    # BEGIN SOLUTION task 7
    rows = [f"  {email(role, slug):<24} {role:<7} {name}"
            for slug, name in ORGANISATIONS.items() for role in ROLES]  # fmt: skip
    return "\n".join([f"Demo accounts (password: {PASSWORD!r}):", *rows])
    # END SOLUTION


async def run() -> None:
    # BEGIN SOLUTION task 7
    engine = make_engine(database_url())
    try:
        async with make_sessionmaker(engine)() as session:
            added = await seed(session, Settings.from_env())
            await session.commit()
    finally:
        await engine.dispose()
    print("Demo data added." if added else "Demo data present already.")
    # END SOLUTION
    print(credentials())


def main() -> None:
    asyncio.run(run())

"""App-wide dependencies: the database session, the integrations, and each domain's service."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from .integrations import Integrations
from .items.repository import ItemRepository
from .items.service import ItemService
from .pagination import CursorCodec
from .resilience.clock import Now
from .settings import Settings
from .webhooks.service import PaymentWebhookService


# `async def` on purpose: FastAPI runs plain `def` dependencies in a thread pool (a thread hop each).
async def get_sessionmaker(request: Request) -> async_sessionmaker[AsyncSession]:
    """The app's session factory (made in the lifespan; tests override this dependency)."""
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    return sessionmaker


SessionmakerDep = Annotated[async_sessionmaker[AsyncSession], Depends(get_sessionmaker)]


async def get_session(sessionmaker: SessionmakerDep) -> AsyncIterator[AsyncSession]:
    """One session and one transaction per request, committed here and nowhere else (week 6)."""
    async with sessionmaker() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_integrations(request: Request) -> Integrations:
    integrations: Integrations = request.app.state.integrations
    return integrations


async def get_clock(request: Request) -> Now:
    now: Now = request.app.state.now
    return now


SettingsDep = Annotated[Settings, Depends(get_settings)]
IntegrationsDep = Annotated[Integrations, Depends(get_integrations)]
ClockDep = Annotated[Now, Depends(get_clock)]


async def get_item_service(session: SessionDep, settings: SettingsDep) -> ItemService:
    raise NotImplementedError("TODO: a service on the request's session and the cursor secret")


async def get_webhook_service(
    session: SessionDep, settings: SettingsDep, now: ClockDep
) -> PaymentWebhookService:
    raise NotImplementedError("TODO: a service on the session, with the secret, tolerance, clock")


ItemServiceDep = Annotated[ItemService, Depends(get_item_service)]
WebhookServiceDep = Annotated[PaymentWebhookService, Depends(get_webhook_service)]

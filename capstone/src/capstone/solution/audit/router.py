"""``GET /orgs/{org_id}/audit-events``: the organisation's audit log, for admins."""

from typing import Annotated

from fastapi import APIRouter, Query

from ..dependencies import CursorCodecDep, SessionDep
from ..pagination import Page, paginate
from ..problems import problem_responses
from ..tenancy.dependencies import AdminDep
from .repository import AuditRepository
from .schemas import AuditEventOut

router = APIRouter(tags=["audit"])


# BEGIN SOLUTION
@router.get("/orgs/{org_id}/audit-events", responses=problem_responses(400, 401, 403, 404, 422))
async def list_audit_events(
    tenant: AdminDep,
    session: SessionDep,
    codec: CursorCodecDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    entity_type: Annotated[str | None, Query(max_length=40, pattern=r"^[a-z_]+$")] = None,
) -> Page[AuditEventOut]:
    """Newest first; follow ``next_cursor`` for older events."""
    query = f"audit:{entity_type}"
    before_id = codec.decode(cursor, query) if cursor else None
    rows = await AuditRepository(session, tenant.org_id).page(limit, before_id, entity_type)
    page, next_cursor = paginate(rows, limit, query, codec, lambda event: event.id)
    return Page[AuditEventOut](
        items=[AuditEventOut.model_validate(e) for e in page], next_cursor=next_cursor
    )


# REPLACE WITH
# # TODO (task 4): the route GET /orgs/{org_id}/audit-events
# END SOLUTION

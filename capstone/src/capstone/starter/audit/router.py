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


# TODO (task 4): the route GET /orgs/{org_id}/audit-events

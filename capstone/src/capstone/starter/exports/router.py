"""``/orgs/{org_id}/exports``: admins export the organisation's tasks. ``POST`` answers 202 with
the status resource's ``Location``; a worker builds the file; the status says when to download."""

from typing import Annotated

from fastapi import APIRouter, Path, Response, status

from ..audit.service import AuditLog
from ..dependencies import SessionDep
from ..errors import ConflictError, NotFoundError
from ..problems import problem_responses
from ..tenancy.base import TenantRepository
from ..tenancy.dependencies import MAX_ID, AdminDep, Tenant
from .models import ExportStatus, ReportExport
from .schemas import ExportIn, ExportOut
from .service import MEDIA_TYPES

router = APIRouter(tags=["exports"])
ExportId = Annotated[int, Path(ge=1, le=MAX_ID)]
PREFIX = "/api/v1"


# TODO (task 13): what the three routes share: a TenantRepository of ReportExport, the status
# resource's URL (under its organisation), the response body (a download link once done, and
# only then), and this organisation's export or 404


# TODO (task 13): the route POST /orgs/{org_id}/exports


# TODO (task 13): the route GET /orgs/{org_id}/exports/{export_id}


# TODO (task 13): the route GET /orgs/{org_id}/exports/{export_id}/download

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


class ExportRepository(TenantRepository[ReportExport]):
    model = ReportExport


def status_url(export: ReportExport) -> str:
    return f"{PREFIX}/orgs/{export.org_id}/exports/{export.id}"


def out(export: ReportExport) -> ExportOut:
    raise NotImplementedError("TODO: task 13: the download link only once done")


async def find(session: SessionDep, tenant: Tenant, export_id: int) -> ReportExport:
    raise NotImplementedError("TODO: task 13: this organisation's, or 404")


@router.post(
    "/orgs/{org_id}/exports",
    status_code=status.HTTP_202_ACCEPTED,
    responses=problem_responses(401, 403, 404, 422),
)
async def start_export(
    body: ExportIn, tenant: AdminDep, session: SessionDep, response: Response
) -> ExportOut:
    """Start an export of the organisation's live tasks; poll ``Location`` until it is done."""
    raise NotImplementedError("TODO: task 13: a pending row, audited, and its Location")


@router.get("/orgs/{org_id}/exports/{export_id}", responses=problem_responses(401, 403, 404, 422))
async def get_export(export_id: ExportId, tenant: AdminDep, session: SessionDep) -> ExportOut:
    return out(await find(session, tenant, export_id))


@router.get(
    "/orgs/{org_id}/exports/{export_id}/download",
    responses={
        200: {"content": {"text/csv": {}, "application/json": {}}, "description": "The file"},
        **problem_responses(401, 403, 404, 409, 422),
    },
    response_class=Response,
)
async def download_export(export_id: ExportId, tenant: AdminDep, session: SessionDep) -> Response:
    """The file of a ``done`` export (409 while it is pending or when it failed)."""
    raise NotImplementedError("TODO: task 13: 409 unless done, else the file")

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


# BEGIN SOLUTION task 13: the routes' helpers
class ExportRepository(TenantRepository[ReportExport]):
    model = ReportExport


def status_url(export: ReportExport) -> str:
    return f"{PREFIX}/orgs/{export.org_id}/exports/{export.id}"


def out(export: ReportExport) -> ExportOut:
    done = export.status == ExportStatus.done
    return ExportOut(
        id=export.id,
        format=export.format,
        status=export.status,
        error=export.error,
        created_at=export.created_at,
        finished_at=export.finished_at,
        download=f"{status_url(export)}/download" if done else None,
    )


async def find(session: SessionDep, tenant: Tenant, export_id: int) -> ReportExport:
    export = await ExportRepository(session, tenant.org_id).get(export_id)
    if export is None:
        raise NotFoundError(f"export {export_id} not found")
    return export


# REPLACE WITH
# # TODO (task 13): what the three routes share: a TenantRepository of ReportExport, the status
# # resource's URL (under its organisation), the response body (a download link once done, and
# # only then), and this organisation's export or 404
# END SOLUTION


# BEGIN SOLUTION
@router.post(
    "/orgs/{org_id}/exports",
    status_code=status.HTTP_202_ACCEPTED,
    responses=problem_responses(401, 403, 404, 422),
)
async def start_export(
    body: ExportIn, tenant: AdminDep, session: SessionDep, response: Response
) -> ExportOut:
    """Start an export of the organisation's live tasks; poll ``Location`` until it is done."""
    export = await ExportRepository(session, tenant.org_id).add(
        requested_by=tenant.user_id, format=body.format, status=ExportStatus.pending
    )
    after = {"format": export.format, "status": export.status}
    await AuditLog(session, tenant).record("export.requested", "export", export.id, None, after)
    response.headers["Location"] = status_url(export)
    return out(export)


# REPLACE WITH
# # TODO (task 13): the route POST /orgs/{org_id}/exports
# END SOLUTION


# BEGIN SOLUTION
@router.get("/orgs/{org_id}/exports/{export_id}", responses=problem_responses(401, 403, 404, 422))
async def get_export(export_id: ExportId, tenant: AdminDep, session: SessionDep) -> ExportOut:
    return out(await find(session, tenant, export_id))


# REPLACE WITH
# # TODO (task 13): the route GET /orgs/{org_id}/exports/{export_id}
# END SOLUTION


# BEGIN SOLUTION
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
    export = await find(session, tenant, export_id)
    if export.status != ExportStatus.done or export.content is None:
        raise ConflictError(f"export {export_id} is {export.status}, not done")
    filename = f"tasks-{export.org_id}-{export.id}.{export.format}"
    return Response(
        export.content,
        media_type=MEDIA_TYPES[export.format],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


# REPLACE WITH
# # TODO (task 13): the route GET /orgs/{org_id}/exports/{export_id}/download
# END SOLUTION

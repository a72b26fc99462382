"""HTTP layer of /api/v2/tasks: cursor pages, renamed fields, links and Idempotency-Key.

Same service as v1; this module only translates between v2's representation and the service.
"""

from fastapi import APIRouter

router = APIRouter(prefix="/tasks", tags=["tasks"])

# TODO (task 3): the endpoints of the README's "v2 endpoints" table, on v1's TaskServiceDep.
# Their names, status codes and documented errors are in contracts/openapi-v2.json: the route
# names (v2_create_task, v2_list_tasks, v2_get_task, ...) give the operationIds, and
# request.url_for("v2_get_task", task_id=...) builds a task's `self` link. Task ids in paths
# follow v1's rules (tasks/router.py: 1 to MAX_ID, digits only).
# TODO (task 4): POST honours an optional Idempotency-Key header (idempotency.py).

"""HTTP layer of tasks: parse the request, call the service, shape the response. No rules."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status

from ..fields import MAX_ID, Digits
from ..problems import problem_responses
from .dependencies import TaskServiceDep
from .schemas import TaskFilters, TaskIn, TaskPatch, TaskRead

router = APIRouter(prefix="/tasks", tags=["tasks"])
# TODO (task 5): the path operations of tasks (README "Endpoints"): POST "" (201 and
# Location), GET "" (filters from the query string), GET, PUT, PATCH, DELETE "/{task_id}".

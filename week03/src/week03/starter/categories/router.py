"""HTTP layer of categories: parse the request, call the service, shape the response. No rules."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response, status

from ..fields import MAX_ID, Digits
from ..problems import problem_responses
from .dependencies import CategoryServiceDep
from .schemas import CategoryIn, CategoryRead

router = APIRouter(prefix="/categories", tags=["categories"])
# TODO (task 5): the path operations of categories (README "Endpoints"): POST ""
# (201 and Location), GET "", and GET, PUT, DELETE "/{category_id}".

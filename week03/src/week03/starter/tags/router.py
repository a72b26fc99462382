"""HTTP layer of tags: parse the request, call the service, shape the response. No rules."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response, status

from ..fields import MAX_ID, Digits
from ..problems import problem_responses
from .dependencies import TagServiceDep
from .schemas import TagIn, TagRead

router = APIRouter(prefix="/tags", tags=["tags"])
# TODO (task 5): the path operations of tags (README "Endpoints"): POST "" (201 and
# Location), GET "", and GET, PUT, DELETE "/{tag_id}".

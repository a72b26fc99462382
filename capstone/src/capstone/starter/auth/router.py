"""``/auth``: register, log in, refresh, log out; ``/users/me``."""

from fastapi import APIRouter, status

from ..dependencies import ClockDep
from ..problems import problem_responses
from .dependencies import AuthServiceDep, CurrentUser
from .schemas import Credentials, Login, RefreshRequest, TokenPair, UserOut

router = APIRouter(tags=["auth"])


# TODO (task 1): the route POST /auth/register


# TODO (task 1): the route POST /auth/login


# TODO (task 1): the route POST /auth/refresh


# TODO (task 1): the route POST /auth/logout


# TODO (task 1): the route GET /users/me

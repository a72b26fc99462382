"""HTTP layer of authentication: register, the OAuth2 password flow, refresh, logout, me."""

from fastapi import APIRouter

router = APIRouter(prefix="/auth", tags=["auth"])
me_router = APIRouter(tags=["auth"])
# TODO (tasks 1 and 3): POST /register (201), POST /token (the OAuth2 password form),
# POST /refresh, POST /logout (204) on ``router``; GET /me on ``me_router``.

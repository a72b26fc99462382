"""HTTP layer of user administration (admins only: the ``users:manage`` scope)."""

from fastapi import APIRouter

router = APIRouter(prefix="/admin/users", tags=["admin"])
# TODO (task 6): GET "" (a page: after_id, limit), GET /{user_id}, PATCH /{user_id}; admins only.

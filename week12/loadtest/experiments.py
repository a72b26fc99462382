"""Scratch experiments behind RESULTS.md: week 11's app with one hot-path change each, to measure
before changing the real code. Each is an app factory for ``bench_api.py``:

    uv run python week12/benchmarks/bench_api.py --app experiments:direct_json --week week11 \\
        --label "direct JSON" --no-write

They patch the built app (or one module function) from outside, which is fine for a measurement
and wrong for the product: ``cheap_links`` and ``direct_json`` are now week 12's own code (task 8).

- ``direct_json``: the list endpoint returns ``Response(page JSON bytes)`` serialised by
  pydantic-core in one pass, instead of FastAPI validating the returned model against
  ``response_model`` again, turning it into Python dicts (``jsonable``) and ``json.dumps``-ing them.
- ``cheap_links``: each task's links are formatted from the request's base URL, instead of three
  ``request.url_for`` calls per task (each walks the route table until a name matches).
- ``lean_list``: both.
- ``cached_user``: the caller's user row kept 5 s in the worker instead of one ``SELECT`` per
  request (a deactivated user then keeps access for up to 5 s: a trade-off to decide, not a
  free win; production would key it in Redis and drop it on every change of the user).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.routing import APIRoute
from week11.solution import main
from week11.solution.tasks import router_v2
from week11.solution.tasks.models import Task
from week11.solution.tasks.schemas import TaskRead
from week11.solution.tasks.schemas_v2 import V1_TO_V2, TaskLinks, TaskReadV2, renamed
from week11.solution.users.models import User
from week11.solution.users.repository import UserRepository

LIST_ROUTE = "v2_list_tasks"


def _json_bytes(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(endpoint)  # same signature: FastAPI resolves the same dependencies
    async def wrapper(*args: Any, **kwargs: Any) -> Response:
        page = await endpoint(*args, **kwargs)
        return Response(page.__pydantic_serializer__.to_json(page), media_type="application/json")

    return wrapper


def direct_json() -> FastAPI:
    app = main.create_app()
    for index, route in enumerate(app.router.routes):
        if isinstance(route, APIRoute) and route.name == LIST_ROUTE:
            app.router.routes[index] = APIRoute(
                route.path, _json_bytes(route.endpoint), methods=["GET"], name=route.name,
                dependencies=route.dependencies, response_model=None,
            )  # fmt: skip
    return app


def task_read_formatted(task: Task | TaskRead, request: Request) -> TaskReadV2:
    """``router_v2.task_read`` with the links formatted, not looked up by route name."""
    base = str(request.base_url).rstrip("/")
    links = TaskLinks(
        self=f"{base}/api/v2/tasks/{task.id}",
        category=f"{base}/api/v1/categories/{task.category_id}" if task.category_id else None,
        tags=[f"{base}/api/v1/tags/{tag_id}" for tag_id in task.tag_ids],
    )
    fields = TaskRead.model_validate(task).model_dump()
    return TaskReadV2(**renamed(fields, V1_TO_V2), links=links)


def cheap_links() -> FastAPI:
    router_v2.task_read = task_read_formatted  # type: ignore[assignment]
    return main.create_app()


def lean_list() -> FastAPI:
    router_v2.task_read = task_read_formatted  # type: ignore[assignment]
    return direct_json()


_recent: dict[int, tuple[float, User | None]] = {}  # user id -> (expires, row); one per worker
_load_user = UserRepository.get
USER_TTL = 5.0


async def _recent_user(self: UserRepository, user_id: int) -> User | None:
    now = time.monotonic()
    if (hit := _recent.get(user_id)) and hit[0] > now:
        return hit[1]
    user = await _load_user(self, user_id)
    _recent[user_id] = (now + USER_TTL, user)
    return user


def cached_user() -> FastAPI:
    # The method itself, not app.dependency_overrides: FastAPI inspects an override's signature
    # again on every request, which costs more than the SELECT it would save (measured: 3x).
    UserRepository.get = _recent_user  # type: ignore[method-assign]
    return main.create_app()

"""Week 12: the v2 links, formatted instead of looked up by route name."""

# ``request.url_for(name, **params)`` walks the app's route table until a route of that name
# matches: three walks a task (itself, its category, its tags), about 60 a page of 20, and 44% of
# a worker's CPU in the profile (``loadtest/RESULTS.md``). The paths cannot change once the app is
# built, so each is looked up once per app (``LinkPaths.of``) and every link is the request's base
# URL + that path + the id: the string ``url_for`` makes, byte for byte.

from dataclasses import dataclass

from fastapi import FastAPI, Request

from .models import Task
from .schemas import TaskRead
from .schemas_v2 import TaskLinks

MARK = "0"  # a valid id to look a path up with; the path up to the id is the prefix


@dataclass(frozen=True)
class LinkPaths:
    """The path of each kind of link up to its id, e.g. ``/api/v2/tasks/``."""

    task: str
    category: str
    tag: str

    @classmethod
    def of(cls, app: FastAPI) -> "LinkPaths":
        """Looked up by route name as ``url_for`` does (the routers' prefixes included): once."""

        # BEGIN SOLUTION url_path_for once per name, minus the id
        def prefix(name: str, param: str) -> str:
            path = str(app.url_path_for(name, **{param: MARK}))
            return path.removesuffix(MARK)

        return cls(
            task=prefix("v2_get_task", "task_id"),
            category=prefix("get_category", "category_id"),
            tag=prefix("get_tag", "tag_id"),
        )
        # END SOLUTION


class Links:
    """The links of one request: its base URL (scheme, host, root path) + a path + an id."""

    def __init__(self, paths: LinkPaths, request: Request) -> None:
        # BEGIN SOLUTION the base URL once, without its final slash
        base = str(request.base_url).rstrip("/")
        self.task = base + paths.task
        self.category = base + paths.category
        self.tag = base + paths.tag
        # END SOLUTION

    def of(self, task: Task | TaskRead) -> TaskLinks:
        """The links of ``task``: to itself, its category (or None) and each of its tags."""
        # BEGIN SOLUTION formatting only: no route lookup
        category = f"{self.category}{task.category_id}" if task.category_id is not None else None
        return TaskLinks(
            self=f"{self.task}{task.id}",
            category=category,
            tags=[f"{self.tag}{tag_id}" for tag_id in task.tag_ids],
        )
        # END SOLUTION


def request_links(request: Request) -> Links:
    """The request's links; the app's paths are looked up at its first request and kept."""
    # BEGIN SOLUTION LinkPaths.of(app) once, kept in app.state
    state = request.app.state
    paths: LinkPaths | None = getattr(state, "link_paths", None)
    if paths is None:
        paths = state.link_paths = LinkPaths.of(request.app)
    return Links(paths, request)
    # END SOLUTION

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

        raise NotImplementedError("TODO: url_path_for once per name, minus the id")


class Links:
    """The links of one request: its base URL (scheme, host, root path) + a path + an id."""

    def __init__(self, paths: LinkPaths, request: Request) -> None:
        raise NotImplementedError("TODO: the base URL once, without its final slash")

    def of(self, task: Task | TaskRead) -> TaskLinks:
        """The links of ``task``: to itself, its category (or None) and each of its tags."""
        raise NotImplementedError("TODO: formatting only: no route lookup")


def request_links(request: Request) -> Links:
    """The request's links; the app's paths are looked up at its first request and kept."""
    raise NotImplementedError("TODO: LinkPaths.of(app) once, kept in app.state")

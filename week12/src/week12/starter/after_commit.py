"""Work that must wait until the request's transaction has committed.

Some effects of a write belong outside the database and must not happen before the data is there:
invalidating a cache (before the commit, a concurrent request could still read the old rows and
cache them again) and, in week 11, enqueueing a background job (a worker could start before the
row it needs exists). A route's dependencies register such work with ``add``; ``get_session`` runs
it right after a successful commit, and a rolled-back request runs none of it.
"""

from collections.abc import Awaitable, Callable

import structlog

Hook = Callable[[], Awaitable[None]]
logger = structlog.get_logger(__name__)


class AfterCommit:
    def __init__(self) -> None:
        self.hooks: dict[str, Hook] = {}

    def add(self, name: str, hook: Hook) -> None:
        """Run ``hook`` after the commit; the same ``name`` registered twice runs once."""
        self.hooks.setdefault(name, hook)

    async def run(self) -> None:
        hooks, self.hooks = self.hooks, {}
        for name, hook in hooks.items():
            try:
                await hook()
            except Exception:  # the data is committed: the request still succeeded
                logger.exception("after-commit work failed", work=name)

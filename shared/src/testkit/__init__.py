"""course-testkit: what every week's tests stand on.

Real PostgreSQL and Redis without Docker, the solution/starter switch, async database and HTTP
fixtures, the starter generator and the JSON results report. See shared/README.md.

The database helpers are imported on first use, so that ``import testkit`` (which every test
session does through the plugin) stays cheap.
"""

from typing import TYPE_CHECKING, Any

from testkit.impl import impl_module
from testkit.services.errors import ServiceUnavailable

if TYPE_CHECKING:
    from testkit.db import count_queries, explain, node_types, plan_nodes

__all__ = [
    "ServiceUnavailable",
    "count_queries",
    "explain",
    "impl_module",
    "node_types",
    "plan_nodes",
]


def __getattr__(name: str) -> Any:
    if name in {"count_queries", "explain", "node_types", "plan_nodes"}:
        from testkit import db

        return getattr(db, name)
    raise AttributeError(f"module 'testkit' has no attribute {name!r}")

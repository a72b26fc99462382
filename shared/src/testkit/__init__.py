"""course-testkit: what every week's tests stand on.

Real PostgreSQL and Redis without Docker, the solution/starter switch, async database and HTTP
fixtures, the starter generator and the JSON results report. See shared/README.md.
"""

from testkit.db import count_queries, explain, node_types, plan_nodes
from testkit.impl import impl_module
from testkit.services.errors import ServiceUnavailable

__all__ = [
    "ServiceUnavailable",
    "count_queries",
    "explain",
    "impl_module",
    "node_types",
    "plan_nodes",
]

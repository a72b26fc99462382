"""The hostile-input and concurrency suite: any API, over real HTTP, described by its OpenAPI.

    api = await hostile.Api.load(server.url, ["/openapi.json"])
    hostile.assert_clean(await hostile.probe_inputs(api, budget), "hostile input")
    hostile.assert_clean(await hostile.probe_methods(api), "HTTP methods")
    hostile.assert_clean(await hostile.probe_bursts(api, budget), "concurrent bursts")
    hostile.run_schemathesis(api, budget, unpredictable=["reference_not_found"])

Each probe returns ``Finding``s (what was sent, what is wrong with the answer); ``assert_clean``
fails with a grouped report. See shared/README.md, "Hostile input and concurrency".
"""

from testkit.hostile.budget import Budget
from testkit.hostile.bursts import Bursts, Request, Scenario, at_once, burst, probe_bursts, tally
from testkit.hostile.checks import Finding, assert_clean, problems
from testkit.hostile.contract import run_schemathesis
from testkit.hostile.document import Api, Operation
from testkit.hostile.methods import probe_methods
from testkit.hostile.probe import Seeds, probe_inputs

__all__ = [
    "Api",
    "Budget",
    "Bursts",
    "Finding",
    "Operation",
    "Request",
    "Scenario",
    "Seeds",
    "assert_clean",
    "at_once",
    "burst",
    "probe_bursts",
    "probe_inputs",
    "probe_methods",
    "problems",
    "run_schemathesis",
    "tally",
]

"""Schemathesis against the running API, stateless and stateful, derandomized and bounded.

- **Stateless**: for every operation, generated valid requests (they must be accepted) and, with
  ``budget.modes`` (``--deep``), invalid ones (they must be rejected with a 4xx); every response
  must match the document (status, content type, headers, body schema) and never be a 5xx.
- **Stateful**: chains of calls that feed real ids from one response into the next (``POST /tasks``
  then ``GET``/``PATCH``/``DELETE /tasks/{task_id}``), with links that schemathesis infers from the
  document; this reaches the code behind existing resources, where random ids only get 404s.

``derandomize=True`` fixes the seed (the same examples on every run), shrinking is off (a failure is
reported as a curl command to replay), and the budget bounds the examples.

Some rejections of valid data are right and no schema can predict them: an id that names nothing
(404), a name already taken (409), a stale ``If-Match`` (412), a reference to a missing resource.
``unpredictable`` names the problem types (the end of ``type``) or field error types (``errors[].type``)
of 400/422 answers that are accepted as such.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import hypothesis
import schemathesis
from schemathesis import Case, CheckContext, GenerationMode, Response
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import positive_data_acceptance

from testkit.hostile.budget import Budget
from testkit.hostile.checks import excerpt
from testkit.hostile.document import Api

STATE_DEPENDENT = (404, 409, 412)
CheckFunction = Callable[[CheckContext, Response, Case[Any]], bool | None]


def accepts_valid_data(unpredictable: Iterable[str]) -> CheckFunction:
    """``positive_data_acceptance``, except the rejections listed in the module docstring."""
    known = tuple(unpredictable)

    def check(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
        if response.status_code in STATE_DEPENDENT:
            return None
        if response.status_code in (400, 422) and known:
            body = response.json()
            types = [error.get("type", "") for error in body.get("errors", [])]
            if (types and all(t in known for t in types)) or str(body.get("type")).endswith(known):
                return None
        return positive_data_acceptance(ctx, response, case)

    return check


def settings(examples: int, **extra: Any) -> hypothesis.settings:
    return hypothesis.settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
        suppress_health_check=list(hypothesis.HealthCheck),
        **extra,
    )


def stateless(schema: Any, budget: Budget, check: CheckFunction) -> list[str]:
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in map(GenerationMode, budget.modes):

            @settings(budget.examples)
            @hypothesis.given(case=operation.as_strategy(generation_mode=mode))
            def call(case: Case[Any]) -> None:
                case.call_and_validate(
                    excluded_checks=[positive_data_acceptance], additional_checks=[check]
                )

            try:
                call()
            except hypothesis.errors.Unsatisfiable:
                pass  # nothing to make invalid: an operation without parameters or body
            except (FailureGroup, Exception) as exc:
                failures.append(f"{operation.label} ({mode.value} data): {exc}")
    return failures


def stateful(schema: Any, budget: Budget, check: CheckFunction) -> list[str]:
    class Machine(schema.as_state_machine()):  # type: ignore[misc]
        def validate_response(
            self, response: Response, case: Case[Any], additional_checks: Any = None, **kwargs: Any
        ) -> None:
            case.validate_response(
                response, excluded_checks=[positive_data_acceptance], additional_checks=[check],
                transport_kwargs=kwargs,
            )  # fmt: skip

    try:
        Machine.run(settings=settings(budget.stateful_examples, stateful_step_count=budget.steps))
    except hypothesis.errors.FlakyStrategyDefinition:
        # The server's state decides which calls a scenario can make, and it changes as the run
        # goes on; Hypothesis notices and stops (more likely the longer the run, as with --deep).
        # Not a finding about the API: the scenarios that ran were checked.
        print("schemathesis: the stateful run stopped early (the server's state changed it)")
    except (FailureGroup, Exception) as exc:
        return [f"stateful scenario: {exc}"]
    return []


def run_schemathesis(
    api: Api,
    budget: Budget | None = None,
    unpredictable: Iterable[str] = (),
    phases: Iterable[str] = ("stateless", "stateful"),
    include: Callable[[str, str], bool] | None = None,
) -> None:
    """Run the phases on every document of ``api``; raise ``AssertionError`` listing failures.

    A week whose tests already run schemathesis' stateless phase in-process may ask for
    ``phases=["stateful"]`` only. ``include(method, path)`` keeps only the operations a week
    changes (schemathesis reads each document from its URL, so a narrowed ``Api`` would not do).
    """
    budget = budget or Budget()
    check = accepts_valid_data(unpredictable)
    runners = {"stateless": stateless, "stateful": stateful}
    failures = []

    def included(ctx: Any) -> bool:
        return include is None or include(ctx.operation.method, ctx.operation.path)

    for document in api.documents:
        schema: schemathesis.BaseSchema = schemathesis.openapi.from_url(document.url)
        if include is not None:
            schema = schema.include(included)
        for phase in phases:
            failures += runners[phase](schema, budget, check)
    if failures:
        text = f"schemathesis: {len(failures)} failure(s)\n\n" + "\n\n".join(failures)
        print(text)  # all of it, with curl commands to replay; pytest shows it on failure
        raise AssertionError(excerpt(text, 1_500))

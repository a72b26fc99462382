"""The hostile-input and concurrency suite finds each kind of defect, and nothing in a correct API.

The API under attack is ``hostile_app``: correct by default, with planted defects on request.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

import pytest

from testkit import hostile
from testkit.hostile.budget import Budget
from testkit.hostile.bursts import Bursts, Scenario, creates, references, scenarios, singular
from testkit.hostile.document import Api, Document
from testkit.hostile.examples import example
from testkit.hostile.probe import Seeds, Seen
from testkit.hostile.values import INT32_MAX, body_values, wire_values
from testkit.http import LiveServer

from .hostile_app import DEFECTS, make_app

Serve = Callable[..., LiveServer]
Probe = Callable[[Api], object]


@pytest.fixture
def serve(live_server: Serve) -> Callable[..., object]:
    async def api(*defects: str) -> Api:
        server = live_server(make_app(set(defects)))
        return await Api.load(server.url, ["/openapi.json"])

    return api


def problems_of(findings: list[hostile.Finding]) -> str:
    return "\n".join(str(finding) for finding in findings)


async def test_a_correct_api_gives_no_findings(serve: Callable[..., object]) -> None:
    api = await serve()  # type: ignore[misc]

    assert await hostile.probe_inputs(api) == []
    assert await hostile.probe_methods(api) == []
    assert await hostile.probe_bursts(api) == []


# (defect, the probe that must find it, a phrase of the finding, in the request or the problem)
CASES = [
    ("overflow", "inputs", "server error 500"),
    ("overflow", "inputs", "2**31 (past INTEGER)"),
    ("nul", "inputs", "NUL character"),
    ("undeclared", "inputs", "status 400 is not declared"),
    ("plain_errors", "inputs", "is application/json, not application/problem+json"),
    ("bad_schema", "inputs", "does not match the declared schema"),
    ("lax", "inputs", "accepted (201) a request its schema forbids"),
    ("raw_body", "inputs", "invalid UTF-8 in the body"),
    ("raw_body", "inputs", "server error 500"),
    ("no_head", "methods", "HEAD gave 405 where GET gave 200"),
    ("shadowed", "methods", "undocumented method gave 422"),
    ("race_unique", "bursts", "server error 500"),
    ("race_if_match", "bursts", "exactly one 2xx and 412s"),
    ("race_update", "bursts", "all 2xx (the last write wins)"),
    ("race_idempotency", "bursts", "every 2xx the same response"),
    ("race_reference", "bursts", "which is gone"),
]
SMALL = Budget(long_text=300, oversized_body=3_000, nesting=3_000)  # the same kinds, less data
PROBES: dict[str, Callable[[Api], Awaitable[list[hostile.Finding]]]] = {
    "inputs": lambda api: hostile.probe_inputs(api, SMALL),
    "methods": hostile.probe_methods,
    "bursts": lambda api: hostile.probe_bursts(api, SMALL),
}


def test_every_planted_defect_has_a_case() -> None:
    assert {defect for defect, _, _ in CASES} == DEFECTS.keys()


@pytest.mark.parametrize(("defect", "probe", "phrase"), CASES)
async def test_each_defect_is_found(
    serve: Callable[..., object], defect: str, probe: str, phrase: str
) -> None:
    api = await serve(defect)  # type: ignore[misc]

    findings = await PROBES[probe](api)

    assert any(phrase in str(finding) for finding in findings), problems_of(findings)


async def test_bursts_leave_out_the_writes_named_in_skip(serve: Callable[..., object]) -> None:
    api = await serve("race_unique", "race_if_match")  # type: ignore[misc]

    # By operation (the POST of /tags) and by path prefix (every write under /notes/).
    findings = await hostile.probe_bursts(api, SMALL, skip=["POST /tags", "/notes/"])

    assert findings == [], problems_of(findings)


async def test_bursts_race_a_collection_under_a_resource(live_server: Serve) -> None:
    server = live_server(make_app(nested=True))  # + /notes/{note_id}/labels[/{label_id}]
    api = await Api.load(server.url, ["/openapi.json"])

    assert await hostile.probe_bursts(api, SMALL) == []
    async with api.client() as client:
        seeds = Seeds()
        await seeds.plant(client, api, per_collection=1)
        bursts = Bursts(api, client, seeds, size=6)
        ran: dict[str, Scenario] = {name: await s for name, s in scenarios(api, bursts)}
    note, label = seeds.ids["/notes"][0], seeds.ids["/notes/{note_id}/labels"][0]
    assert str(label) != str(note)  # planted in the collection under the planted note
    create = ran["the same POST /notes/{note_id}/labels"]
    assert {r.url for r in create.requests} == {f"/notes/{note}/labels"}
    assert create.statuses == {201: 1, 409: 5}  # a create (one name per note), not an update
    assert ran["the same PATCH /notes/{note_id}/labels/{label_id}"].statuses == {200: 6}
    assert ran["the same DELETE /notes/{note_id}/labels/{label_id}"].statuses == {204: 1, 404: 5}
    label_path = "/notes/{note_id}/labels/{label_id}"
    raced = ran[f"DELETE {label_path} racing PATCH {label_path}"]
    assert raced.requests[0].url.startswith(f"/notes/{note}/labels/")
    assert raced.findings == []
    assert raced.statuses[204] == 1


def document(paths: dict[str, dict[str, list[int]]]) -> Document:
    """A document of ``{path: {method: [statuses]}}``; every path parameter an integer."""

    def operation(path: str, statuses: list[int]) -> dict[str, object]:
        names = re.findall(r"{(\w+)}", path)
        parameters = [{"name": n, "in": "path", "required": True, "schema": {"type": "integer"}}
                      for n in names]  # fmt: skip
        return {"parameters": parameters, "responses": {str(status): {} for status in statuses}}

    return Document("memory", {"paths": {
        path: {method: operation(path, statuses) for method, statuses in item.items()}
        for path, item in paths.items()
    }})  # fmt: skip


def test_a_post_to_a_collection_under_a_resource_is_a_create() -> None:
    paths = {
        "/orgs": {"post": [201]},
        "/tasks/import": {"post": [200]},  # no parameter in the path: a create, as always
        "/orgs/{org_id}/projects": {"post": [201]},
        "/orgs/{org_id}/projects/{project_id}": {"delete": [204]},
        "/orgs/{org_id}/tasks/{task_id}/comments": {"post": [201]},  # deeper
        "/orgs/{org_id}/tasks/{task_id}/labels": {"get": [200], "post": [200]},  # listed
        "/orgs/{org_id}/tasks/{task_id}/tags": {"post": [200]},  # with items
        "/orgs/{org_id}/tasks/{task_id}/tags/{tag}": {"delete": [204]},
        "/admin/dead-letters/{dead_letter_id}/replay": {"post": [202]},  # an action on one item
        "/sync/{source}": {"post": [202]},  # a POST to an item
    }
    api = Api("http://x", (document(paths),))

    found = {op.path for op in api.operations if creates(op, api.by_path())}

    assert found == {
        "/orgs",
        "/tasks/import",
        "/orgs/{org_id}/projects",
        "/orgs/{org_id}/tasks/{task_id}/comments",
        "/orgs/{org_id}/tasks/{task_id}/labels",
        "/orgs/{org_id}/tasks/{task_id}/tags",
    }
    by_path = api.by_path()
    seeds = Seeds(ids={"/orgs": [1, 2], "/orgs/{org_id}/tasks": [7, 8]})
    comments = by_path["/orgs/{org_id}/tasks/{task_id}/comments"]["POST"]
    assert seeds.url(comments) == "/orgs/1/tasks/7/comments"
    delete = by_path["/orgs/{org_id}/projects/{project_id}"]["DELETE"]
    seeds.ids["/orgs/{org_id}/projects"] = [3, 4]
    # A DELETE takes the last item planted, in the parent every other request uses (the first).
    assert seeds.url(delete) == "/orgs/1/projects/4"


async def test_assert_clean_reports_findings_grouped(serve: Callable[..., object]) -> None:
    api = await serve("overflow")  # type: ignore[misc]
    findings = await hostile.probe_inputs(api)

    with pytest.raises(AssertionError, match=r"hostile input: \d+ wrong answer\(s\)") as failure:
        hostile.assert_clean(findings, "hostile input")
    assert "server error 500" in str(failure.value)
    hostile.assert_clean([], "nothing")  # no findings: no failure


async def test_an_api_without_its_document_fails_clearly(live_server: Serve) -> None:
    server = live_server(make_app())

    with pytest.raises(AssertionError, match=r"GET /missing\.json gave 404"):
        await Api.load(server.url, ["/missing.json"])


def test_schemathesis_passes_a_correct_api(live_server: Serve) -> None:
    server = live_server(make_app())
    api = Api(server.url, (Document(f"{server.url}/openapi.json", make_app().openapi()),))

    hostile.run_schemathesis(api, Budget(), unpredictable=["/missing-reference"])


def test_schemathesis_failures_become_assertion_errors(live_server: Serve) -> None:
    server = live_server(make_app({"bad_schema"}))
    api = Api(server.url, (Document(f"{server.url}/openapi.json", {}),))

    with pytest.raises(AssertionError, match=r"schemathesis: \d+ failure"):
        hostile.run_schemathesis(api, Budget(), phases=["stateful"])  # the default finds it


def test_schemathesis_runs_only_the_operations_included(live_server: Serve) -> None:
    server = live_server(make_app({"bad_schema"}))  # GET /notes/{note_id} is the broken one
    api = Api(server.url, (Document(f"{server.url}/openapi.json", {}),))

    hostile.run_schemathesis(api, Budget(), include=lambda method, path: method.upper() == "POST")


def test_only_keeps_the_operations_asked_for() -> None:
    api = Api("http://api", (Document("memory", make_app().openapi()),))

    narrowed = api.only(lambda method, path: method == "post")

    assert {op.method.upper() for op in narrowed.operations} == {"POST"}
    assert {op.path for op in narrowed.operations} < {op.path for op in api.operations}
    every = api.only(lambda method, path: True)
    assert [(op.method, op.path) for op in every.operations] == [
        (op.method, op.path) for op in api.operations
    ]


def test_examples_are_small_valid_instances() -> None:
    document = Document("memory", make_app().openapi())
    note = {"$ref": "#/components/schemas/NoteIn"}

    assert example(note, document, unique="7") == {"title": "x7"}
    assert example({"type": "string", "format": "date"}, document) == "2026-03-01"
    assert example({"type": "string", "minLength": 3}, document) == "xxx"
    assert (
        example({"type": "string", "examples": ["Work"], "maxLength": 5}, document, "12") == "Work1"
    )
    assert example({"type": "integer", "minimum": 5}, document) == 5
    assert example({"type": "array", "items": {"type": "integer"}, "minItems": 2}, document) == [
        1,
        1,
    ]
    assert example({"anyOf": [{"type": "null"}, {"type": "boolean"}]}, document) is True
    assert example({"enum": ["a", "b"]}, document) == "a"


def test_values_cover_the_bounds_of_the_schema_and_of_integer_columns() -> None:
    document = Document("memory", {})
    labels = {
        v.label: v.value for v in body_values({"type": "integer", "maximum": 9}, document, Budget())
    }

    assert labels["2**31 (past INTEGER)"] == INT32_MAX + 1
    assert labels["maximum 9 +1"] == 10
    assert labels["wrong type: true"] is True
    texts = {v.label for v in body_values({"type": "string", "maxLength": 3}, document, Budget())}
    assert {"NUL character", "lone surrogate", "maxLength 3 + 1", "wrong type: 0"} <= texts
    deep = body_values({"type": "string"}, document, Budget.choose(deep=True))
    assert len(deep) > len(body_values({"type": "string"}, document, Budget()))
    wire = {
        v.label
        for v in wire_values({"type": "array", "items": {"type": "integer"}}, document, Budget())
    }
    assert {"2**31 (past INTEGER)", "NUL (%00)", "5,000 digits"} <= wire


def test_a_schema_probed_before_gets_the_short_list() -> None:
    document = Document("memory", {})
    schema = {"type": "integer", "minimum": 1, "maximum": 9}

    full = body_values(schema, document, Budget())
    short = body_values(schema, document, Budget(), short=True)

    assert {v.label for v in short} == {
        "null", "wrong type: true", "2**31 (past INTEGER)", "2**63 (past BIGINT)"
    }  # fmt: skip
    assert "-1" not in {v.label for v in full}  # "minimum 1 -1" is the negative one
    assert len(short) < len(full)
    seen, deep = Seen(), Seen(enabled=False)
    assert (seen.again("id", schema), seen.again("id", schema)) == (False, True)
    assert (deep.again("id"), deep.again("id")) == (False, False)


def test_references_follow_the_rest_naming_convention() -> None:
    api = Api("http://x", (Document("memory", make_app().openapi()),))

    found = {(str(delete), str(create), field) for delete, create, field in references(api)}

    assert found == {("DELETE /tags/{tag_id}", "POST /notes", "tag_ids")}
    assert [singular(p) for p in ("/api/categories", "/tags/", "/news")] == [
        "category",
        "tag",
        "new",
    ]


def test_deep_budget_pushes_harder() -> None:
    assert Budget.choose(deep=False) == Budget()
    deep = Budget.choose(deep=True)
    assert deep.burst > Budget().burst
    assert deep.examples > Budget().examples


@pytest.fixture
def inner(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makepyfile(
        test_budget="def test_budget(hostile_budget):\n    print('deep', hostile_budget.deep)\n"
    )
    return pytester


@pytest.mark.parametrize(("args", "deep"), [((), False), (("--deep",), True)])
def test_deep_option_selects_the_budget(
    inner: pytest.Pytester, args: tuple[str, ...], deep: bool
) -> None:
    result = inner.runpytest("-p", "no:cacheprovider", "--no-report", "-s", *args)

    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines([f"*deep {deep}*"])

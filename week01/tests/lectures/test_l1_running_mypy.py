"""The lesson "mypy catches bugs before run time", tested: every planted bug is reported."""

import runpy
from pathlib import Path

import pytest
from week01.lectures.l1_running_mypy import EXAMPLES, Finding, planted_bugs, run_mypy

SNIPPETS = sorted(p for p in EXAMPLES.glob("*.py") if p.name != "fixed.py")


@pytest.fixture(scope="module")
def findings(mypy_cache: Path) -> list[Finding]:
    return run_mypy(*EXAMPLES.glob("*.py"), cache_dir=mypy_cache)  # one run for all snippets


def test_there_are_planted_bugs_of_each_kind() -> None:
    codes = {code for path in SNIPPETS for _, _, code in planted_bugs(path)}
    assert codes == {"return-value", "union-attr", "list-item", "unused-coroutine"}


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda p: p.name)
def test_mypy_reports_exactly_the_planted_bugs(snippet: Path, findings: list[Finding]) -> None:
    reported = {(f.file, f.line, f.code) for f in findings if f.file == snippet.name}
    assert reported == set(planted_bugs(snippet))


def test_the_fixed_versions_are_clean(findings: list[Finding]) -> None:
    assert [f for f in findings if f.file == "fixed.py"] == []


def test_python_itself_runs_the_buggy_code_until_it_breaks() -> None:
    wrong_return = runpy.run_path(str(EXAMPLES / "wrong_return.py"))
    assert wrong_return["total_cents"]([100, 250]) == "350 cents"  # a str, silently
    none_not_handled = runpy.run_path(str(EXAMPLES / "none_not_handled.py"))
    assert none_not_handled["email_domain"](1) == "example.com"  # works for a known user ...
    with pytest.raises(AttributeError):
        none_not_handled["email_domain"](2)  # ... and crashes for an unknown one
    wrong_element = runpy.run_path(str(EXAMPLES / "wrong_element.py"))
    with pytest.raises(TypeError):
        wrong_element["report"]()

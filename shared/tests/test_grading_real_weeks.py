"""Grading real weeks of this checkout (a clone of its last commit): the cases the sample cannot show.

- an endless loop in one endpoint of week 3: the contract test (schemathesis calls the app from a
  worker thread, where pytest-timeout cannot stop it) and the test of that endpoint fail, every
  other test still scores;
- week 1 without ``week01/src/week01/__init__.py``: the branch's own code is graded (as a
  namespace package), not the grader's installed week.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from testkit import paths
from testkit.grading import grade
from testkit.grading.branch import BranchResult

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.com", *args],
        cwd=repo, check=True, capture_output=True,
    )  # fmt: skip


def graded_branch(
    tmp_path: Path, folder: str, change: Callable[[Path], None], test_timeout: float
) -> BranchResult:
    """Clone this checkout, give ``folder``'s starter the solution, apply ``change``, grade it."""
    repo = tmp_path / "repo"
    git(
        paths.course_root(),
        "clone",
        "--quiet",
        "--no-hardlinks",
        str(paths.course_root()),
        str(repo),
    )
    package = repo / folder / "src" / folder
    git(repo, "checkout", "-q", "-b", f"student/{folder}")
    shutil.rmtree(package / "starter")
    shutil.copytree(package / "solution", package / "starter")
    change(package)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "work")
    git(repo, "checkout", "-q", "-")  # the grader's checkout is the course as it was
    options = grade.GradeOptions(folder, out_dir=tmp_path / "out", test_timeout=test_timeout)
    [result] = grade.grade(repo, [f"student/{folder}"], options, log=lambda _: None)
    return result


def endless_list_of_tags(package: Path) -> None:
    router = package / "starter" / "tags" / "router.py"
    head = "async def list_tags(service: TagServiceDep) -> list[TagRead]:\n"
    # Awaiting forever: the endpoint never answers, the rest of the server still does.
    endless = "    while True:\n        await asyncio.sleep(1)\n"
    text = "import asyncio\n" + router.read_text().replace(head, head + endless)
    router.write_text(text)


def test_an_endless_loop_in_one_endpoint_costs_only_the_tests_that_call_it(tmp_path: Path) -> None:
    result = graded_branch(tmp_path, "week03", endless_list_of_tags, test_timeout=4)
    failed = {t.name.rsplit("::", 1)[1]: t for t in result.tests if t.status != "pass"}
    # The list of tags, the contract test and the hostile suite's tests that list tags.
    assert {"test_list_in_id_order[tags]", "test_api_honours_its_openapi_contract"} <= set(failed)
    assert all("tags" in name or "hostile" in t.name or "contract" in name
               for name, t in failed.items()), sorted(failed)  # fmt: skip
    assert failed["test_list_in_id_order[tags]"].timed_out
    earned, possible = result.points()
    assert earned == possible - sum(t.points for t in failed.values())
    assert result.reason is None
    assert not result.timed_out


def test_a_missing_init_grades_the_branch_not_the_installed_week(tmp_path: Path) -> None:
    result = graded_branch(
        tmp_path, "week01", lambda package: (package / "__init__.py").unlink(), test_timeout=10
    )
    assert result.points()[0] == result.points()[1] > 0
    assert [s.kind for s in result.review] == ["deleted", "similarity"]

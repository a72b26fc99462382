import tomllib
from pathlib import Path

import pytest
from week01.lectures import l4_conventional_commits as cc
from week01.lectures import l4_git, l4_uv

WEEK = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def repos(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    tmp_path = tmp_path_factory.mktemp("git")
    merged, rebased = tmp_path / "merge", tmp_path / "rebase"
    l4_git.diverged_repo(merged)
    l4_git.merge_feature(merged)
    before = l4_git.diverged_repo(rebased)
    l4_git.rebase_feature(rebased)
    return merged, rebased, before


def test_merge_keeps_the_branch_with_a_merge_commit(
    repos: tuple[Path, Path, dict[str, str]],
) -> None:
    merged, _, _ = repos
    log = l4_git.history(merged)
    assert log[0].subject == "Merge branch 'feature'"
    assert len(log[0].parents) == 2
    assert sum(len(c.parents) > 1 for c in log) == 1
    assert len(log) == 5


def test_rebase_gives_a_straight_line_of_new_commits(
    repos: tuple[Path, Path, dict[str, str]],
) -> None:
    _, rebased, before = repos
    log = l4_git.history(rebased)
    assert [c.subject for c in log] == [
        "test(api): cover health check",
        "feat(api): add health check",
        "docs: add readme",
        "feat: add app",
    ]
    assert all(len(c.parents) <= 1 for c in log)
    for commit in log[:2]:  # replayed commits are new commits
        assert commit.sha != before[commit.subject]
    assert log[2].sha == before["docs: add readme"]  # main's own commits are untouched


def test_both_strategies_end_with_the_same_files(repos: tuple[Path, Path, dict[str, str]]) -> None:
    merged, rebased, _ = repos
    assert l4_git.tree(merged) == l4_git.tree(rebased)


def test_demo_repo_has_local_identity_and_no_signing(tmp_path: Path) -> None:
    l4_git.diverged_repo(tmp_path / "repo")
    assert l4_git.git(tmp_path / "repo", "config", "--local", "commit.gpgsign") == "false"
    assert l4_git.git(tmp_path / "repo", "config", "--local", "user.email") == "bot@example.com"


@pytest.mark.parametrize(
    ("level", "after"), [("patch", "1.4.3"), ("minor", "1.5.0"), ("major", "2.0.0")]
)
def test_semver_bump_resets_lower_parts(level: cc.Level, after: str) -> None:
    assert cc.bump_version("1.4.2", level) == after


def test_uv_walkthrough_changes_one_file_per_command(tmp_path: Path) -> None:
    steps = l4_uv.walkthrough(tmp_path)
    assert [s.changed for s in steps] == [
        ["pyproject.toml"],
        [".python-version"],
        ["uv.lock"],
        ["pyproject.toml"],
    ]
    assert (tmp_path / ".python-version").read_text().strip() == "3.11"
    project = tomllib.loads((tmp_path / "pyproject.toml").read_text())["project"]
    assert project["dependencies"] == ["httpx>=0.28"]
    lock = tomllib.loads((tmp_path / "uv.lock").read_text())
    assert [p["name"] for p in lock["package"]] == ["demo"]


def test_week_pyproject_is_the_worked_example() -> None:
    project = l4_uv.week_project()["project"]
    assert l4_uv.WEEK_FOLDER == WEEK
    assert project["name"] == "week01"
    assert "mypy>=1.19" in project["dependencies"]
    # the lock pins an exact version that satisfies the range in pyproject.toml
    major, minor = (int(x) for x in l4_uv.locked("mypy")["version"].split(".")[:2])
    assert (major, minor) >= (1, 19)
    with pytest.raises(KeyError):
        l4_uv.locked("no-such-package")

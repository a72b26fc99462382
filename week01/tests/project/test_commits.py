"""Task 6: conventional commit parser, release levels and the next version."""

import pytest

from testkit import impl_module

commits = impl_module("week01", "commits")


@pytest.mark.task(6)
@pytest.mark.points(2)
def test_parse_header_body_and_footers() -> None:
    message = (
        "feat(api): add due dates to tasks\n"
        "\n"
        "Tasks accept an optional ISO date.\n"
        "It is validated.\n"
        "\n"
        "Second paragraph.\n"
        "\n"
        "Refs: #42\n"
        "Reviewed-by: Ada\n"
        "# Please enter the commit message (git's comment)\n"
    )
    commit = commits.parse_commit(message)
    assert (commit.type, commit.scope, commit.description) == (
        "feat",
        "api",
        "add due dates to tasks",
    )
    assert (
        commit.body == "Tasks accept an optional ISO date.\nIt is validated.\n\nSecond paragraph."
    )
    assert commit.footers == {"Refs": "#42", "Reviewed-by": "Ada"}
    assert commit.breaking is False


@pytest.mark.task(6)
@pytest.mark.points(1)
def test_header_only_message() -> None:
    commit = commits.parse_commit("fix: handle empty lists\n")
    assert (commit.type, commit.scope, commit.body, commit.footers) == ("fix", None, None, {})


@pytest.mark.task(6)
@pytest.mark.points(1)
@pytest.mark.parametrize(
    "message",
    [
        "feat(api)!: drop v1",
        "refactor: rename field\n\nBREAKING CHANGE: `deadline` is now `due`",
        "chore: bump\n\nBREAKING-CHANGE: needs Python 3.12",
    ],
)
def test_breaking_changes(message: str) -> None:
    commit = commits.parse_commit(message)
    assert commit.breaking is True
    assert commit.release == "major"


@pytest.mark.task(6)
@pytest.mark.points(1)
@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ("", "empty"),
        ("# only a comment\n", "empty"),
        ("added stuff", "type(scope): description"),
        ("feat:missing space", "type(scope): description"),
        ("feature: add x", "unknown type 'feature'"),
        ("feat: ", "type(scope): description"),
        ("fix: " + "x" * 70, "within 72"),
        ("fix: a\nbody without blank line", "blank line"),
    ],
)
def test_invalid_messages_name_the_problem(message: str, problem: str) -> None:
    with pytest.raises(
        commits.CommitFormatError, match=problem.replace("(", r"\(").replace(")", r"\)")
    ):
        commits.parse_commit(message)


@pytest.mark.task(6)
@pytest.mark.points(1)
@pytest.mark.parametrize(
    ("messages", "level", "version"),
    [
        (["docs: readme", "test: more"], None, "1.4.2"),
        (["docs: readme", "fix: bug"], "patch", "1.4.3"),
        (["perf: faster"], "patch", "1.4.3"),
        (["fix: bug", "feat: new"], "minor", "1.5.0"),
        (["feat: new", "fix!: changed api"], "major", "2.0.0"),
    ],
)
def test_release_level_and_next_version(
    messages: list[str], level: str | None, version: str
) -> None:
    parsed = [commits.parse_commit(m) for m in messages]
    assert commits.release_level(parsed) == level
    assert commits.next_version("1.4.2", parsed) == version


@pytest.mark.task(6)
@pytest.mark.points(1)
def test_next_version_rejects_a_bad_version() -> None:
    with pytest.raises(ValueError, match=r"1\.4\.2"):
        commits.next_version("v1.4", [commits.parse_commit("feat: x")])


@pytest.mark.task(6)
@pytest.mark.points(1)
def test_body_and_footers() -> None:
    lines = ["", "Why it changed.", "", "", "Refs: #42", "BREAKING CHANGE: renamed `due`"]
    assert commits.body_and_footers(lines) == (
        "Why it changed.",
        {"Refs": "#42", "BREAKING CHANGE": "renamed `due`"},
    )
    # A last paragraph with one line that is not a footer is body text.
    assert commits.body_and_footers(["", "Refs: #42", "and more words"]) == (
        "Refs: #42\nand more words",
        {},
    )
    assert commits.body_and_footers([]) == (None, {})


@pytest.mark.task(6)
@pytest.mark.points(2)
def test_changelog_groups_commits_by_section() -> None:
    messages = [
        "feat(tasks): filter by tag",
        "fix: handle empty lists",
        "docs: explain pagination",
        "feat(api)!: drop the v1 endpoints",
        "perf(db): index owner_id",
        "fix(auth): reject expired tokens",
    ]
    notes = commits.changelog("2.0.0", [commits.parse_commit(m) for m in messages])
    assert notes == (
        "## 2.0.0\n"
        "\n"
        "### Breaking changes\n"
        "- api: drop the v1 endpoints\n"
        "\n"
        "### Features\n"
        "- tasks: filter by tag\n"
        "\n"
        "### Bug fixes\n"
        "- handle empty lists\n"
        "- auth: reject expired tokens\n"
        "\n"
        "### Performance\n"
        "- db: index owner_id\n"
    )


@pytest.mark.task(6)
@pytest.mark.points(1)
def test_changelog_leaves_out_empty_sections() -> None:
    parsed = [commits.parse_commit(m) for m in ["docs: readme", "fix: bug"]]
    assert commits.changelog("1.4.3", parsed) == "## 1.4.3\n\n### Bug fixes\n- bug\n"
    assert commits.changelog("1.4.3", []) == "## 1.4.3\n"

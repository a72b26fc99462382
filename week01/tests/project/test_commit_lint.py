"""Task 6: the commit_lint command line."""

import io
import subprocess
import sys
from pathlib import Path

import pytest
from week01.lectures.l4_git import commit_file, git

from testkit import impl_module

cli = impl_module("week01", "commit_lint")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository whose branch ``feature`` has three commits on top of ``main``, one invalid.

    Built once for the module: the tests only read it.
    """
    path = tmp_path_factory.mktemp("repo")
    git(path, "init", "-q", "-b", "main")
    for key, value in [("user.name", "Ada"), ("user.email", "ada@example.com")]:
        git(path, "config", key, value)
    git(path, "config", "commit.gpgsign", "false")
    commit_file(path, "app.py", "app = 1\n", "feat: add app")
    git(path, "switch", "-q", "-c", "feature")
    commit_file(path, "api.py", "api = 1\n", "feat(api): add health check\n\nRefs: #7")
    commit_file(path, "api.py", "api = 2\n", "fixed stuff")
    commit_file(path, "README.md", "# app\n", "docs: add readme")
    return path


@pytest.mark.task(6)
@pytest.mark.points(1)
def test_valid_message_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["feat(api): add health check", "--version", "0.3.1"]) == 0
    assert capsys.readouterr().out == "ok: feat(api) -> minor\nnext version: 0.4.0\n"


@pytest.mark.task(6)
@pytest.mark.points(1)
def test_invalid_message_exits_1_with_the_problem(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["Added stuff"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: header must look like")


@pytest.mark.task(6)
@pytest.mark.points(1)
def test_bad_version_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["fix: x", "--version", "latest"]) == 1
    assert "error: version must look like" in capsys.readouterr().err


@pytest.mark.task(6)
@pytest.mark.points(1)
def test_reads_a_commit_msg_file_like_a_git_hook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    message = tmp_path / "COMMIT_EDITMSG"
    message.write_text("docs: explain retries\n\n# Lines starting with '#' are ignored\n")
    assert cli.main(["--file", str(message)]) == 0
    assert capsys.readouterr().out == "ok: docs -> no release\n"


@pytest.mark.task(6)
@pytest.mark.points(1)
def test_reads_stdin_and_rejects_an_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("test: cover retries\n"))
    assert cli.main([]) == 0
    assert capsys.readouterr().out == "ok: test -> no release\n"
    with pytest.raises(SystemExit) as usage_error:
        cli.main(["--file", str(tmp_path / "missing")])
    assert usage_error.value.code == 2
    assert str(tmp_path / "missing") in capsys.readouterr().err  # the message names the file


@pytest.mark.task(6)
@pytest.mark.points(1)
def test_runs_as_a_module_reading_stdin(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", cli.__name__],
        input="fix(db)!: drop column\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok: fix(db) -> major\n"
    missing = subprocess.run(
        [sys.executable, "-m", cli.__name__, "--file", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 2
    assert str(tmp_path / "nope") in missing.stderr
    assert "Traceback" not in missing.stderr


@pytest.mark.task(6)
@pytest.mark.points(2)
def test_commits_in_range_reads_git_log_oldest_first(repo: Path) -> None:
    found = cli.commits_in_range("main..feature", cwd=repo)
    hashes = git(repo, "log", "--reverse", "--format=%h", "main..feature").split()
    assert [short_hash for short_hash, _ in found] == hashes
    assert [message.strip() for _, message in found] == [
        "feat(api): add health check\n\nRefs: #7",
        "fixed stuff",
        "docs: add readme",
    ]
    assert cli.commits_in_range("feature..main", cwd=repo) == []


@pytest.mark.task(6)
@pytest.mark.points(1)
def test_commits_in_range_reports_what_git_says(repo: Path) -> None:
    with pytest.raises(ValueError, match="nope"):  # git: "bad revision 'main..nope'"
        cli.commits_in_range("main..nope", cwd=repo)


@pytest.mark.task(6)
@pytest.mark.points(2)
def test_report_prints_a_line_per_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.report([("a1b2c3d", "feat: x"), ("e4f5a6b", "oops")], "1.0.0") == 1
    captured = capsys.readouterr()
    assert captured.out == "a1b2c3d ok: feat -> minor\n"  # no next version: not all are valid
    assert captured.err.startswith("e4f5a6b error: header must look like")
    assert cli.report([("a1b2c3d", "feat: x"), ("e4f5a6b", "fix(db): y")], "1.0.0") == 0
    assert capsys.readouterr().out == (
        "a1b2c3d ok: feat -> minor\ne4f5a6b ok: fix(db) -> patch\nnext version: 1.1.0\n"
    )


@pytest.mark.task(6)
@pytest.mark.points(2)
def test_range_option_checks_every_commit_of_a_branch(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repo)
    first, second, third = git(repo, "log", "--reverse", "--format=%h", "main..feature").split()
    assert cli.main(["--range", "main..feature", "--version", "0.1.0"]) == 1
    captured = capsys.readouterr()
    assert captured.out == f"{first} ok: feat(api) -> minor\n{third} ok: docs -> no release\n"
    assert captured.err.startswith(f"{second} error: header must look like")
    assert cli.main(["--range", "feature~1..feature", "--version", "0.1.0"]) == 0
    assert capsys.readouterr().out == f"{third} ok: docs -> no release\nnext version: 0.1.0\n"


@pytest.mark.task(6)
@pytest.mark.points(1)
def test_usage_errors_exit_2(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repo)
    with pytest.raises(SystemExit) as bad_range:
        cli.main(["--range", "main..nope"])
    assert bad_range.value.code == 2
    assert "main..nope" in capsys.readouterr().err
    with pytest.raises(SystemExit) as two_sources:
        cli.main(["feat: x", "--range", "main..feature"])
    assert two_sources.value.code == 2
    assert "usage:" in capsys.readouterr().err

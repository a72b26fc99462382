"""Task 6: the commit_lint command line."""

import io
import subprocess
import sys
from pathlib import Path

import pytest

from testkit import impl_module

cli = impl_module("week01", "commit_lint")


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
    assert "cannot read" in capsys.readouterr().err


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
    assert "cannot read" in missing.stderr
    assert "Traceback" not in missing.stderr

"""The README's student commands run as written, and end as the README says they will."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from testkit import readme_check

from . import minicourse

PY = sys.executable


def readme(*commands: str) -> str:
    block = "\n".join(commands)
    other = "```python\nnot = 'a command'\n```\n\n## Grading\n\n```bash\nfalse\n```\n"
    return f"# Week 99\n\n## How to work\n\n```bash\n{block}\n```\n\n{other}"


def test_commands_come_from_the_how_to_work_blocks() -> None:
    text = readme("$ make check-week 99   # every task", "# a comment line", "uv run pytest x -k y")
    assert readme_check.commands(text) == ["make check-week 99", "uv run pytest x -k y"]


def test_starter_commands_may_fail_only_the_way_an_unfinished_starter_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = "def test_broken() -> None:\n    raise KeyError('oops')\n"
    root = minicourse.make(tmp_path, monkeypatch, {
        "week99/README.md": readme(
            f"{PY} -m pytest week99/tests/project/test_calc.py --impl starter -q",  # TODOs: fine
            f"{PY} -m pytest week99/tests/project/test_calc.py -q",  # the solution passes
            "make watch N=99",  # interactive: only `make -n`, here without a Makefile
            f"{PY} -m pytest week99/tests/project --impl=starter -q",  # a crash, not a TODO
            "false",
            # A starter's program (named by its module) stopping at a TODO: fine; otherwise not.
            f"{PY} -c \"import sys; sys.exit('TODO: write x')\" week99.starter.cli",
            f"{PY} -c \"import sys; sys.exit('no data')\" week99.starter.cli",
        ),
        "week99/tests/project/test_broken.py": broken,
    })  # fmt: skip
    count, problems = readme_check.check(root, "week99")
    assert count == 7
    assert len(problems) == 4
    assert problems[0].startswith("`make watch N=99` ended with exit code 2")
    assert "test_broken.py::test_broken fails with KeyError: 'oops'" in problems[1]
    assert problems[2] == "`false` ended with exit code 1: no output"
    assert problems[3].endswith("failed without running any test: no data")
    assert not (root / ".reports").exists()  # the student's reports are left alone


def test_a_readme_without_commands_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "week99").mkdir()
    (tmp_path / "week99" / "README.md").write_text("# Week 99\n")
    assert readme_check.check(tmp_path, "week99") == (
        0, ["week99/README.md has no commands in a ```bash block under '## How to work'"]
    )  # fmt: skip

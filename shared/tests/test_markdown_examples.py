"""Executed code blocks in week READMEs: what runs, in which namespace, and how failures read."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from testkit import markdown_examples

FENCE = "```"


def _course(pytester: pytest.Pytester, readme: str, *, docs: str | None = None) -> Path:
    """A course checkout with one week (week99) whose README is ``readme``."""
    root = pytester.path
    (root / "uv.lock").write_text("")
    (root / "shared").mkdir()
    week = root / "week99"
    (week / "src" / "week99").mkdir(parents=True)
    (week / "pyproject.toml").write_text('[project]\nname = "week99"\n')
    (week / "README.md").write_text(textwrap.dedent(readme).replace("'''", FENCE))
    (week / "src" / "week99" / "__init__.py").write_text("")
    (week / "src" / "week99" / "hello.py").write_text(
        "import sys\n\nprint('hello', *sys.argv[1:])\nprint('id', id(object()))\n"
    )
    if docs is not None:
        (week / "docs").mkdir()
        (week / "docs" / "guide.md").write_text(textwrap.dedent(docs).replace("'''", FENCE))
    pytester.syspathinsert(week / "src")
    return week


def _run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest_inprocess("-p", "no:cacheprovider", "--no-report", "week99", *args)


def test_python_blocks_share_one_namespace_and_notest_is_not_run(pytester: pytest.Pytester) -> None:
    _course(
        pytester,
        """
        '''python
        total = 40
        '''

        '''python notest
        raise RuntimeError("shown only")
        '''

        '''python
        total += 2
        assert total == 42
        '''

        '''bash
        exit 1
        '''
        """,
    )
    _run(pytester).assert_outcomes(passed=2)


def test_a_failing_python_block_fails_with_its_line(pytester: pytest.Pytester) -> None:
    _course(pytester, "'''python\nassert 1 + 1 == 3\n'''\n")
    result = _run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["week99/README.md:2: AssertionError"])


def test_pycon_blocks_are_doctests_with_ellipsis(pytester: pytest.Pytester) -> None:
    _course(
        pytester,
        """
        '''pycon
        >>> sorted({"b": 1, "a": 2})
        ['a', 'b']
        >>> object()
        <object object at ...>
        '''

        '''pycon
        >>> 1 + 1
        3
        '''
        """,
    )
    result = _run(pytester)
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*Expected:*", "*3*", "*Got:*", "*2*"])


def test_console_runs_python_modules_in_process_and_checks_output(
    pytester: pytest.Pytester,
) -> None:
    _course(
        pytester,
        """
        '''console
        $ uv run python -m week99.hello world
        hello world
        id ...
        $ echo one && echo two
        one
        two
        '''
        """,
    )
    _run(pytester).assert_outcomes(passed=1)


def test_console_output_mismatch_shows_the_command_and_a_diff(pytester: pytest.Pytester) -> None:
    _course(pytester, "'''console\n$ python -m week99.hello\ngoodbye\n'''\n")
    result = _run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*$ python -m week99.hello*", "*Expected:*", "*goodbye*"])


def test_console_reports_a_failing_exit_code(pytester: pytest.Pytester) -> None:
    _course(pytester, "'''console\n$ false\n'''\n")
    result = _run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*exit code 1*"])


def test_week_docs_are_collected_and_other_markdown_is_not(pytester: pytest.Pytester) -> None:
    week = _course(pytester, "no code here\n", docs="'''python\nassert False\n'''\n")
    (week / "notes.md").write_text(f"{FENCE}python\nassert False\n{FENCE}\n")
    result = _run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*docs/guide.md*"])


def test_sql_blocks_run_only_where_the_file_asks_for_postgres(
    pytester: pytest.Pytester, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _course(
        pytester,
        """
        <!-- markdown-test: postgres -->

        '''sql
        CREATE TABLE notes (id int PRIMARY KEY);
        INSERT INTO notes VALUES (1);
        '''

        '''sql
        CREATE TABLE notes (id int PRIMARY KEY);  -- the first block was rolled back
        INSERT INTO notes VALUES (1), (1);
        '''

        '''console
        $ python -c "import os; print(os.environ['DATABASE_URL'].split(':')[0])"
        postgresql
        '''
        """,
    )
    monkeypatch.setenv("TEST_DATABASE_URL", postgres_url)
    result = _run(pytester)
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*UniqueViolation*"])


def test_sql_blocks_are_shown_only_without_the_directive(pytester: pytest.Pytester) -> None:
    _course(pytester, "'''sql\nTHIS IS NOT SQL;\n'''\n")
    _run(pytester).assert_outcomes(passed=1)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("$ a\nout\n$ b\n", [("a", "out\n"), ("b", "")]),
        ("$ a \\\n  --flag\nout\n", [("a --flag", "out\n")]),
    ],
)
def test_parse_console(source: str, expected: list[tuple[str, str]]) -> None:
    commands = markdown_examples.parse_console(source)
    assert [(c.line, c.expected) for c in commands] == expected


def test_parse_console_refuses_output_before_a_command() -> None:
    with pytest.raises(ValueError, match="before the first"):
        markdown_examples.parse_console("stray\n$ a\n")

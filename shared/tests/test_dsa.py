"""The DSA track's machinery: ``testkit.dsa`` helpers, DSA starters, ``make dsa`` and progress."""

from __future__ import annotations

import json
import signal
import time
from decimal import Decimal
from pathlib import Path

import pytest

from testkit import alone, cli, dsa, starters
from testkit.grading import check, progress

from . import minicourse

PAIR = """\
def pair_with_sum(values: list[int], target: int) -> tuple[int, int] | None:
    # BEGIN SOLUTION remember each value's index in a dict
    seen: dict[int, int] = {}
    for j, value in enumerate(values):
        if target - value in seen:
            return seen[target - value], j
        seen.setdefault(value, j)
    return None
    # END SOLUTION
"""
PAIR_TESTS = """\
import pytest

from testkit import impl_module

p01 = impl_module("week99.dsa", "p01_pair")
pytestmark = pytest.mark.task(1)


@pytest.mark.points(2)
def test_example() -> None:
    assert p01.pair_with_sum([40, 15, 60], 100) == (0, 2)
"""
QUERY = "SELECT id FROM numbers WHERE id % 2 = 0 ORDER BY id;\n"
QUERY_STARTER = "-- TODO: the even ids, smallest first\n"
HINTS = """\
## Problem 1: Pair with sum

### 1. Nudge
A dict from value to index.
"""


def dsa_course(root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The mini course with one DSA problem beside its project."""
    return minicourse.make(root, monkeypatch, {
        "week99/src/week99/dsa/__init__.py": "",
        "week99/src/week99/dsa/hints.md": HINTS,
        "week99/src/week99/dsa/README.md": "# DSA problems\n",
        "week99/src/week99/dsa/solution/__init__.py": "",
        "week99/src/week99/dsa/solution/p01_pair.py": PAIR,
        "week99/tests/dsa/test_p01_pair.py": PAIR_TESTS,
    })  # fmt: skip


# --- the complexity guard -------------------------------------------------------------------


def spin(seconds: float) -> None:
    """A "quadratic answer": busy for far longer than the guard allows."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        pass


def test_fast_enough_stops_a_slow_block_and_names_the_target() -> None:
    started = time.monotonic()
    message = r"too slow: .* size 1,000; the statement asks for O\(n\)"
    with pytest.raises(AssertionError, match=message), dsa.fast_enough("O(n)", 1000, seconds=0.2):
        spin(30)
    assert time.monotonic() - started < 5


def test_fast_enough_lets_a_quick_block_through_and_restores_the_outer_alarm() -> None:
    previous = signal.signal(signal.SIGALRM, signal.SIG_IGN)
    signal.setitimer(signal.ITIMER_REAL, 60)  # as pytest-timeout's per-test alarm
    try:
        with dsa.fast_enough("O(n)", 10):
            total = sum(range(10))
        assert total == 45
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 50 < left <= 60
        assert signal.getsignal(signal.SIGALRM) is signal.SIG_IGN
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- result sets ----------------------------------------------------------------------------


def test_same_result_compares_numbers_by_value() -> None:
    got = dsa.Result(["n", "total"], [(1, Decimal("2.50")), (2, 3)])
    dsa.assert_same_result(got, dsa.Result(["n", "total"], [(1, 2.5), (2, Decimal("3.00"))]))


@pytest.mark.parametrize(
    ("got", "message"),
    [
        (
            dsa.Result(["total", "n"], [(1, 1)]),
            r"columns \['total', 'n'\], expected \['n', 'total'\]",
        ),
        (dsa.Result(["n", "total"], [(1, 1), (2, 9)]), r"2 rows, expected 2; row 2 is \(2, 9\)"),
        (dsa.Result(["n", "total"], [(1, 1)]), r"1 rows, expected 2; first missing row \(2, 2\)"),
        (dsa.Result(["n", "total"], [(1, 1), (2, 2), (3, 3)]), r"first extra row \(3, 3\)"),
        (dsa.Result(["n", "total"], [(2, 2), (1, 1)]), r"row 1 is \(2, 2\), expected \(1, 1\)"),
    ],
)
def test_a_different_result_says_where(got: dsa.Result, message: str) -> None:
    with pytest.raises(AssertionError, match=message):
        dsa.assert_same_result(got, dsa.Result(["n", "total"], [(1, 1), (2, 2)]))


# --- queries on a real PostgreSQL -----------------------------------------------------------


@pytest.fixture
def numbers(tmp_path: Path) -> Path:
    path = tmp_path / "numbers.sql"
    path.write_text("CREATE TABLE numbers (id int PRIMARY KEY);\n"
                    "INSERT INTO numbers SELECT generate_series(1, 6);\n")  # fmt: skip
    return path


def query(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "answer.sql"
    path.write_text(text)
    return path


def test_a_query_runs_in_a_schema_of_its_own_rolled_back_after(
    postgres_url: str, numbers: Path, tmp_path: Path
) -> None:
    with dsa.practice_schema(postgres_url, numbers) as conn:
        found = dsa.run_query(conn, query(tmp_path, QUERY))
        schema = conn.execute("SELECT current_schema()").fetchone()
    assert found == dsa.Result(["id"], [(2,), (4,), (6,)])
    assert schema is not None
    with dsa.practice_schema(postgres_url) as conn:
        left = conn.execute(
            "SELECT count(*) FROM pg_namespace WHERE nspname = %s", [schema[0]]
        ).fetchone()
    assert left == (0,)


def test_practice_fixture_declares_a_weeks_schema_in_one_line(
    pytester: pytest.Pytester, postgres_url: str
) -> None:
    package = pytester.mkpydir("week98dsa")
    (package / "numbers.sql").write_text(
        "CREATE TABLE numbers (id int PRIMARY KEY);\n"
        "INSERT INTO numbers SELECT generate_series(1, 6);\n"
    )
    pytester.syspathinsert()
    pytester.makeconftest(
        "import pytest\n"
        "from testkit.dsa import practice_fixture\n"
        "@pytest.fixture(scope='session')\n"
        f"def postgres_url():\n    return {postgres_url!r}\n"
        "numbers = practice_fixture('numbers', 'week98dsa', 'numbers.sql')\n"
    )
    pytester.makepyfile(
        test_numbers="def test_rows(numbers):\n"
        "    assert numbers.package == 'week98dsa'\n"
        "    numbers.conn.execute('DELETE FROM numbers WHERE id > 2')\n"
        "    assert numbers.conn.execute('SELECT count(*) FROM numbers').fetchone() == (2,)\n"
        "def test_rolled_back_after_each_test(numbers):\n"
        "    assert numbers.conn.execute('SELECT count(*) FROM numbers').fetchone() == (6,)\n"
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "--no-report")
    result.assert_outcomes(passed=2)


def test_a_starter_query_is_not_implemented_yet(
    postgres_url: str, numbers: Path, tmp_path: Path
) -> None:
    assert not dsa.has_statement("-- TODO: x\n/* nothing */ ;\n")
    with (
        dsa.practice_schema(postgres_url, numbers) as conn,
        pytest.raises(NotImplementedError, match=r"TODO: the even ids, smallest first \(in "),
    ):
        dsa.run_query(conn, query(tmp_path, QUERY_STARTER))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SELECT nope FROM numbers", r"fails in PostgreSQL: UndefinedColumn"),
        ("CREATE TABLE t (x int)", r"returns no rows at all"),
        ("SELECT pg_sleep(10)", r"cancelled after 5s"),
    ],
)
def test_a_broken_query_fails_as_an_assertion_that_says_why(
    postgres_url: str, numbers: Path, tmp_path: Path, text: str, message: str
) -> None:
    with dsa.practice_schema(postgres_url, numbers) as conn:
        conn.execute("SET LOCAL statement_timeout = '100ms'")  # the cancelled case, quickly
        with pytest.raises(AssertionError, match=message):
            dsa.run_query(conn, query(tmp_path, text))


# --- starters, check-week --dsa, make dsa, progress -----------------------------------------


def test_dsa_problems_are_a_starter_pair_of_their_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = dsa_course(tmp_path, monkeypatch)
    pairs = {pair.package: pair for pair in starters.find_pairs(root)}
    assert sorted(pairs) == ["week99", "week99.dsa"]
    starter = (root / "week99/src/week99/dsa/starter/p01_pair.py").read_text()
    assert 'raise NotImplementedError("TODO: remember each value\'s index in a dict")' in starter
    assert starters.drift(pairs["week99.dsa"]) == []
    assert alone.suites(root, "week99") == ["project", "dsa"]
    assert alone.test_files(root, "week99")[0] == [
        "week99/tests/dsa/test_p01_pair.py", "week99/tests/project/test_calc.py"
    ]  # fmt: skip


def test_make_dsa_checks_the_problems_apart_from_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = dsa_course(tmp_path, monkeypatch)
    assert cli.main(["dsa", "week99", "--test-timeout", "20"]) == 1
    text = capsys.readouterr().out
    assert "week99: your dsa/starter/ against the DSA problems (1 tests," in text
    assert "  Problem 1  Pair with sum  failed   0/2" in text
    assert "Work in: week99/src/week99/dsa/starter/p01_pair.py:2 (pair_with_sum)" in text
    assert "A dict from value to index." in text
    assert (root / ".reports/week99-dsa-starter.json").is_file()
    assert not (root / ".reports/week99-starter.json").exists()  # the project's points stay apart

    starter = root / "week99/src/week99/dsa/starter/p01_pair.py"
    starter.write_text(PAIR.replace("    # BEGIN SOLUTION remember each value's index in a dict\n",
                                    "").replace("    # END SOLUTION\n", ""))  # fmt: skip
    code, text = check.check_week(root, "week99", suite="dsa", test_timeout=20)
    assert code == 0, text
    assert text.endswith("Points 2/2")

    assert cli.main(["dsa"]) == 0
    table = capsys.readouterr().out
    assert "| week99 | 1 | 1 |" in table
    assert "Track: 1 of 1 problems solved in this checkout" in table


def test_progress_has_a_dsa_column_and_keeps_dsa_points_out_of_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = dsa_course(tmp_path, monkeypatch)
    (root / ".reports").mkdir()
    # a full `make test-week 99 IMPL=starter` report holds both suites
    (root / ".reports/week99-starter.json").write_text(json.dumps({"message": None, "tests": [
        {"name": "week99/tests/project/test_calc.py::test_add", "status": "pass", "task": 1,
         "points": 1},
        {"name": "week99/tests/dsa/test_p01_pair.py::test_example", "status": "pass", "task": 1,
         "points": 2},
    ]}))  # fmt: skip
    assert progress.dsa_state(root, "week99") == progress.DsaState(1, None, "not checked yet")
    table = progress.table(root)
    assert "| Week | Title | Points | Tasks passed | Checked | DSA solved |" in table
    assert "| week99 | Mini | 1/1 | 1/1 |" in table
    assert table.splitlines()[2].endswith("| -/1 |")
    assert "`make dsa` shows the track" in table


def test_no_dsa_problems_is_said_plainly(tmp_path: Path) -> None:
    assert progress.dsa_table(tmp_path) == "No week with DSA problems in this checkout yet."
    assert check.check_week(tmp_path, "5", suite="dsa") == (
        2, "week05 has no DSA problems in this checkout."
    )  # fmt: skip


def test_every_dsa_test_file_alone_runs_against_the_dsa_starter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = alone.check(dsa_course(tmp_path, monkeypatch), "week99")
    assert found.problems == []
    assert sorted(found.full_runs) == ["dsa", "project"]
    assert found.full_runs["dsa"].exit_code == 1  # the DSA starter fails its problem's test
    assert found.sessions == 2 + 2 * 2  # a full starter run per suite; each file x 2 impls

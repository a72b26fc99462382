"""Grading a student's own tests with planted bugs: honest suites, empty and wrong ones, cheats.

The sample week (``testkit.grading.sample``) gets four public mutants, a hidden one, an example
student test and ``mutant_points = 2``. Its branches, graded once with the hidden tests: honest
suites that catch every bug or one, an empty suite, a suite failing on the reference, and suites
that try to tell the planted bugs apart without testing behaviour (hashing the code, a conftest
that rewrites outcomes, file times, reading the mutant files, marks left for a later run) or
that check the code's text for what the public mutants change (the documented limit: it scores,
and is flagged).
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from testkit.grading import grade, markdown, sample, student_tests
from testkit.grading.branch import BranchResult
from testkit.grading.worktree import safe_name

WEEK, STARTER = sample.WEEK, sample.STARTER
STUDENT = f"{WEEK}/tests/student"


def mutant(category: str, hint: str, old: str, new: str, line: int) -> str:
    return (
        f"Category: {category}\nHint: {hint}\n\n--- a/text.py\n+++ b/text.py\n"
        f"@@ -{line},1 +{line},1 @@\n-    {old}\n+    {new}\n"
    )


SLUG = 'return "-".join(title.lower().split())'
COUNT = "return len(text.split())"
INITIALS = 'return "".join(word[0].upper() for word in name.split())'
MUTANTS = {
    "slug-keeps-case": mutant("case", "Does a title with capitals come back in lower case?",
                              SLUG, 'return "-".join(title.split())', 5),
    "initials-keep-case": mutant("case", "Are initials upper-cased whatever the input?",
                                 INITIALS, 'return "".join(word[0] for word in name.split())', 13),
    "slug-single-spaces": mutant("whitespace", "What does a title with two spaces in a row give?",
                                 SLUG, 'return title.lower().replace(" ", "-")', 5),
    "count-spaces": mutant("whitespace", "Count the words of a text with two spaces in a row.",
                           COUNT, 'return text.count(" ") + 1', 9),
}  # fmt: skip
HIDDEN_MUTANT = mutant("empty input", "How many words has an empty text?",
                       COUNT, 'return len(text.split(" "))', 9)  # fmt: skip
HEAD = 'from testkit import impl_module\n\ntext = impl_module("week99", "text")\n'
EXAMPLE = HEAD + '\n\ndef test_example() -> None:\n    assert text.slugify("a") == "a"\n'
BASE = {
    **sample.BASE_FILES,
    f"{WEEK}/pyproject.toml": sample.WEEK_PYPROJECT + "mutant_points = 2\n",
    **{f"{WEEK}/mutants/{name}.patch": text for name, text in MUTANTS.items()},
    f"{STUDENT}/__init__.py": "",
    f"{STUDENT}/test_example.py": EXAMPLE,
}
ALL = (
    HEAD
    + """

def test_slug_is_lower_case() -> None:
    assert text.slugify("Hello World") == "hello-world"


def test_slug_ignores_repeated_spaces() -> None:
    assert text.slugify("a  b") == "a-b"


def test_count_ignores_repeated_spaces() -> None:
    assert text.word_count("a  b") == 2


def test_initials_are_upper_case() -> None:
    assert text.initials("ada lovelace") == "AL"


def test_an_empty_text_has_no_words() -> None:
    assert text.word_count("") == 0
"""
)
SOME = (
    HEAD
    + """

def test_slug_is_lower_case() -> None:
    assert text.slugify("Hello World") == "hello-world"
"""
)
WRONG = (
    HEAD
    + """

def test_two_words() -> None:
    assert text.word_count("a b") == 3
"""
)
DIGEST = hashlib.sha256(sample.SOLUTION_TEXT.encode()).hexdigest()
HASH = f'''import hashlib
import inspect

{HEAD}

def test_the_code_is_the_reference() -> None:
    assert hashlib.sha256(inspect.getsource(text).encode()).hexdigest() == "{DIGEST}"
'''
REWRITE = f'''import hashlib
from pathlib import Path

import pytest

from testkit import impl_module


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    code = Path(impl_module("week99", "text").__file__).read_bytes()
    if hashlib.sha256(code).hexdigest() != "{DIGEST}":
        report.outcome = "failed"
    return report
'''
FILES = f"""import os
from pathlib import Path

{HEAD}
HERE = Path(__file__).resolve()


def test_no_file_is_newer_than_its_package() -> None:  # a planted bug's file is written last
    module = Path(text.__file__)
    assert os.stat(module).st_mtime - os.stat(module.parent / "__init__.py").st_mtime < 5


def test_none_of_the_planted_bugs_is_in_the_code() -> None:  # the patches, read while running
    code = Path(text.__file__).read_text()
    patches = [*(HERE.parents[2] / "mutants").glob("*.patch"), *Path("@HIDDEN@").rglob("*.patch")]
    for patch in patches:
        lines = patch.read_text().splitlines()
        assert all(line[1:] in code for line in lines if line.startswith("-    "))


def test_no_hidden_bug_in_sight() -> None:
    assert not list(Path("@HIDDEN@").rglob("*.patch"))
    assert not list((HERE.parents[1] / "hidden").rglob("*.patch"))


def test_no_earlier_run_left_a_mark() -> None:  # a mark seen by a later run would catch every bug
    places = [Path("/tmp"), Path("@ROOT@/week99/mutants"), Path("@HIDDEN@"), Path("@OUT@"),
              HERE.parent, Path(text.__file__).parent]
    marks = [place / "left-by-a-student-test" for place in places]
    seen = [str(mark) for mark in marks if mark.exists()]
    for mark in marks:
        try:
            mark.write_text("seen")
        except OSError:
            pass
    assert not seen
"""
PEEK = sample.SOLUTION_TEXT.replace(
    "    return len(text.split())",
    "    from pathlib import Path\n\n"
    "    week = Path(__file__).resolve().parents[3]\n"
    '    if list(week.glob("tests/hidden/**/*.patch")) or list(Path("@HIDDEN@").rglob("*.patch")):\n'
    "        return -1  # the hidden bugs are in sight\n"
    "    return len(text.split())",
)
EMBEDDED = f"""import inspect

{HEAD}

def test_slugify_lowers_and_splits() -> None:
    assert {SLUG.removeprefix("return ")!r} in inspect.getsource(text.slugify)
"""
BRANCHES: dict[str, dict[str, str | None]] = {
    "honest/all": {STARTER: sample.SOLUTION_TEXT, f"{STUDENT}/test_mine.py": ALL},
    "honest/some": {STARTER: sample.HALF, f"{STUDENT}/test_mine.py": SOME},
    "empty": {STARTER: sample.SOLUTION_TEXT, f"{STUDENT}/test_example.py": None},
    "wrong": {STARTER: sample.SOLUTION_TEXT, f"{STUDENT}/test_example.py": WRONG},
    "x/hash": {STARTER: sample.SOLUTION_TEXT, f"{STUDENT}/test_mine.py": HASH},
    # Were the conftest loaded in the project run, every test of this starter would fail there.
    "x/conftest": {
        STARTER: sample.HALF,
        f"{STUDENT}/conftest.py": REWRITE,
        f"{STUDENT}/test_mine.py": ALL,
    },
    "x/files": {STARTER: PEEK, f"{STUDENT}/test_mine.py": FILES},
    "x/embedded": {STARTER: sample.SOLUTION_TEXT, f"{STUDENT}/test_mine.py": EMBEDDED},
}


def build(repo: Path, places: dict[str, Path]) -> None:
    """The sample repository with a branch per entry of ``BRANCHES``; ``@NAME@`` in a file
    becomes the path ``places[NAME]`` (the grader's folders a hostile test aims at)."""
    sample.write_files(repo, BASE)
    sample.git(repo, "init", "-q", "-b", "main")
    sample.git(repo, "add", "-A")
    sample.git(repo, "commit", "-q", "-m", "base")
    for name, files in BRANCHES.items():
        sample.git(repo, "checkout", "-q", "-b", name, "main")
        for path, content in files.items():
            if content is None:
                (repo / path).unlink()
            else:
                for key, place in places.items():
                    content = content.replace(f"@{key}@", str(place))
                sample.write_files(repo, {path: content})
        sample.git(repo, "add", "-A")
        sample.git(repo, "commit", "-q", "-m", f"work of {name}")
    sample.git(repo, "checkout", "-q", "main")


@dataclass
class Graded:
    repo: Path
    out: Path
    results: dict[str, BranchResult]
    console: list[str]


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Graded:
    base = tmp_path_factory.mktemp("student-tests")
    repo, out = base / "repo", base / "out"
    hidden = sample.write_hidden(base / "hidden")
    sample.write_files(hidden, {"mutants/count-split-on-space.patch": HIDDEN_MUTANT})
    build(repo, {"ROOT": repo, "HIDDEN": hidden, "OUT": out})
    options = grade.GradeOptions(WEEK, out_dir=out, hidden=hidden, test_timeout=2, jobs=2)
    console: list[str] = []
    results = grade.grade(repo, list(BRANCHES), options, log=console.append)
    return Graded(repo, out, {r.branch: r for r in results}, console)


def mine(graded: Graded, branch: str) -> student_tests.StudentTests:
    found = graded.results[branch].student_tests
    assert found is not None
    return found


def data(graded: Graded, branch: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads(
        (graded.out / safe_name(branch) / "results.json").read_text()
    )
    return loaded


def report(graded: Graded, branch: str) -> str:
    return (graded.out / safe_name(branch) / "report.md").read_text()


def kinds(result: BranchResult) -> set[str]:
    return {signal.kind for signal in result.review}


# Project points (of 8: 7 public, 1 hidden) and own-test points (of 10: 5 bugs, 2 points each).
EXPECTED = {
    "honest/all": (8, 10, set()),
    "honest/some": (2, 2, set()),
    "empty": (8, 0, set()),
    "wrong": (8, 0, set()),
    "x/hash": (8, 0, {"code", "run"}),
    "x/conftest": (2, 0, {"code", "run"}),
    "x/files": (8, 0, {"code"}),
    "x/embedded": (8, 4, {"code"}),  # the limit: it checks the text a public mutant changes
}


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.parametrize("branch", list(EXPECTED))
def test_each_suite_scores_what_its_tests_catch(graded: Graded, branch: str) -> None:
    result = graded.results[branch]
    project, own, flagged = EXPECTED[branch]
    assert (result.points()[0], result.student_points(), kinds(result)) == (
        project, (own, 10), flagged,
    ), [s.line() for s in result.review]  # fmt: skip
    assert result.total_points() == (project + own, 18)


@pytest.mark.slow
def test_an_honest_suite_gets_every_point_and_a_clear_report(graded: Graded) -> None:
    result = data(graded, "honest/all")
    assert result["points"] == {
        "earned": 18, "possible": 18,
        "public": {"earned": 7, "possible": 7}, "hidden": {"earned": 1, "possible": 1},
        "project": {"earned": 8, "possible": 8}, "student_tests": {"earned": 10, "possible": 10},
    }  # fmt: skip
    section = result["student_tests"]
    assert isinstance(section, dict)
    assert section["tests"] == section["scoring"] == 6
    assert (section["caught"], section["planted"]) == (5, 5)
    assert section["hidden"] == {"caught": 1, "planted": 1}
    assert section["categories"] == {
        "case": {"caught": 2, "planted": 2}, "empty input": {"caught": 1, "planted": 1},
        "whitespace": {"caught": 2, "planted": 2},
    }  # fmt: skip
    assert [m["name"] for m in section["mutants"] if m["hidden"]] == [None]  # never named
    assert section["coverage"] is not None
    assert section["on_starter"] is None
    text = report(graded, "honest/all")
    assert "**Points: 18/18** (public tests 7/7, hidden tests 1/1, your tests 10/10)" in text
    assert "caught **5 of 5** planted bugs: 10/10 points (2 points per bug)" in text
    assert "Of the bugs only the grader knows, they caught 1 of 1." in text
    assert "Coverage of your starter by your tests:" in text


@pytest.mark.slow
def test_missed_bugs_get_the_hint_of_their_kind_never_the_bug(graded: Graded) -> None:
    some = mine(graded, "honest/some")
    assert some.caught == 1
    assert some.missed_hints() == {
        "case": "Are initials upper-cased whatever the input?",
        "whitespace": "Count the words of a text with two spaces in a row.",  # the first by name
    }  # the hidden bug's hint ("empty input") stays the grader's
    text = report(graded, "honest/some")
    assert "caught **1 of 5** planted bugs: 2/10 points" in text
    assert "| case | 1/2 |" in text
    assert "- **whitespace**: Count the words of a text with two spaces in a row." in text
    assert not any(name in text for name in [*MUTANTS, "count-split-on-space", 'split(" ")'])
    assert "How many words has an empty text?" not in text
    assert "they caught 0 of 1. The ones missed get no hint." in text
    assert "How many words" not in json.dumps(data(graded, "honest/some"))
    assert some.on_starter is None  # the half-done starter passes the tests it has


@pytest.mark.slow
def test_an_empty_suite_scores_zero_without_an_error(graded: Graded) -> None:
    result = graded.results["empty"]
    empty = mine(graded, "empty")
    assert empty.problem == f"no tests in {STUDENT}/ yet"
    assert (empty.caught, len(empty.planted)) == (0, 5)
    assert result.status == "pass"
    assert result.reason is None
    assert "**Not scored:** no tests in week99/tests/student/ yet." in report(graded, "empty")


@pytest.mark.slow
def test_a_test_failing_on_the_reference_scores_nothing_and_says_why(graded: Graded) -> None:
    wrong = mine(graded, "wrong")
    [(name, why)] = wrong.rejected.items()
    assert name.endswith("::test_two_words")
    assert why.startswith("fails on the reference solution: AssertionError: assert 2 == 3")
    assert wrong.problem == "none of your tests passes on the reference solution"
    assert not any(m.killed for m in wrong.mutants)
    text = report(graded, "wrong")
    assert "- `test_two_words`: fails on the reference solution: AssertionError" in text
    assert "**Not scored:** none of your tests passes on the reference solution." in text


@pytest.mark.slow
def test_a_test_that_tells_the_code_by_its_text_fails_on_the_decoy(graded: Graded) -> None:
    cheat = mine(graded, "x/hash")
    name = next(n for n in cheat.rejected if n.endswith("::test_the_code_is_the_reference"))
    assert cheat.rejected[name] == student_tests.DECOY
    assert cheat.caught == 0  # it fails on every planted bug, and on the decoy
    lines = [s.line() for s in graded.results["x/hash"].review]
    assert (
        f"1 of the student's tests {student_tests.DECOY} (scored nothing): "
        "test_the_code_is_the_reference" in lines
    )
    assert any("imports hashlib" in line for line in lines), lines


@pytest.mark.slow
def test_a_conftest_of_the_student_touches_neither_the_project_tests_nor_the_score(
    graded: Graded,
) -> None:
    result = graded.results["x/conftest"]
    assert result.tamper == []  # the student's own tests are theirs to change
    cheat = mine(graded, "x/conftest")
    assert cheat.problem == "your tests' runs on the reference solution changed how pytest reports"
    lines = [s.line() for s in result.review]
    assert any("defines pytest_runtest_makereport, a pytest hook" in line for line in lines)
    assert any("a run of the student's tests on a copy of it" in line for line in lines), lines


@pytest.mark.slow
def test_file_times_and_mutant_files_tell_nothing_and_nothing_hidden_is_in_sight(
    graded: Graded,
) -> None:
    files = mine(graded, "x/files")
    assert files.rejected == {}
    assert files.caught == 0  # no run saw what another read or wrote
    assert not list(graded.repo.parent.rglob("left-by-a-student-test"))  # checkout, hidden, out
    assert graded.results["x/files"].points() == (8, 8)  # its starter saw no hidden patch either
    lines = [s.line() for s in graded.results["x/files"].review]
    assert any("uses .st_mtime: reads file metadata" in line for line in lines), lines
    assert any("names the planted bugs' files" in line for line in lines), lines


@pytest.mark.slow
def test_checking_the_text_of_public_mutants_scores_but_is_flagged(graded: Graded) -> None:
    embedded = mine(graded, "x/embedded")
    caught = sorted(m.name for m in embedded.mutants if m.killed)
    assert caught == ["slug-keeps-case", "slug-single-spaces"]  # not the hidden one
    lines = [s.line() for s in graded.results["x/embedded"].review]
    assert any("uses .getsource: reads the source of the code under test" in line for line in lines)


@pytest.mark.slow
def test_the_matrix_and_the_console_carry_the_own_test_points(graded: Graded) -> None:
    with (graded.out / "matrix.csv").open(newline="") as file:
        rows = {row["branch"]: row for row in csv.DictReader(file)}
    printed = {line.split(": ", 1)[0]: line for line in graded.console if "->" in line}
    for branch, (project, own, _) in EXPECTED.items():
        assert (rows[branch]["own tests"], rows[branch]["total"]) == (str(own), str(project + own))
        assert rows[branch]["possible"] == "18"
        assert printed[branch].startswith(f"{branch}: {project + own}/18  (own tests {own}/10")
        assert f"**Points: {project + own}/18**" in report(graded, branch)


@pytest.mark.slow
def test_grading_leaves_the_checkout_and_no_student_tree_behind(graded: Graded) -> None:
    assert sample.git(graded.repo, "status", "--porcelain", "--untracked-files=all") == ""
    assert len(sample.git(graded.repo, "worktree", "list").splitlines()) == 1


def test_coverage_just_under_the_goal_never_reads_as_the_goal() -> None:
    lines = markdown.student_section(student_tests.StudentTests(WEEK, coverage=79.6))
    assert "Coverage of your starter by your tests: 79%, below the goal of 80%." in lines
    lines = markdown.student_section(student_tests.StudentTests(WEEK, coverage=80.0))
    assert "Coverage of your starter by your tests: 80%." in lines

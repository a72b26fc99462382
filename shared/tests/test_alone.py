"""Every test file alone behaves as in the full run (the week 6 bug: models found only in a full run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit import alone

from . import minicourse

# Like SQLAlchemy models naming each other by string: a registry that only knows what was imported.
REGISTRY = "KNOWN: list[str] = []\n"
SHAPES = """\
from .registry import KNOWN

KNOWN.append("circle")


def area(radius: float) -> float:
    # BEGIN SOLUTION pi r squared
    return 3.14 * radius * radius
    # END SOLUTION
"""
TEST_AREA = """\
from testkit import impl_module


def test_area() -> None:
    assert impl_module("week99", "shapes").area(1) == 3.14
"""
TEST_REGISTRY = """\
from testkit import impl_module


def test_circle_is_known() -> None:
    assert "circle" in impl_module("week99", "registry").KNOWN
"""


def course(root: Path, monkeypatch: pytest.MonkeyPatch, init: str = "") -> Path:
    return minicourse.make(root, monkeypatch, {
        "week99/src/week99/solution/__init__.py": init,
        "week99/src/week99/solution/registry.py": REGISTRY,
        "week99/src/week99/solution/shapes.py": SHAPES,
        "week99/tests/project/test_area.py": TEST_AREA,
        "week99/tests/project/test_registry.py": TEST_REGISTRY,
        "week99/tests/lectures/test_lecture.py": "def test_lecture() -> None:\n    pass\n",
    })  # fmt: skip


def test_a_file_that_passes_only_after_another_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = alone.check(course(tmp_path, monkeypatch), "week99")
    assert found.sessions == 1 + 2 * 3 + 1  # full starter run, 3 project files x 2, 1 lecture file
    assert found.problems == [
        "week99/tests/project/test_registry.py::test_circle_is_known alone (starter): "
        "expected failure (full run: pass)",
        "week99/tests/project/test_registry.py::test_circle_is_known alone (finished starter): "
        "expected failure (full run: pass)",
    ]
    assert found.full_starter.exit_code == 1


def test_registering_on_package_import_fixes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = course(tmp_path, monkeypatch, init="from . import shapes as shapes\n")
    assert alone.check(root, "week99").problems == []


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("NotImplementedError: TODO: count the words", "expected failure"),
        ("AssertionError: assert 1 == 2", "expected failure"),
        ("schemathesis.core.failures.FailureGroup: Schemathesis found 2 distinct failures",
         "expected failure"),
        ("KeyError: 'paths'\nmore", "KeyError: 'paths'"),
    ],
)  # fmt: skip
def test_a_starter_may_fail_with_its_todos_and_assertions_only(message: str, expected: str) -> None:
    assert alone.outcome_class({"status": "fail", "message": message}) == expected

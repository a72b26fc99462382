"""A tiny course on disk for the testkit's tests: ``week99`` with a solution, starter and tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit import starters

CALC = """\
def add(a: int, b: int) -> int:
    # BEGIN SOLUTION add the numbers
    return a + b
    # END SOLUTION


def clamp(value: int, low: int, high: int) -> int:
    # BEGIN SOLUTION keep value between low and high
    return max(low, min(value, high))
    # END SOLUTION
"""

PROJECT_TESTS = """\
import pytest

from testkit import impl_module

calc = impl_module("week99", "calc")


@pytest.mark.task(1)
def test_add() -> None:
    assert calc.add(2, 3) == 5


@pytest.mark.task(2)
def test_clamp() -> None:
    assert [calc.clamp(v, 0, 10) for v in (-1, 5, 11)] == [0, 5, 10]
"""

MUTANT = """\
Category: bounds
Hint: What comes back for a value above the upper bound?

--- a/calc.py
+++ b/calc.py
@@ -7,5 +7,5 @@ def add(a: int, b: int) -> int:

 def clamp(value: int, low: int, high: int) -> int:
     # BEGIN SOLUTION keep value between low and high
-    return max(low, min(value, high))
+    return max(low, value)
     # END SOLUTION
"""  # the empty context line lost its leading space, as editors do: it still applies


def make(root: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str] | None = None) -> Path:
    """Write the course (plus ``files``), generate the starter, and make ``week99`` importable."""
    base = {
        "uv.lock": "",
        "shared/README.md": "",
        "pytest.ini": "[pytest]\nasyncio_default_fixture_loop_scope = session\n",
        "docs/syllabus.md": "",
        "week99/pyproject.toml": '[tool.course]\ntitle = "Mini"\nstatus = "done"\n',
        "week99/src/week99/__init__.py": "",
        "week99/src/week99/solution/__init__.py": "",
        "week99/src/week99/solution/calc.py": CALC,
        "week99/tests/project/test_calc.py": PROJECT_TESTS,
    }
    for name, text in {**base, **(files or {})}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    for pair in starters.find_pairs(root):
        starters.write(pair)
    monkeypatch.setenv("COURSE_ROOT", str(root))
    monkeypatch.setenv("PYTHONPATH", str(root / "week99" / "src"))
    monkeypatch.syspath_prepend(str(root / "week99" / "src"))
    return root

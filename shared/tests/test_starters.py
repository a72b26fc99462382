from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from testkit import starters

SOLUTION = '''\
"""A tiny service."""

from week99.solution.models import Item


def total(items: list[Item]) -> int:
    """Sum of the item prices."""
    # BEGIN SOLUTION add up the prices
    return sum(item.price for item in items)
    # END SOLUTION


def average(items: list[Item]) -> float:
    # BEGIN SOLUTION
    return total(items) / len(items)
    # REPLACE WITH
    # return total(items) // len(items)
    # END SOLUTION
'''

STARTER = '''\
"""A tiny service."""

from week99.starter.models import Item


def total(items: list[Item]) -> int:
    """Sum of the item prices."""
    raise NotImplementedError("TODO: add up the prices")


def average(items: list[Item]) -> float:
    return total(items) // len(items)
'''

MODELS = """\
from dataclasses import dataclass


@dataclass
class Item:
    price: int
"""


@pytest.fixture
def pair(tmp_path: Path) -> starters.Pair:
    solution = tmp_path / "week99" / "src" / "week99" / "solution"
    solution.mkdir(parents=True)
    (solution / "__init__.py").write_text("")
    (solution / "models.py").write_text(MODELS)
    (solution / "service.py").write_text(SOLUTION)
    (solution / "schema.sql").write_text(
        "CREATE TABLE t (\n    -- BEGIN SOLUTION the columns\n    id int\n    -- END SOLUTION\n);\n"
    )
    (solution / "secret.py").write_text("# starter: omit\nANSWER = 42\n")
    (solution / "buggy.py").write_text("X = 1\n")
    (solution / "buggy.py.starter").write_text("X = 2  # a planted bug\n")
    return starters.find_pairs(tmp_path)[0]


def test_generate_replaces_marked_code_and_keeps_the_rest(pair: starters.Pair) -> None:
    files = starters.generate(pair)
    assert files[Path("service.py")].decode() == STARTER
    assert files[Path("models.py")].decode() == MODELS
    assert files[Path("schema.sql")].decode() == "CREATE TABLE t (\n    -- TODO: the columns\n);\n"
    assert files[Path("buggy.py")].decode() == "X = 2  # a planted bug\n"
    assert Path("secret.py") not in files
    assert Path("buggy.py.starter") not in files


def test_round_trip_and_check_catches_drift(pair: starters.Pair) -> None:
    assert starters.drift(pair)  # nothing written yet
    starters.write(pair)
    assert starters.drift(pair) == []
    (pair.starter / "service.py").write_text("edited\n")
    (pair.starter / "extra.py").write_text("")
    problems = starters.drift(pair)
    assert any("differs from generated: service.py" in p for p in problems)
    assert any("not generated from solution: extra.py" in p for p in problems)
    starters.write(pair)
    assert not (pair.starter / "extra.py").exists()


def test_generated_starter_is_importable_and_fails_with_the_hint(pair: starters.Pair) -> None:
    starters.write(pair)
    root = pair.solution.parents[1]
    code = "from week99.starter.service import total; total([])"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False
    )
    assert "NotImplementedError: TODO: add up the prices" in result.stderr


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("# BEGIN SOLUTION\nx = 1\n", "without END SOLUTION"),
        ("x = 1\n# END SOLUTION\n", "marker outside"),
        ("# BEGIN SOLUTION\n# BEGIN SOLUTION\n# END SOLUTION\n", "nested BEGIN SOLUTION"),
        ("# BEGIN SOLUTION\nx = 1\n# REPLACE WITH\nx = 2\n# END SOLUTION\n", "must be comments"),
        (
            "    # BEGIN SOLUTION " + "very long hint " * 8 + "\n    pass\n    # END SOLUTION\n",
            "hint too long",
        ),
    ],
)
def test_malformed_markers_name_the_file_and_line(text: str, error: str) -> None:
    with pytest.raises(starters.MarkerError, match=error) as info:
        starters.render(text, ".py", "service.py")
    assert str(info.value).startswith("service.py:")


def test_hint_with_quotes_stays_valid_python() -> None:
    out = starters.render('# BEGIN SOLUTION return "ok"\nx = 1\n# END SOLUTION\n', ".py")
    assert out == 'raise NotImplementedError("TODO: return \\"ok\\"")\n'

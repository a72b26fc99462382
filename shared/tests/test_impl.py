from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from testkit import impl


@pytest.fixture
def fake_week(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A package ``fakeweek`` with a solution and a starter that answer differently."""
    for name, answer in (("solution", 42), ("starter", 0)):
        package = tmp_path / "fakeweek" / name
        package.mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "answer.py").write_text(f"VALUE = {answer}\n")
    (tmp_path / "fakeweek" / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    previous = impl.current()
    yield "fakeweek"
    impl.select(previous)
    for module in [m for m in sys.modules if m.startswith("fakeweek")]:
        del sys.modules[module]


def test_impl_module_follows_the_selected_implementation(fake_week: str) -> None:
    impl.select("solution")
    assert impl_value(fake_week) == 42
    impl.select("starter")
    assert impl_value(fake_week) == 0
    assert impl.current() == "starter"


def impl_value(package: str) -> int:
    value: int = impl.impl_module(package, "answer").VALUE
    return value


def test_missing_implementation_is_a_clear_error(fake_week: str) -> None:
    impl.select("alice")
    with pytest.raises(impl.ImplNotFoundError, match="implementation 'alice' not found"):
        impl.impl_module(fake_week)


@pytest.mark.parametrize("name", ["", "Solution", "../x", "a-b"])
def test_invalid_names_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match="invalid implementation name"):
        impl.validate(name)

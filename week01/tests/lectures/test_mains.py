"""Every lecture module runs as documented: `uv run python -m week01.lectures.<module>`."""

import importlib

import pytest

MODULES = [
    "l1_type_hints",
    "l1_running_mypy",
    "l2_dataclasses",
    "l2_context_managers",
    "l2_decorators",
    "l2_exceptions",
    "l2_error_handling",
    "l3_blocking",
    "l3_coroutines",
    "l3_cpu_vs_io",
    "l3_pitfalls",
    "l4_git",
    "l4_conventional_commits",
    "l4_uv",
]


@pytest.mark.parametrize("name", MODULES)
def test_lecture_main_prints_a_demonstration(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    module = importlib.import_module(f"week01.lectures.{name}")
    module.main()
    assert capsys.readouterr().out.strip()

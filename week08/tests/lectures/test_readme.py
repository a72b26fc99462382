"""The README's code cannot drift: its examples run here.

- ```python blocks run in order, in one namespace (a block may use what an earlier one defined);
  ```python notest blocks are shown only.
- ```console blocks hold ``$ command`` lines, each followed by the output it must print (stdout);
  ``...`` in the expected output matches any text. ``uv run python`` runs as this interpreter,
  and ``DATABASE_URL`` points at a new database on the test session's PostgreSQL server (no second
  server to start, nothing shared with the other tests).
"""

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from testkit.services.postgres import create_database, drop_database

WEEK = Path(__file__).resolve().parents[2]
README = (WEEK / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
BLOCKS = [(m[1], m[2].strip(), m[3]) for m in FENCE.finditer(README)]


def console_commands() -> list[tuple[str, str]]:
    """(command, expected output) for every ``$`` line of every console block."""
    pairs = []
    for language, _, body in BLOCKS:
        if language != "console":
            continue
        for chunk in re.split(r"^\$ ", body, flags=re.MULTILINE)[1:]:
            command, _, expected = chunk.partition("\n")
            pairs.append((command.strip(), expected))
    return pairs


def matches(expected: str, actual: str) -> bool:
    pattern = ".*?".join(re.escape(part) for part in expected.strip().split("..."))
    return re.fullmatch(pattern, actual.strip(), flags=re.DOTALL) is not None


def test_the_python_blocks_run_in_order() -> None:
    namespace: dict[str, object] = {"__name__": "readme"}
    blocks = [body for language, info, body in BLOCKS if language == "python" and info != "notest"]
    assert len(blocks) >= 8
    for number, body in enumerate(blocks, start=1):
        try:
            exec(compile(body, f"README.md python block {number}", "exec"), namespace)  # noqa: S102
        except Exception as exc:  # pragma: no cover - the message is the point when it fails
            pytest.fail(f"python block {number} failed: {exc!r}\n{body}")


@pytest.fixture(scope="module")
def readme_database(postgres_url: str) -> Iterator[str]:
    url = create_database(postgres_url, prefix="readme")
    try:
        yield url
    finally:
        drop_database(url)


@pytest.mark.parametrize(("command", "expected"), console_commands(), ids=lambda v: str(v)[:40])
def test_the_console_examples_print_what_the_readme_shows(
    command: str, expected: str, readme_database: str
) -> None:
    argv = shlex.split(command)
    if argv[:3] == ["uv", "run", "python"]:
        argv = [sys.executable, *argv[3:]]
    env = {**os.environ, "DATABASE_URL": readme_database}
    result = subprocess.run(argv, cwd=WEEK.parent, env=env, capture_output=True, text=True,
                            timeout=120, check=False)  # fmt: skip

    assert result.returncode == 0, result.stderr[-2000:]
    assert matches(expected, result.stdout), f"expected:\n{expected}\ngot:\n{result.stdout}"

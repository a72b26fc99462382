"""The student commands of a week's README work as written: ``testkit readme-commands N``.

The commands are the lines of the fenced ``bash``/``console`` blocks in the README's
``## How to work`` section (``$ `` prompts and trailing ``# comments`` dropped). Each runs as
written, in the course root, and must end as a student is told it will:

- a command about the student's code (``IMPL=starter``, ``--impl starter``, ``check-week``,
  ``mutants``, a ``.starter.`` module) may fail, but only the way an unfinished starter does: every
  failing test fails with a TODO (``NotImplementedError``) or an assertion, as the JSON reports
  say; it never ends in a usage error, a crash or a collection error;
- every other command succeeds (exit code 0);
- interactive commands (``make watch``, ``make run``) are not started; ``make -n`` proves that
  make knows the target and its arguments (the tmux test drives ``make watch`` for real).

Reports go to a temporary ``TESTKIT_REPORT_DIR``: the check leaves ``.reports/`` alone.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from testkit import alone, report

SECTION = "## How to work"
FENCE = re.compile(r"^```(?P<lang>[\w-]*)\s*$")
SHELL_LANGS = {"bash", "sh", "shell", "console"}
INTERACTIVE = re.compile(r"^make\s+(?:watch|run)\b")
ABOUT_STARTER = re.compile(r"IMPL=starter|--impl[= ]starter|\bcheck-week\b|\bmutants\b|\.starter\.")
MAKE_RECIPE_FAILED = re.compile(r"\] Error 1\s*$")
COMMAND_LIMIT = 900  # seconds: a week's whole test suite, with room for a loaded machine


def commands(readme: str) -> list[str]:
    """The shell commands of the README's "How to work" section, in order."""
    found: list[str] = []
    inside_section = inside_block = False
    shell = False
    for line in readme.splitlines():
        if line.startswith("## "):
            inside_section = line.strip() == SECTION
            continue
        if not inside_section:
            continue
        if fence := FENCE.match(line):
            inside_block, shell = not inside_block, fence["lang"] in SHELL_LANGS
            continue
        if inside_block and shell:
            command = re.sub(r"\s+#\s.*$", "", line.strip().removeprefix("$ ")).strip()
            if command and not command.startswith("#"):
                found.append(command)
    return found


@dataclass
class CommandResult:
    command: str
    exit_code: int | None  # None: over the time limit
    output: str
    reports: list[dict[str, object]]

    def problem(self) -> str | None:
        """Why the command does not work as the README says, or None."""
        if self.exit_code is None:
            return f"`{self.command}` did not finish within {COMMAND_LIMIT} s"
        if self.exit_code == 0:
            return None
        tail = self.output.strip().splitlines()[-1:] or ["no output"]
        code = self.exit_code
        if self.command.startswith("make") and MAKE_RECIPE_FAILED.search(self.output):
            code = 1  # make exits 2 for any failed recipe; the recipe's own code is in its message
        if not ABOUT_STARTER.search(self.command) or code != 1:
            return f"`{self.command}` ended with exit code {self.exit_code}: {tail[0][:200]}"
        for data in self.reports:
            if data.get("message"):
                return f"`{self.command}`: the tests do not collect: {str(data['message'])[:200]}"
            tests = data.get("tests")
            for test in tests if isinstance(tests, list) else []:
                kind = alone.outcome_class(test)
                if kind not in ("pass", "skip", "expected failure"):
                    return f"`{self.command}`: {test['name']} fails with {kind}"
        if not self.reports and "TODO" not in tail[0]:
            # A starter's program (not its tests) may stop with a message naming the TODO left.
            return f"`{self.command}` failed without running any test: {tail[0][:200]}"
        return None


def run(root: Path, command: str, env: Mapping[str, str] | None = None) -> CommandResult:
    """Run one command as written (interactive ones as ``make -n``), reports kept aside; ``env``
    is added to the environment (``TEST_DATABASE_URL``, ``REDIS_URL``: servers to share)."""
    shown = ["make", "-n", *command.split()[1:]] if INTERACTIVE.match(command) else None
    with tempfile.TemporaryDirectory(prefix="testkit-readme-") as tmp:
        env = {**os.environ, **(env or {}), "TESTKIT_REPORT_DIR": tmp}
        try:
            done = subprocess.run(  # noqa: S603 - the README's own commands, run as a student would
                shown or ["bash", "-c", command], cwd=root, env=env, stdin=subprocess.DEVNULL,
                capture_output=True, text=True, timeout=COMMAND_LIMIT,
            )  # fmt: skip
        except subprocess.TimeoutExpired as exc:
            return CommandResult(command, None, str(exc.output or ""), [])
        reports = [report.load(p) for p in sorted(Path(tmp).glob("*.json"))]
    return CommandResult(command, done.returncode, done.stdout + done.stderr, reports)


def check(root: Path, folder: str, env: Mapping[str, str] | None = None) -> tuple[int, list[str]]:
    """(commands run, problems) for the week's README; ``env`` as in ``run``."""
    readme = root / folder / "README.md"
    found = commands(readme.read_text(encoding="utf-8")) if readme.is_file() else []
    if not found:
        return 0, [f"{folder}/README.md has no commands in a ```bash block under '{SECTION}'"]
    problems = [p for command in found if (p := run(root, command, env).problem())]
    return len(found), problems

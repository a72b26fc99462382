"""Executed code blocks in the course's Markdown (week READMEs and ``weekNN/docs/*.md``).

The testkit plugin collects these files, so ``make test-week N`` runs their examples with Sybil:

- ```` ```python ````: executed in order, one namespace per Markdown file (a block may use the names
  an earlier block defined); a block that starts with ``>>>`` is a doctest;
- ```` ```python notest ````: shown only (any fence with more than a language is not executed);
- ```` ```pycon ````: ``>>>`` prompts checked as doctests (``...`` matches any text);
- ```` ```console ````: ``$ command`` lines, each followed by its expected output (``...`` matches any
  text). ``[uv run] python -m module args`` runs in this process with ``runpy`` (fast); anything
  else runs in a shell in the course root with this environment's ``bin/`` first on ``PATH``
  (a leading ``uv run`` is dropped: the environment is already this one);
- ```` ```sql ````: executed against the testkit's PostgreSQL, each block in a transaction rolled
  back right after it (so a block sets up what it uses), only in a file that asks for PostgreSQL.

A file whose text contains the comment ``<!-- markdown-test: postgres -->`` gets the session's
PostgreSQL: its ``sql`` blocks run there and its console commands see ``DATABASE_URL``.
"""

from __future__ import annotations

import doctest
import io
import os
import re
import runpy
import shlex
import subprocess
import sys
import warnings
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sybil import Document, Example, Region, Sybil
from sybil.evaluators.doctest import DocTestEvaluator
from sybil.integration.pytest import SybilFile
from sybil.parsers.abstract.doctest import DocTestStringParser
from sybil.parsers.markdown import CodeBlockParser, PythonCodeBlockParser

from testkit import paths

POSTGRES_DIRECTIVE = "<!-- markdown-test: postgres -->"
DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
COMMAND_TIMEOUT = 60  # seconds; a console command that takes longer is a bug in the notes
REQUEST = "_markdown_request"  # namespace key of the pytest request (lazy fixtures)
_IN_PROCESS = re.compile(r"^(?:uv run (?:--\S+ )*)?python -m (?P<module>[\w.]+)(?P<args>.*)$")


@dataclass
class Command:
    """One ``$ command`` of a console block and the output the notes promise."""

    line: str
    expected: str


def parse_console(source: str) -> list[Command]:
    """Split a console block into commands (a trailing ``\\`` continues a command) and outputs."""
    commands: list[Command] = []
    continuing = False
    for raw in source.splitlines():
        if continuing:
            commands[-1].line = commands[-1].line.removesuffix("\\").rstrip() + " " + raw.strip()
        elif raw.startswith("$ "):
            commands.append(Command(raw[2:].strip(), ""))
        elif commands:
            commands[-1].expected += raw + "\n"
        elif raw.strip():
            raise ValueError(f"console block: output before the first `$ command`: {raw!r}")
        continuing = (
            bool(commands) and commands[-1].line.endswith("\\") and not commands[-1].expected
        )
    return commands


def output_mismatch(command: str, expected: str, got: str) -> str | None:
    """None if ``got`` matches ``expected`` (``...`` matches any text), else a readable diff."""
    checker = doctest.OutputChecker()
    got = "\n".join(line.rstrip() for line in got.splitlines()) + ("\n" if got.strip() else "")
    expected = "\n".join(line.rstrip() for line in expected.rstrip().splitlines())
    expected += "\n" if expected else ""
    if checker.check_output(expected, got, doctest.ELLIPSIS):
        return None
    example = doctest.Example(command, expected)
    return f"$ {command}\n" + checker.output_difference(example, got, doctest.ELLIPSIS)


@contextmanager
def _environment(extra: dict[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in extra}
    os.environ.update(extra)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run_in_process(module: str, args: list[str], env: dict[str, str]) -> str:
    """``python -m module args`` in this process; stdout and stderr together, as a terminal shows."""
    out = io.StringIO()
    saved_argv = sys.argv
    sys.argv = [module, *args]
    try:
        with ExitStack() as stack:
            stack.enter_context(_environment(env))
            stack.enter_context(redirect_stdout(out))
            stack.enter_context(redirect_stderr(out))
            # The tests may have imported the module already; running it again is what we want.
            stack.enter_context(warnings.catch_warnings())
            warnings.filterwarnings("ignore", "'.*' found in sys.modules", RuntimeWarning)
            runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        if exc.code not in (0, None):
            out.write(f"[exit code {exc.code}]\n")
    finally:
        sys.argv = saved_argv
    return out.getvalue()


def run_in_shell(command: str, root: Path, env: dict[str, str]) -> str:
    """Anything else: a shell in the course root, with this environment's executables first."""
    command = re.sub(r"^uv run (?:--\S+ )*", "", command)
    bin_dir = str(Path(sys.executable).parent)
    environ = {**os.environ, **env, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    done = subprocess.run(  # noqa: S602 - the notes' own commands, written by the course authors
        command,
        shell=True,
        cwd=root,
        env=environ,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
        check=False,
    )
    code = f"[exit code {done.returncode}]\n" if done.returncode else ""
    return done.stdout + done.stderr + code


def _database_env(namespace: dict[str, Any]) -> dict[str, str]:
    """``DATABASE_URL`` of the session's PostgreSQL, for files that ask for it."""
    if not namespace.get("_markdown_postgres"):
        return {}
    request: pytest.FixtureRequest = namespace[REQUEST]
    return {"DATABASE_URL": str(request.getfixturevalue("postgres_url"))}


def evaluate_console(example: Example) -> str | None:
    root = paths.course_root(Path(example.path).parent)
    env = _database_env(example.namespace)
    for command in parse_console(str(example.parsed)):
        match = _IN_PROCESS.match(command.line)
        if match:
            got = run_in_process(match["module"], shlex.split(match["args"]), env)
        else:
            got = run_in_shell(command.line, root, env)
        if problem := output_mismatch(command.line, command.expected, got):
            return problem
    return None


def evaluate_sql(example: Example) -> str | None:
    """Run an ``sql`` block in a transaction of its own, rolled back right after it.

    Nothing stays behind and no lock outlives the block (the file's console commands may run the
    same DDL against the same server), so each block sets up what it uses.
    """
    if not example.namespace.get("_markdown_postgres"):
        return None  # shown only: this file did not ask for PostgreSQL
    connection = example.namespace.get("_markdown_sql")
    if connection is None:
        import psycopg  # the testkit's dependency; imported here so plain notes never need it

        url = _database_env(example.namespace)["DATABASE_URL"]
        connection = example.namespace["_markdown_sql"] = psycopg.connect(url)
    try:
        connection.execute(str(example.parsed))
    finally:
        connection.rollback()
    return None


class PyconParser:
    """```` ```pycon ```` blocks: interactive sessions checked as doctests."""

    def __init__(self) -> None:
        self.doctest_parser = DocTestStringParser(DocTestEvaluator(DOCTEST_FLAGS))
        self.pycon = CodeBlockParser("pycon", evaluator=lambda example: None)

    def __call__(self, document: Document) -> Iterable[Region]:
        for region in self.pycon(document):
            source = region.parsed
            for doctest_region in self.doctest_parser(source, document.path):
                doctest_region.adjust(region, source)
                yield doctest_region


def _setup(namespace: dict[str, Any]) -> None:
    namespace["_markdown_postgres"] = False


def _teardown(namespace: dict[str, Any]) -> None:
    if connection := namespace.pop("_markdown_sql", None):
        connection.close()


SYBIL = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=DOCTEST_FLAGS),
        PyconParser(),
        CodeBlockParser("console", evaluator=evaluate_console),
        CodeBlockParser("sql", evaluator=evaluate_sql),
    ],
    path="/",
    patterns=["*.md"],
    setup=_setup,
    teardown=_teardown,
    fixtures=[REQUEST],
)


def is_course_markdown(path: Path) -> bool:
    """A week's ``README.md`` or a Markdown file in its ``docs/`` folder."""
    if path.suffix != ".md":
        return False
    folder = path.parent if path.name == "README.md" else path.parent.parent
    if path.name != "README.md" and path.parent.name != "docs":
        return False
    try:
        root = paths.course_root(folder)
    except FileNotFoundError:
        return False
    return folder.parent == root and folder.name in paths.week_folders(root)


class MarkdownFile(SybilFile):
    """Marks the file's namespace when it asks for PostgreSQL (``POSTGRES_DIRECTIVE``)."""

    def setup(self) -> None:
        super().setup()
        for document in self.documents:
            document.namespace["_markdown_postgres"] = POSTGRES_DIRECTIVE in document.text


def collect(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if not is_course_markdown(file_path):
        return None
    collector: pytest.Collector = MarkdownFile.from_parent(parent, path=file_path, sybils=[SYBIL])
    return collector

"""Cheat signals: what a person should look at in a branch. Flagged for review, never failed.

Static signals, read from the branch before anything is replaced:

- **code** in the week's Python files the branch added or changed (``tests/`` aside, the tamper
  check covers it): imports of the reference ``solution``; ``__path__`` changes; pytest, its
  plugin system or the testkit used outside tests; and ways to act outside the normal flow of a
  program (``sys.modules``, ``builtins``, ``atexit``, ``os._exit``, ``subprocess``, ``ctypes``,
  ``gc``, frames, ``exec``, file descriptors, ``/proc``, ...), each only where the grader's own
  version of the week (solution, starter, lectures) does not use it: a week that teaches
  ``subprocess`` does not flag it;
- **the student's own tests** (``<folder>/tests/student/``: graded by planted bugs, see
  ``student_tests``): the same, pytest and the testkit's public modules aside, plus what could tell
  a planted bug apart from the reference other than by its behaviour: reading files or source
  (``open``, ``read_text``, ``__file__``, ``getsource``, ``__code__``, ``stat``, listing folders),
  clocks, randomness, digests, parsing code, and names of the mutant files; each only where the
  grader's own tests of the week do not use it;
- **files** anywhere in the branch that Python or pytest load by themselves: ``.pth``,
  ``sitecustomize.py``/``usercustomize.py``, ``*.dist-info``/``*.egg-info``, pytest configuration
  (``pytest.ini``, ``tox.ini``, ``setup.cfg``, ``[tool.pytest...]`` in a ``pyproject.toml``), and
  ``conftest.py`` outside the week's tests, unless the grader's checkout has the same file; and
  symbolic links that point outside the branch;
- **shadowing**: a top-level module of the week's ``src/`` or the week's folder named like an
  installed package or a standard library module (``httpx.py``, ``testkit/``): it would be
  imported instead of the real one. ``shadowing()`` lists them; grading deletes them first;
- **deleted** given files of the week's package (a missing ``__init__.py`` turns the package into
  a namespace package).

The grading run adds what it saw happen (a tripwire test reported wrongly, a result stream that
carried foreign lines, tests the grader does not know), and similarity adds near-copies.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from testkit.grading.tamper import tracked_files
from testkit.grading.worktree import GitError, git

RUNNER_MODULES = {"pytest", "_pytest", "pluggy", "testkit", "py"}
OUTSIDE_MODULES = {
    "atexit": "runs code when the interpreter exits, after the tests",
    "builtins": "can replace built-in functions for everyone",
    "ctypes": "reaches memory and system calls directly",
    "cffi": "reaches memory and system calls directly",
    "subprocess": "starts other processes",
    "multiprocessing": "starts other processes",
    "pty": "starts other processes",
    "signal": "handles signals (the per-test timeout is one)",
    "gc": "can find any object, the test runner's included",
    "inspect": "can read and change other code's frames",
    "importlib": "imports modules under computed names",
    "runpy": "runs modules under computed names",
    "marshal": "loads compiled code",
    "fcntl": "changes file descriptors",
    "mmap": "maps memory and files",
}
OUTSIDE_CALLS = {
    "sys.modules": "changes which module an import returns",
    "sys._getframe": "reads other code's frames",
    "sys.settrace": "intercepts every line that runs",
    "sys.setprofile": "intercepts every call",
    "sys.addaudithook": "intercepts interpreter events",
    "sys.meta_path": "changes how imports are resolved",
    "sys.path_hooks": "changes how imports are resolved",
    "sys.excepthook": "changes how errors are reported",
    "os._exit": "ends the process without cleanup, the test runner's included",
    "os.fork": "starts other processes",
    "os.forkpty": "starts other processes",
    "os.kill": "sends signals to processes",
    "os.killpg": "sends signals to processes",
    "os.setsid": "detaches a process from its session",
    "os.system": "starts other processes",
    "os.popen": "starts other processes",
    "os.write": "writes to raw file descriptors",
    "os.dup2": "replaces file descriptors",
    "os.close": "closes raw file descriptors",
    "os.closerange": "closes raw file descriptors",
}
OUTSIDE_CALLS |= {f"os.{name}": "starts other programs" for name in (
    "execv", "execve", "execl", "execle", "execlp", "execlpe", "execvp", "execvpe",
    "spawnv", "spawnve", "spawnl", "spawnle", "posix_spawn", "posix_spawnp",
)}  # fmt: skip
OUTSIDE_NAMES = {
    "__builtins__": "can replace built-in functions for everyone",
    "__import__": "imports modules under computed names",
    "exec": "runs code built at run time",
    "eval": "runs code built at run time",
    "compile": "builds code at run time",
}
RAW_PATHS = re.compile(r"/proc/|/dev/fd|/sys/")
# In the student's own tests: ways to tell a planted bug from the reference without running it.
TEST_MODULES = {
    "time": "measures time (a planted bug is told by behaviour, not by a clock)",
    "random": "makes outcomes random",
    "hashlib": "computes digests (of the code under test?)",
    "ast": "parses source code",
    "dis": "reads bytecode",
    "glob": "lists files",
}
TEST_NAMES = {"open": "reads files", "__file__": "locates source files on disk"}
TEST_ATTRIBUTES = {
    **dict.fromkeys(("read_text", "read_bytes", "open"), "reads files"),
    **dict.fromkeys(("getsource", "getsourcelines", "getsourcefile", "getfile", "findsource"),
                    "reads the source of the code under test"),
    **dict.fromkeys(("__code__", "co_code", "__file__"), "reads how the code under test is stored"),
    **dict.fromkeys(("stat", "lstat", "st_mtime", "st_ctime", "st_size", "getmtime", "getsize"),
                    "reads file metadata"),
    **dict.fromkeys(("iterdir", "glob", "rglob", "listdir", "scandir", "walk"), "lists files"),
}  # fmt: skip
MUTANT_FILES = re.compile(r"mutants|\.patch\b")
SOLUTION_TEXT = re.compile(r"(?:^|[./\\])solution(?:$|[./\\])")
HOOK_NAME = re.compile(r"^pytest_\w+$")
PYTEST_CONFIGS = {"pytest.ini", ".pytest.ini", "pytest.toml", ".pytest.toml"}
PYTEST_SECTIONS = {
    "tox.ini": "[pytest]",
    "setup.cfg": "[tool:pytest]",
    "pyproject.toml": "[tool.pytest",
}
AUTOLOADED = {"sitecustomize.py", "usercustomize.py"}
METADATA = (".dist-info", ".egg-info", ".egg-link")


@dataclass(frozen=True)
class Signal:
    """One thing to look at: its kind, where (``path:line`` or empty) and what it is."""

    kind: str  # code, file, shadowing, deleted, run, similarity
    where: str
    detail: str

    def line(self) -> str:
        return f"{self.where}: {self.detail}" if self.where else self.detail

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def _digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def changed_files(official: Path, tree: Path, folder: str) -> list[str]:
    """Files of ``folder`` the branch added or changed (by content) against the grader's."""
    return [
        name
        for name in tracked_files(tree, folder)
        if _digest(tree / name) != _digest(official / name)
    ]


class _CodeVisitor(ast.NodeVisitor):
    """Collects ``(key, line, detail)`` for the uses listed in the module's constants."""

    def __init__(self, *, tests: bool = False) -> None:
        self.found: list[tuple[str, int, str]] = []
        self.aliases: dict[str, str] = {}  # local name -> dotted origin (os, sys._getframe, ...)
        self.tests = tests  # the student's own tests: pytest is theirs to use, files are not

    def add(self, key: str, node: ast.AST, detail: str) -> None:
        self.found.append((key, getattr(node, "lineno", 0), detail))

    def _module(self, name: str, node: ast.AST) -> None:
        top = name.split(".")[0]
        if "solution" in name.split("."):
            self.add("solution", node, f"imports {name} (the reference solution)")
        elif top in RUNNER_MODULES and self.tests:
            # Tests use pytest and the testkit: keyed by module, so only what the grader's own
            # tests of the week import passes unflagged (testkit.http yes, testkit.grading no).
            key = ".".join(name.split(".")[:2]) if top == "testkit" else top
            self.add(f"import {key}", node, f"imports {name} (the test runner's internals?)")
        elif top in RUNNER_MODULES:
            self.add(f"import {top}", node, f"imports {top} outside the tests (the test runner)")
        elif top in OUTSIDE_MODULES:
            self.add(f"import {top}", node, f"imports {top}, which {OUTSIDE_MODULES[top]}")
        elif top in TEST_MODULES and self.tests:
            self.add(f"import {top}", node, f"imports {top}, which {TEST_MODULES[top]}")

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._module(alias.name, node)
            self.aliases[alias.asname or alias.name.split(".")[0]] = (
                alias.name if alias.asname else alias.name.split(".")[0]
            )

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        for alias in node.names:
            dotted = f"{module}.{alias.name}" if module else alias.name
            self._module(dotted, node)
            if node.level == 0:
                self.aliases[alias.asname or alias.name] = dotted
                if dotted in OUTSIDE_CALLS:
                    self.add(dotted, node, f"uses {dotted}, which {OUTSIDE_CALLS[dotted]}")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr == "__path__" and not isinstance(node.ctx, ast.Load):
            self.add("__path__", node, "changes a package's __path__ (where its modules come from)")
        if isinstance(node.value, ast.Name) and node.value.id in self.aliases:
            dotted = f"{self.aliases[node.value.id]}.{node.attr}"
            if dotted in OUTSIDE_CALLS:
                self.add(dotted, node, f"uses {dotted}, which {OUTSIDE_CALLS[dotted]}")
        if self.tests and node.attr in TEST_ATTRIBUTES:
            self.add(f".{node.attr}", node, f"uses .{node.attr}: {TEST_ATTRIBUTES[node.attr]}")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if (isinstance(func, ast.Attribute) and func.attr in ("append", "insert", "extend")
                and isinstance(func.value, ast.Name | ast.Attribute)
                and (getattr(func.value, "id", None) or getattr(func.value, "attr", None)) == "__path__"):  # fmt: skip
            self.add("__path__", node, "changes a package's __path__ (where its modules come from)")
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        target = node.value
        name = getattr(target, "id", None) or getattr(target, "attr", None)
        if name == "__path__" and not isinstance(node.ctx, ast.Load):
            self.add("__path__", node, "changes a package's __path__ (where its modules come from)")
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in OUTSIDE_NAMES:
            self.add(node.id, node, f"uses {node.id}, which {OUTSIDE_NAMES[node.id]}")
        elif self.tests and node.id in TEST_NAMES:
            self.add(node.id, node, f"uses {node.id}: {TEST_NAMES[node.id]}")
        elif node.id == "__path__" and not isinstance(node.ctx, ast.Load):
            self.add("__path__", node, "changes a package's __path__ (where its modules come from)")

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if HOOK_NAME.match(node.name) and self.tests:
            self.add(f"pytest hook {node.name}", node, f"defines {node.name}, a pytest hook")
        elif HOOK_NAME.match(node.name):
            self.add("pytest hook", node, f"defines {node.name}, a pytest hook, outside the tests")
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Expr(self, node: ast.Expr) -> None:
        if not (isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
            self.generic_visit(node)  # a docstring does nothing: only strings in use count

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str):
            if SOLUTION_TEXT.search(node.value):
                self.add(
                    "solution",
                    node,
                    f"names the reference solution in a string ({node.value[:60]!r})",
                )
            if RAW_PATHS.search(node.value):
                self.add("raw path", node, f"reads a process or system path ({node.value[:60]!r})")
            if self.tests and MUTANT_FILES.search(node.value):
                self.add("mutants", node, f"names the planted bugs' files ({node.value[:60]!r})")


def code_uses(source: str, *, tests: bool = False) -> list[tuple[str, int, str]]:
    """``(key, line, detail)`` for every listed use in ``source`` (nothing if it does not parse);
    ``tests``: read as the student's own tests (see the module docstring)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return []
    visitor = _CodeVisitor(tests=tests)
    visitor.visit(tree)
    return list(dict.fromkeys(visitor.found))  # one line per use, even with several names


def _keys(files: list[Path], *, tests: bool = False) -> set[str]:
    keys: set[str] = set()
    for path in files:
        source = path.read_text(encoding="utf-8", errors="replace")
        keys |= {key for key, _, _ in code_uses(source, tests=tests)}
    return keys - {"solution", "__path__"}


def taught(official: Path, folder: str) -> set[str]:
    """The keys the grader's version of the week uses itself: the week teaches them."""
    return _keys(sorted((official / folder / "src").rglob("*.py")))


def taught_in_tests(official: Path, folder: str) -> set[str]:
    """The keys the grader's own tests of the week use (read as tests): a student's may too."""
    return _keys(sorted((official / folder / "tests").rglob("*.py")), tests=True)


def code_signals(
    official: Path, tree: Path, folder: str, allowed: set[str], allowed_in_tests: set[str]
) -> list[Signal]:
    """Listed uses in the week's Python files the branch changed: its code, and its own tests
    (``tests/student/``, read as tests); the other tests are the tamper check's."""
    tests, student = f"{folder}/tests/", f"{folder}/tests/student/"
    found = []
    for name in changed_files(official, tree, folder):
        mine = name.startswith(student)
        if not name.endswith(".py") or (name.startswith(tests) and not mine):
            continue
        source = (tree / name).read_text(encoding="utf-8", errors="replace")
        allow = allowed | allowed_in_tests if mine else allowed
        found += [
            Signal("code", f"{name}:{line}", detail)
            for key, line, detail in code_uses(source, tests=mine)
            if key not in allow
        ]
    return found


def _pytest_config(path: Path) -> bool:
    if path.name in PYTEST_CONFIGS:
        return True
    marker = PYTEST_SECTIONS.get(path.name)
    return marker is not None and marker in path.read_text(encoding="utf-8", errors="replace")


def file_signals(official: Path, tree: Path, folder: str) -> list[Signal]:
    """Files Python or pytest load by themselves, anywhere in the branch, not as the grader has them."""
    found = []
    for name in tracked_files(tree, "."):
        path = Path(name)
        if _digest(tree / name) == _digest(official / name):
            continue
        if path.suffix == ".pth":
            found.append(
                Signal("file", name, "a .pth file: Python runs its import lines at start-up")
            )
        elif path.name in AUTOLOADED:
            found.append(Signal("file", name, f"{path.name}: Python imports it at start-up"))
        elif any(part.endswith(METADATA) for part in path.parts):
            found.append(Signal("file", name, "package metadata: makes a package look installed"))
        elif _pytest_config(tree / name):
            found.append(Signal("file", name, "pytest configuration (the grader uses its own)"))
        elif path.name == "conftest.py" and not name.startswith(f"{folder}/tests/"):
            found.append(Signal("file", name, "conftest.py outside the week's tests (not loaded)"))
    return sorted(set(found), key=lambda s: s.where)


def symlink_signals(tree: Path) -> list[Signal]:
    """Committed symbolic links that point outside the branch (at the grader's files, say)."""
    try:
        listing = git(tree, "ls-files", "-s")
    except GitError:
        return []
    found = []
    for line in listing.splitlines():
        mode, _, rest = line.partition(" ")
        name = rest.split("\t", 1)[-1]
        link = tree / name
        if mode == "120000" and link.is_symlink():
            target = link.readlink()
            inside = (link.parent / target).resolve()
            if target.is_absolute() or not inside.is_relative_to(tree.resolve()):
                found.append(
                    Signal("file", name, f"a symbolic link to {target}, outside the branch")
                )
    return found


@functools.cache
def installed_names() -> set[str]:
    """Top-level import names of the standard library and the installed packages."""
    names = set(sys.stdlib_module_names) | set(sys.builtin_module_names)
    return names | set(importlib.metadata.packages_distributions())


def _module_name(path: Path) -> str | None:
    if path.is_dir():
        return path.name if (path / "__init__.py").is_file() or any(path.glob("*.py")) else None
    return path.name.split(".")[0] if path.suffix in (".py", ".pyc", ".so", ".pyd") else None


def shadowing(official: Path, tree: Path, folder: str) -> list[tuple[Path, Signal]]:
    """Top-level modules of the week's import roots that hide an installed or standard module."""
    names = installed_names() - {folder}
    found = []
    for base in (f"{folder}/src", folder):
        if not (tree / base).is_dir():
            continue
        for entry in sorted((tree / base).iterdir()):
            name = _module_name(entry)
            if name in names and not (official / base / entry.name).exists():
                where = f"{base}/{entry.name}"
                detail = f"named like the installed module {name!r}: removed before grading"
                found.append((entry, Signal("shadowing", where, detail)))
    return found


def deleted_given(official: Path, tree: Path, folder: str) -> list[Signal]:
    """Given files of the week's package (the solution aside) the branch deleted."""
    package = f"{folder}/src/{folder}"
    found = []
    for name in tracked_files(official, package):
        if name.startswith(f"{package}/solution/") or (tree / name).exists():
            continue
        note = (
            " (the package then imports as a namespace package)"
            if name.endswith("__init__.py")
            else ""
        )
        found.append(Signal("deleted", name, f"a given file was deleted{note}"))
    return found


def scan(
    official: Path,
    tree: Path,
    folder: str,
    allowed: set[str] | None = None,
    allowed_in_tests: set[str] | None = None,
) -> list[Signal]:
    """Every static signal of the branch in ``tree`` (see the module docstring); ``allowed`` and
    ``allowed_in_tests`` default to ``taught`` and ``taught_in_tests``."""
    allowed = taught(official, folder) if allowed is None else allowed
    if allowed_in_tests is None:
        allowed_in_tests = taught_in_tests(official, folder)
    found = code_signals(official, tree, folder, allowed, allowed_in_tests)
    found += file_signals(official, tree, folder)
    found += symlink_signals(tree)
    found += [signal for _, signal in shadowing(official, tree, folder)]
    found += deleted_given(official, tree, folder)
    return found

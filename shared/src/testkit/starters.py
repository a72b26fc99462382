"""Generate a week's ``starter/`` package from its ``solution/`` package.

Markers (one source of truth, see CONTRIBUTING.md):

    # BEGIN SOLUTION <hint>          (``-- BEGIN SOLUTION <hint>`` in .sql files)
    ...solution code...
    # END SOLUTION

In the starter the block becomes ``raise NotImplementedError("TODO: <hint>")`` (in SQL: ``-- TODO:
<hint>``), indented like the BEGIN line. A block may give its starter text explicitly, for exercises
whose starter holds buggy code to fix:

    # BEGIN SOLUTION
    return total / count
    # REPLACE WITH
    # return total // count
    # END SOLUTION

Whole files: ``# starter: omit`` in the first five lines leaves the file out of the starter; a file
``name.ext.starter`` beside ``name.ext`` replaces it in the starter (and is not copied itself).
References to ``<package>.solution`` become ``<package>.starter``. A week's DSA problems
(``src/<package>/dsa/solution``) are a pair of their own, package ``<package>.dsa``.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

MAX_LINE = 100
COMMENT_STYLES = {".sql": "--"}
MARKED_SUFFIXES = {".py", ".pyi", ".sql", ".toml", ".ini", ".cfg", ".yaml", ".yml", ".sh", ".txt"}
STUB_SUFFIX = ".starter"
SKIP_DIRS = {"__pycache__", ".mypy_cache", ".ruff_cache"}


class MarkerError(ValueError):
    """A solution file has malformed markers; the message names the file and line."""


@dataclass(frozen=True)
class Pair:
    """A solution package and the starter package generated from it."""

    package: str
    solution: Path
    starter: Path


def _marker(prefix: str, word: str) -> re.Pattern[str]:
    return re.compile(rf"^(?P<indent>\s*){re.escape(prefix)} {word}(?:\s+(?P<hint>.*?))?\s*$")


@dataclass
class _Block:
    indent: str
    hint: str
    line: int
    replacement: list[str] | None = None


def render(text: str, suffix: str, where: str = "<text>") -> str:
    """Replace every marked block in ``text`` (a file with extension ``suffix``) by its starter form."""
    prefix = COMMENT_STYLES.get(suffix, "#")
    begin, middle, end = (
        _marker(prefix, w) for w in ("BEGIN SOLUTION", "REPLACE WITH", "END SOLUTION")
    )
    out: list[str] = []
    block: _Block | None = None
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        body = line.rstrip("\r\n")
        if block is None:
            if m := begin.match(body):
                block = _Block(m["indent"], m["hint"] or "implement this", number)
            elif middle.match(body) or end.match(body):
                raise MarkerError(f"{where}:{number}: marker outside a BEGIN SOLUTION block")
            else:
                out.append(line)
        elif begin.match(body):
            raise MarkerError(
                f"{where}:{number}: nested BEGIN SOLUTION (block opened at {block.line})"
            )
        elif middle.match(body):
            block.replacement = []
        elif end.match(body):
            out.extend(_starter_lines(block, prefix, where))
            block = None
        elif block.replacement is not None:
            block.replacement.append(_uncomment(body, prefix, f"{where}:{number}"))
    if block is not None:
        raise MarkerError(f"{where}:{block.line}: BEGIN SOLUTION without END SOLUTION")
    return "".join(out)


def _uncomment(body: str, prefix: str, where: str) -> str:
    stripped = body.lstrip()
    indent = body[: len(body) - len(stripped)]
    if stripped == prefix:
        return "\n"
    if not stripped.startswith(prefix + " "):
        raise MarkerError(f"{where}: REPLACE WITH lines must be comments starting with {prefix!r}")
    return indent + stripped[len(prefix) + 1 :] + "\n"


def _starter_lines(block: _Block, prefix: str, where: str) -> list[str]:
    if block.replacement is not None:
        return block.replacement
    if prefix == "#":
        message = json.dumps(f"TODO: {block.hint}", ensure_ascii=False)
        line = f"{block.indent}raise NotImplementedError({message})"
    else:
        line = f"{block.indent}{prefix} TODO: {block.hint}"
    if len(line) > MAX_LINE:
        raise MarkerError(f"{where}:{block.line}: hint too long for one line; shorten it")
    return [line + "\n"]


def _omitted(text: str, prefix: str) -> bool:
    return any(line.strip() == f"{prefix} starter: omit" for line in text.splitlines()[:5])


def generate(pair: Pair) -> dict[Path, bytes]:
    """Every file of the starter, as ``{path relative to the starter: content}``."""
    files: dict[Path, bytes] = {}
    for source in sorted(pair.solution.rglob("*")):
        rel = source.relative_to(pair.solution)
        if source.is_dir() or SKIP_DIRS.intersection(rel.parts) or source.name.endswith(".pyc"):
            continue
        if source.name.endswith(STUB_SUFFIX):
            target = rel.with_name(source.name.removesuffix(STUB_SUFFIX))
            files[target] = _rename(source.read_text(encoding="utf-8"), pair.package).encode()
            continue
        if (source.parent / (source.name + STUB_SUFFIX)).exists():
            continue  # replaced by its .starter sibling above
        data = source.read_bytes()
        if source.suffix in MARKED_SUFFIXES:
            text = data.decode("utf-8")
            if _omitted(text, COMMENT_STYLES.get(source.suffix, "#")):
                continue
            data = _rename(render(text, source.suffix, str(source)), pair.package).encode()
        files[rel] = data
    return files


def _rename(text: str, package: str) -> str:
    return re.sub(rf"\b{re.escape(package)}\.solution\b", f"{package}.starter", text)


def write(pair: Pair) -> list[Path]:
    """Regenerate the starter on disk (stale files removed); return the paths written."""
    files = generate(pair)
    if pair.starter.exists():
        shutil.rmtree(pair.starter)
    for rel, data in files.items():
        path = pair.starter / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return [pair.starter / rel for rel in files]


def drift(pair: Pair) -> list[str]:
    """What differs between the committed starter and the generated one (empty when in sync)."""
    expected = generate(pair)
    actual = (
        {
            p.relative_to(pair.starter): p.read_bytes()
            for p in pair.starter.rglob("*")
            if p.is_file() and not SKIP_DIRS.intersection(p.relative_to(pair.starter).parts)
        }
        if pair.starter.exists()
        else {}
    )
    problems = [f"missing in starter: {rel}" for rel in sorted(set(expected) - set(actual))]
    problems += [
        f"not generated from solution: {rel}" for rel in sorted(set(actual) - set(expected))
    ]
    problems += [
        f"differs from generated: {rel}"
        for rel in sorted(set(expected) & set(actual))
        if expected[rel] != actual[rel]
    ]
    return [f"{pair.starter}: {p}" for p in problems]


def find_pairs(root: Path, folders: list[str] | None = None) -> list[Pair]:
    """Every solution package of the course, with its starter path.

    A week's project (``<folder>/src/<package>/solution``) and its DSA problems
    (``<folder>/src/<package>/dsa/solution``, package ``<package>.dsa``) are pairs of their own.
    """
    pairs = []
    for pattern, depth in (("*/src/*/solution", 2), ("*/src/*/dsa/solution", 3)):
        for solution in sorted(root.glob(pattern)):
            folder = solution.parents[depth].name
            if solution.is_dir() and (folders is None or folder in folders):
                package = ".".join(solution.relative_to(solution.parents[depth - 1]).parts[:-1])
                pairs.append(Pair(package, solution, solution.parent / "starter"))
    return sorted(pairs, key=lambda pair: pair.solution)

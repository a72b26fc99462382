"""The course website's pages, made from the repository's own Markdown (no second copy).

``website/hooks.py`` (an MkDocs hook) asks this module for every page at build time:

- the course's Markdown files keep their repository paths, so relative links between READMEs work
  unchanged (``week03/README.md`` is the page ``week03/``);
- a link to a source file or folder (``src/week03/lectures/l1_http.py``) is rewritten to a
  generated page that shows it (``l1_http.py.md``: the code, highlighted), so the site is whole
  offline and strict mode catches any link to a file that does not exist;
- an image a page shows (``![chart](results/mix.svg)``) or links to is copied into the site as it
  is, and a link to it stays a link to that file;
- ```` ```python notest ```` fences become ```` ```python ```` (the word is for the tests);
- the tiers of ``weekNN/hints.md`` (``### 1. Nudge`` ...) become collapsed admonitions.
"""

from __future__ import annotations

import posixpath
import re
from collections import deque
from pathlib import Path
from typing import Any

from testkit import paths

LANGUAGES = {
    ".py": "python",
    ".sql": "sql",
    ".toml": "toml",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".ini": "ini",
    ".json": "json",
    ".patch": "diff",
    ".mako": "mako",
    ".starter": "python",
    ".cfg": "ini",
    ".txt": "text",
}
LARGEST_SHOWN = 64_000  # bytes; uv.lock and other generated files are only named
SKIPPED_FOLDERS = {"__pycache__", "node_modules", ".venv"}
IMAGE_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp"}  # copied, not shown as code
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]*)\]\((?P<target>[^)\s]+)\)")
_TARGET = re.compile(r"!?\[[^\]\n]*\]\((?P<target>[^)\s]+)\)")  # of a link or an image
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_NOTEST = re.compile(r"^(\s*(?:`{3,}|~{3,})\s*[\w+-]+)\s+notest\s*$", re.MULTILINE)


def course_pages(root: Path) -> list[str]:
    """The Markdown files the site starts from (more join when a page links to them)."""
    pages = ["README.md", "CONTRIBUTING.md", "shared/README.md"]
    pages += sorted(p.relative_to(root).as_posix() for p in (root / "docs").glob("*.md"))
    for folder in paths.week_folders(root):
        pages += [f"{folder}/{name}" for name in ("README.md", "hints.md")]
        pages += sorted(p.relative_to(root).as_posix() for p in (root / folder).glob("docs/*.md"))
        pages += list(_dsa_pages(root, folder).values())
    return [page for page in pages if (root / page).is_file()]


def _dsa_pages(root: Path, folder: str) -> dict[str, str]:
    """A week's DSA problem statements and their hints, by navigation title."""
    where = paths.dsa_dir(root, folder)
    if where is None:
        return {}
    base = where.relative_to(root).as_posix()
    return {"DSA problems": f"{base}/README.md", "DSA hints": f"{base}/hints.md"}


def _is_external(target: str) -> bool:
    return target.startswith(("#", "/", "mailto:")) or "://" in target


def _is_image(path: str) -> bool:
    return posixpath.splitext(path)[1] in IMAGE_SUFFIXES


def _resolve(page: str, target: str, root: Path) -> tuple[str, str] | None:
    """``(repository path, page path)`` a link leads to; None for external or missing targets."""
    path, _, _ = target.partition("#")
    if not path:
        return None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if resolved.startswith("../") or resolved == ".." or not (root / resolved).exists():
        return None
    if (root / resolved).is_dir():
        if (root / resolved / "README.md").is_file():
            return resolved, f"{resolved}/README.md".removeprefix("./")
        return resolved, f"{resolved}/index.md".removeprefix("./")
    if resolved.endswith(".md"):
        return resolved, resolved
    return resolved, f"{resolved}.md"


def rewrite_links(page: str, text: str, root: Path) -> tuple[str, set[str]]:
    """Point links to source files and folders at their generated pages.

    Returns the new text and the repository paths the page links to (files and folders).
    """
    needed: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        target = match["target"]
        if _is_external(target):
            return match[0]
        found = _resolve(page, target, root)
        if found is None:
            return match[0]  # a broken link stays broken: the strict build reports it
        repo_path, page_path = found
        if _is_image(repo_path):
            return match[0]  # the image itself, which the site copies (images below)
        needed.add(repo_path if not page_path.endswith("README.md") else page_path)
        anchor = target.partition("#")[2]
        link = posixpath.relpath(page_path, posixpath.dirname(page) or ".")
        return f"[{match['text']}]({link}{'#' + anchor if anchor else ''})"

    lines, fence = [], ""
    for line in text.splitlines(keepends=True):
        opening = _FENCE.match(line)
        if fence:
            fence = "" if opening and opening[1].startswith(fence) else fence
            lines.append(line)
        elif opening:
            fence = opening[1]
            lines.append(line)
        else:
            lines.append(_LINK.sub(replace, line))
    return "".join(lines), needed


def hint_admonitions(text: str) -> str:
    """``### 1. Nudge`` sections become collapsed ``??? tip "1. Nudge"`` admonitions."""
    out, inside = [], False
    for line in text.splitlines():
        if line.startswith("### "):
            out.append(f'??? tip "{line[4:].strip()}"')
            inside = True
        elif line.startswith("#"):
            inside = False
            out.append(line)
        else:
            out.append(f"    {line}" if inside and line.strip() else line)
    return "\n".join(out) + "\n"


def markdown_page(page: str, root: Path) -> tuple[str, set[str]]:
    text = (root / page).read_text(encoding="utf-8")
    text = _NOTEST.sub(r"\1", text)
    if posixpath.basename(page) == "hints.md":
        text = hint_admonitions(text)
    return rewrite_links(page, text, root)


def code_page(path: str, root: Path) -> str:
    """A page that shows one source file, highlighted (a large one is only named)."""
    if (root / path).stat().st_size > LARGEST_SHOWN:
        return f"# {posixpath.basename(path)}\n\n`{path}` is too large to show here: open it in the repository.\n"
    source = (root / path).read_text(encoding="utf-8", errors="replace")
    longest = max((len(run) for run in re.findall(r"`+", source)), default=0)
    fence = "`" * max(3, longest + 1)
    language = LANGUAGES.get(Path(path).suffix, "text")
    return f"# {posixpath.basename(path)}\n\n`{path}`\n\n{fence}{language}\n{source.rstrip()}\n{fence}\n"


def _listed(folder: Path) -> list[Path]:
    return sorted(
        child
        for child in folder.iterdir()
        if not child.name.startswith(".")
        and child.name not in SKIPPED_FOLDERS
        and (child.is_dir() or child.suffix in LANGUAGES or child.suffix == ".md")
    )


def folder_page(path: str, root: Path) -> tuple[str, set[str]]:
    """A page listing a folder; returns it and the files and folders it links to."""
    lines = [f"# {posixpath.basename(path)}/", "", f"`{path}/`", ""]
    children: set[str] = set()
    for child in _listed(root / path):
        name, repo_path = child.name, f"{path}/{child.name}"
        if child.is_dir() and (child / "README.md").is_file():
            lines.append(f"- [{name}/]({name}/README.md)")
            children.add(f"{repo_path}/README.md")
        elif child.is_dir():
            lines.append(f"- [{name}/]({name}/index.md)")
            children.add(repo_path)
        else:
            lines.append(f"- [{name}]({name if name.endswith('.md') else name + '.md'})")
            children.add(repo_path)
    return "\n".join(lines) + "\n", children


def build_pages(root: Path) -> dict[str, str]:
    """Every page of the site: ``{path in the site's docs: Markdown}``."""
    pages: dict[str, str] = {}
    queue = deque(course_pages(root))
    seen: set[str] = set(queue)
    while queue:
        path = queue.popleft()
        if path.endswith(".md"):
            pages[path], needed = markdown_page(path, root)
        elif (root / path).is_dir():
            pages[f"{path}/index.md"], needed = folder_page(path, root)
        else:
            pages[f"{path}.md"], needed = code_page(path, root), set()
        for item in sorted(needed - seen):
            seen.add(item)
            queue.append(item)
    return pages


def images(root: Path, pages: dict[str, str]) -> list[str]:
    """The repository paths of the local images that the Markdown ``pages`` show (the site copies
    them as they are); external and missing ones are left to the strict build."""
    found: set[str] = set()
    for page, text in pages.items():
        if page.endswith(".md") and (root / page).is_file():  # a course page, not a generated one
            for match in _TARGET.finditer(text):
                target = match["target"]
                at = None if _is_external(target) else _resolve(page, target, root)
                if at and _is_image(at[0]) and (root / at[0]).is_file():
                    found.add(at[0])
    return sorted(found)


def _title(page: Path) -> str | None:
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None


def navigation(root: Path) -> list[Any]:
    """Home, the syllabus, the DSA track, one section per week (notes and project, hints, guides,
    DSA problems), contributing."""

    def present(entries: dict[str, str]) -> list[Any]:
        return [{title: page} for title, page in entries.items() if (root / page).is_file()]

    weeks: list[Any] = []
    for folder in paths.week_folders(root):
        theme = paths.course_info(root, folder).get("title", folder)
        number = folder.removeprefix("week").lstrip("0")
        entries: list[Any] = [f"{folder}/README.md"]  # the section's own page (its title: H1)
        entries += present({"Hints": f"{folder}/hints.md"})
        for guide in sorted((root / folder).glob("docs/*.md")):
            title = _title(guide) or guide.stem.replace("_", " ").capitalize()
            entries.append({title: guide.relative_to(root).as_posix()})
        entries += present(_dsa_pages(root, folder))
        weeks.append({f"Week {number}: {theme}" if number.isdigit() else theme: entries})
    contributing = present({"Adding a week": "CONTRIBUTING.md", "The testkit": "shared/README.md"})
    return [
        *present({"Home": "README.md", "Syllabus": "docs/syllabus.md", "DSA track": "docs/dsa.md"}),
        *weeks,
        *([{"Contributing": contributing}] if contributing else []),
    ]

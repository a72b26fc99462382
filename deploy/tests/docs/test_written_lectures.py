"""The written lectures stay true: their links, diagrams, exercises and deployment configurations.

The lectures' code blocks run on their own (the testkit collects ``deploy/docs/*.md``). These tests
check what running cannot: every relative link (to the capstone's code, the ADRs, other weeks)
points at a file that exists and every ``#anchor`` at a heading there; every Mermaid block has a
known diagram type and none of the constructs that make GitHub's renderer fail; every lecture has
exercises and answers; and the deployment configurations agree with the app and with themselves.
No ``terraform`` binary can be installed here (no package registry ships one), so the Terraform
files get the checks that need no provider: balanced blocks, declared variables, existing
references.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[2]
DOCS = sorted((DEPLOY / "docs").glob("*.md"))
PAGES = [DEPLOY / "README.md", *DOCS]
PLATFORMS = DEPLOY / "platforms"
TERRAFORM = PLATFORMS / "aws"

LINK = re.compile(r"\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```(\S*)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
HEADING = re.compile(r"^#{1,6} (.+)$", re.MULTILINE)
MERMAID_TYPES = ("flowchart", "graph", "sequenceDiagram", "stateDiagram-v2", "erDiagram")


def without_code(text: str) -> str:
    """The page without its fenced blocks (a link or a heading in code is not one)."""
    return FENCE.sub("", text)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]|\[([^\]]*)\]\([^)]*\)", r"\1", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    seen: dict[str, int] = {}
    found = set()
    for heading in HEADING.findall(without_code(page.read_text(encoding="utf-8"))):
        base = slug(heading)
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def test_the_lectures_are_there() -> None:
    names = {page.name for page in DOCS}
    assert {"system-design.md", "architecture-patterns.md", "capstone-at-100x.md",
            "interview-prep.md", "complexity-and-sql.md", "cloud.md", "final-deliverable.md",
            "post-mortem.md"} <= names  # fmt: skip


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_relative_link_and_anchor_exists(page: Path) -> None:
    broken = []
    for link in LINK.findall(without_code(page.read_text(encoding="utf-8"))):
        if link.startswith(("http://", "https://", "mailto:")):
            continue
        path, _, anchor = link.partition("#")
        target = (page.parent / path).resolve() if path else page
        if not target.exists():
            broken.append(f"{link}: no such file")
        elif anchor and target.suffix == ".md" and anchor not in anchors(target):
            broken.append(f"{link}: no heading #{anchor} in {target.name}")
    assert not broken, f"{page.name}: " + "; ".join(broken)


def test_the_lectures_cite_the_capstones_code() -> None:
    """Each lecture ties its ideas to real capstone files (checked to exist above)."""
    for page in DOCS:
        cited = [lk for lk in LINK.findall(page.read_text(encoding="utf-8")) if "capstone/" in lk]
        assert len(cited) >= 3, f"{page.name} cites {len(cited)} capstone files"


@pytest.mark.parametrize("page", DOCS, ids=lambda page: page.name)
def test_exercises_come_with_answers(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "## Answers" in text or "## Exercises" in text, f"{page.name}: no exercises"
    assert re.search(r"^## Answers$", text, re.MULTILINE), f"{page.name}: no answers section"
    asked = re.findall(r"\*\*Exercise (\d+\.\d+)\.\*\*", text)
    answered = re.findall(r"^\*\*(\d+\.\d+)\.\*\*", text, re.MULTILINE)
    assert asked == answered, f"{page.name}: exercises {asked}, answers {answered}"


def mermaid_blocks() -> list[tuple[str, str]]:
    return [
        (f"{page.name}:{number}", block)
        for page in DOCS
        for number, (language, block) in enumerate(FENCE.findall(page.read_text(encoding="utf-8")))
        if language == "mermaid"
    ]


def test_there_are_diagrams() -> None:
    assert len(mermaid_blocks()) >= 7


@pytest.mark.parametrize(("where", "block"), mermaid_blocks(), ids=lambda v: v if ":" in v else "")
def test_mermaid_blocks_are_well_formed(where: str, block: str) -> None:
    lines = [line.strip() for line in block.splitlines() if line.strip()]
    assert lines[0].split()[0] in MERMAID_TYPES, f"{where}: unknown diagram type {lines[0]!r}"
    body = lines[1:]
    assert body, f"{where}: empty diagram"
    opened = sum(line.startswith("subgraph ") for line in body)
    assert opened == sum(line == "end" for line in body), f"{where}: subgraph without end"
    for line in body:
        # ";" ends a statement in Mermaid, and "/]" closes a parallelogram: both break a label.
        assert ";" not in line, f"{where}: ';' in {line!r} (write #59; or a comma)"
        assert not re.search(r"\[[^\"\[/][^\]\"]*/\]", line), f"{where}: unquoted '/]' in {line!r}"
        for opening, closing in ("[]", "()", "{}"):
            assert line.count(opening) == line.count(closing), f"{where}: unbalanced {line!r}"


def test_fly_serves_where_its_proxy_sends() -> None:
    fly = tomllib.loads((PLATFORMS / "fly.toml").read_text(encoding="utf-8"))
    port = fly["http_service"]["internal_port"]
    assert f"--port {port}" in fly["processes"]["app"]
    assert fly["env"]["APP_ENV"] == "production"
    assert "upgrade head" in fly["deploy"]["release_command"]


def test_railway_listens_on_the_injected_port() -> None:
    railway = tomllib.loads((PLATFORMS / "railway.toml").read_text(encoding="utf-8"))
    assert railway["build"]["builder"] == "DOCKERFILE"
    assert "${PORT" in railway["deploy"]["startCommand"]
    assert railway["deploy"]["startCommand"].startswith("/bin/sh -c")  # exec form would not expand
    assert all("upgrade head" in command for command in railway["deploy"]["preDeployCommand"])


@pytest.mark.parametrize("config", ["fly.toml", "railway.toml", "aws/main.tf"])
def test_configurations_point_at_the_capstone(config: str) -> None:
    """The app factory and the Alembic configuration they name exist in the capstone."""
    text = (PLATFORMS / config).read_text(encoding="utf-8")
    assert "capstone.solution.main:create_app" in text
    main = (DEPLOY.parent / "capstone/src/capstone/solution/main.py").read_text(encoding="utf-8")
    assert "def create_app(" in main
    if "alembic.ini" in text:
        assert (DEPLOY.parent / "capstone/alembic.ini").is_file()


def terraform_text() -> str:
    return "\n".join(
        re.sub(r"#.*$", "", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
        for path in sorted(TERRAFORM.glob("*.tf"))
    )


def test_terraform_blocks_are_balanced() -> None:
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', terraform_text())  # braces inside strings don't count
    for opening, closing in ("{}", "[]", "()"):
        assert text.count(opening) == text.count(closing), f"unbalanced {opening}{closing}"


def test_terraform_variables_are_declared_and_used() -> None:
    text = terraform_text()
    declared = set(re.findall(r'^variable "(\w+)"', text, re.MULTILINE))
    used = set(re.findall(r"\bvar\.(\w+)", text))
    assert used == declared, f"used but not declared: {used - declared}; unused: {declared - used}"


def test_terraform_references_exist() -> None:
    text = terraform_text()
    resources = set(re.findall(r'^resource "(\w+)" "(\w+)"', text, re.MULTILINE))
    data = set(re.findall(r'^data "(\w+)" "(\w+)"', text, re.MULTILINE))
    referenced = set(re.findall(r"(?<!data\.)\b((?:aws|random)_\w+)\.(\w+)\.\w+", text))
    assert referenced <= resources, f"unknown resources: {referenced - resources}"
    read = set(re.findall(r"\bdata\.(\w+)\.(\w+)", text))
    assert read <= data, f"unknown data sources: {read - data}"


def test_terraform_commits_no_secret() -> None:
    """Passwords come from random_password and reach the app through Secrets Manager only."""
    text = terraform_text()
    assert not re.search(r'(password|secret)\w*\s*=\s*"', text, re.IGNORECASE)
    assert "random_password.db.result" in text

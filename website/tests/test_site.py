"""The course website: a strict build, then a real headless Chromium reads two of its pages.

Run by `make docs-check` (part of `make ci`), which installs Debian's chromium first if needed.
Screenshots of both pages are kept in `.reports/docs/`.
"""

from __future__ import annotations

import functools
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from website.browser import Page, attributes, chromium, walk

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / ".reports" / "docs"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built in strict mode: a broken link or a missing page fails the build."""
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(Path(sys.executable).parent)},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def page() -> Iterator[Page]:
    with chromium() as page:
        yield page


def test_the_build_has_a_page_per_week_and_for_linked_code(site: Path) -> None:
    assert (site / "week03" / "index.html").is_file()
    assert (site / "week03" / "hints" / "index.html").is_file()
    assert (site / "week03" / "src" / "week03" / "lectures" / "l1_http.py" / "index.html").is_file()


def nav_labels(page: Page) -> list[str]:
    labels: list[str] = page.evaluate(
        "[...document.querySelectorAll('.md-nav--primary .md-nav__link')]"
        ".map(link => link.textContent.trim())"
    )
    return labels


def test_home_page_renders(page: Page, base_url: str) -> None:
    page.open(f"{base_url}/", ready="document.querySelector('.md-content h1')")

    assert page.evaluate("document.title").startswith("Python Backend Course")
    heading = page.evaluate("document.querySelector('.md-content h1').firstChild.textContent")
    assert heading == "Python Backend Course"
    labels = nav_labels(page)
    assert "Syllabus" in labels
    assert "Week 3: FastAPI core" in labels
    assert page.evaluate("document.querySelectorAll('.md-content pre > code').length") > 0
    page.screenshot(SCREENSHOTS / "home.png")


def mermaid_svgs(page: Page) -> list[int]:
    """For each Mermaid diagram the theme drew: how many shapes its SVG has."""
    counts = []
    for node in walk(page.dom()):
        if "mermaid" in attributes(node).get("class", "").split() and node.get("shadowRoots"):
            svgs = [n for n in walk(node) if n.get("nodeName") == "svg"]
            counts += [
                sum(1 for n in walk(svg) if n.get("nodeName") in ("g", "path")) for svg in svgs
            ]
    return counts


def test_a_lesson_renders_code_and_its_mermaid_diagram(page: Page, base_url: str) -> None:
    page.open(f"{base_url}/week05/", ready="document.querySelector('.md-content h1')")
    page.wait_for("document.querySelector('div.mermaid')")  # the theme replaced the source

    assert page.evaluate("document.title").startswith("Week 5")
    assert "Week 5: SQL and PostgreSQL fundamentals" in nav_labels(page)
    code = page.evaluate("document.querySelector('.md-content .highlight code').textContent")
    assert code.strip()
    drawn = mermaid_svgs(page)
    assert drawn, "no Mermaid diagram was drawn as SVG"
    assert min(drawn) > 10, f"a diagram's SVG is nearly empty: {drawn} shapes"
    page.evaluate("document.querySelector('div.mermaid').scrollIntoView()")
    page.screenshot(SCREENSHOTS / "lesson.png")

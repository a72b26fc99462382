"""The website's pages: the course's own Markdown, links to code rewritten to generated pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit import website


@pytest.fixture
def course(tmp_path: Path) -> Path:
    root = tmp_path
    (root / "uv.lock").write_text("")
    (root / "shared").mkdir()
    (root / "shared" / "README.md").write_text("# The testkit\n")
    (root / "README.md").write_text("# Course\n\n[Week 99](week99/README.md)\n")
    (root / "docs").mkdir()
    (root / "docs" / "syllabus.md").write_text("# Syllabus\n")
    week = root / "week99"
    (week / "src" / "week99" / "lectures").mkdir(parents=True)
    (week / "docs").mkdir()
    (week / "pyproject.toml").write_text('[tool.course]\ntitle = "Samples"\n')
    (week / "src" / "week99" / "lectures" / "l1_demo.py").write_text('print("``` inside")\n')
    (week / "src" / "week99" / "lectures" / "__pycache__").mkdir()
    (week / "docs" / "guide.md").write_text("# A guide\n\n[back](../README.md#goals)\n")
    (week / "hints.md").write_text(
        "# Hints\n\n## Task 1: Demo\n\n### 1. Nudge\nRead L1.\n\n### 2. Approach\nLoop.\n"
    )
    (week / "README.md").write_text(
        "# Week 99\n\n## Goals\n\n"
        "See [l1_demo.py](src/week99/lectures/l1_demo.py#L1), [lectures](src/week99/lectures),\n"
        "[the guide](docs/guide.md), [hints](hints.md), [gone](src/missing.py),\n"
        "[FastAPI](https://fastapi.tiangolo.com) and [up](#goals).\n\n"
        "```python notest\nx = '[not a link](src/week99)'\n```\n"
    )
    return root


def test_course_pages_are_the_readmes_hints_guides_and_syllabus(course: Path) -> None:
    assert website.course_pages(course) == [
        "README.md",
        "shared/README.md",
        "docs/syllabus.md",
        "week99/README.md",
        "week99/hints.md",
        "week99/docs/guide.md",
    ]


def test_links_to_code_and_folders_point_at_generated_pages(course: Path) -> None:
    pages = website.build_pages(course)
    readme = pages["week99/README.md"]

    assert "[l1_demo.py](src/week99/lectures/l1_demo.py.md#L1)" in readme
    assert "[lectures](src/week99/lectures/index.md)" in readme
    assert "[the guide](docs/guide.md)" in readme
    assert "[gone](src/missing.py)" in readme  # left broken: the strict build reports it
    assert "[FastAPI](https://fastapi.tiangolo.com)" in readme
    assert "[up](#goals)" in readme
    # Code blocks are not touched, and the test-only word leaves the fence.
    assert "```python\nx = '[not a link](src/week99)'\n```" in readme
    assert "[back](../README.md#goals)" in pages["week99/docs/guide.md"]


def test_the_local_images_a_page_shows_are_copied(course: Path) -> None:
    (course / "week99" / "docs" / "chart.svg").write_text("<svg/>")
    (course / "week99" / "docs" / "guide.md").write_text(
        "# A guide\n\n![chart](chart.svg) ![remote](https://example.com/a.png) ![gone](no.png)\n"
    )
    assert website.images(course, website.build_pages(course)) == ["week99/docs/chart.svg"]


def test_a_linked_image_is_copied_and_gets_no_code_page(course: Path) -> None:
    (course / "week99" / "docs" / "chart.svg").write_text("<svg/>")
    (course / "week99" / "docs" / "guide.md").write_text(
        "# A guide\n\nThe [chart](chart.svg), shown: ![chart](chart.svg)\n"
    )
    pages = website.build_pages(course)
    assert "week99/docs/chart.svg.md" not in pages  # its page would clash with the copied file
    assert "The [chart](chart.svg)" in pages["week99/docs/guide.md"]
    assert website.images(course, pages) == ["week99/docs/chart.svg"]


def test_code_and_folder_pages(course: Path) -> None:
    pages = website.build_pages(course)

    code = pages["week99/src/week99/lectures/l1_demo.py.md"]
    assert code.startswith("# l1_demo.py\n")
    assert '````python\nprint("``` inside")\n````' in code  # a fence longer than any inside
    listing = pages["week99/src/week99/lectures/index.md"]
    assert "- [l1_demo.py](l1_demo.py.md)" in listing
    assert "__pycache__" not in listing


def test_a_large_file_is_named_not_shown(course: Path) -> None:
    (course / "big.sql").write_text("-- x\n" * 20_000)
    (course / "README.md").write_text("[data](big.sql)\n")
    page = website.build_pages(course)["big.sql.md"]
    assert "too large to show" in page
    assert "-- x" not in page


def test_hint_tiers_become_collapsed_admonitions(course: Path) -> None:
    hints = website.build_pages(course)["week99/hints.md"]
    assert '## Task 1: Demo\n\n??? tip "1. Nudge"\n    Read L1.\n' in hints
    assert '??? tip "2. Approach"\n    Loop.\n' in hints


def test_navigation_has_one_section_per_week(course: Path) -> None:
    assert website.navigation(course) == [
        {"Home": "README.md"},
        {"Syllabus": "docs/syllabus.md"},
        {
            "Week 99: Samples": [
                "week99/README.md",
                {"Hints": "week99/hints.md"},
                {"A guide": "week99/docs/guide.md"},
            ]
        },
        {"Contributing": [{"The testkit": "shared/README.md"}]},  # no CONTRIBUTING.md here
    ]

"""MkDocs hooks: the site's pages come from the repository's own Markdown (``testkit.website``)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from testkit import paths, website

ROOT = Path(__file__).resolve().parent.parent
# Mermaid, served by the site itself (`make docs` fetches it); without it the theme loads it from
# a CDN, which needs the internet.
MERMAID = ROOT / "build" / "vendor" / "mermaid.min.js"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.nav = website.navigation(ROOT)
    if MERMAID.is_file():
        config.extra_javascript.append("assets/vendor/mermaid.min.js")
    # `make docs-serve` rebuilds when any page's source changes.
    config.watch.extend(
        str(ROOT / p) for p in ["README.md", "CONTRIBUTING.md", "docs", "shared/README.md"]
    )
    config.watch.extend(str(ROOT / folder) for folder in paths.week_folders(ROOT))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages = website.build_pages(ROOT)
    for src_uri, content in pages.items():
        files.append(File.generated(config, src_uri, content=content))
    for image in website.images(ROOT, pages):
        files.append(File.generated(config, image, abs_src_path=str(ROOT / image)))
    if MERMAID.is_file():
        files.append(
            File.generated(config, "assets/vendor/mermaid.min.js", abs_src_path=str(MERMAID))
        )
    return files

"""Where things are: the course root and the folder of each week."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path


def course_root(start: Path | None = None) -> Path:
    """The workspace root: ``$COURSE_ROOT``, else the nearest parent holding ``uv.lock``."""
    if env := os.environ.get("COURSE_ROOT"):
        return Path(env).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "uv.lock").is_file() and (folder / "shared").is_dir():
            return folder
    raise FileNotFoundError(f"no course root (a folder with uv.lock and shared/) above {here}")


def week_folder(number: int | str) -> str:
    """Folder of course week ``number``: 1-12 -> weekNN, 13-14 -> capstone, 15-16 -> deploy."""
    text = str(number).strip()
    if text in ("capstone", "deploy") or (text.startswith("week") and text[4:].isdigit()):
        return text if not text.startswith("week") else f"week{int(text[4:]):02d}"
    if not text.isdigit() or not 1 <= int(text) <= 16:
        raise ValueError(f"week must be a number from 1 to 16, got {number!r}")
    week = int(text)
    if week <= 12:
        return f"week{week:02d}"
    return "capstone" if week <= 14 else "deploy"


def week_folders(root: Path) -> list[str]:
    """Every course folder present in this checkout, in course order."""
    names = sorted(p.name for p in root.glob("week[0-9][0-9]") if (p / "pyproject.toml").is_file())
    names += [n for n in ("capstone", "deploy") if (root / n / "pyproject.toml").is_file()]
    return names


def course_info(root: Path, folder: str) -> dict[str, str]:
    """A folder's ``[tool.course]`` table (``title``, ``status``); empty if it has none."""
    try:
        data = tomllib.loads((root / folder / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    return {str(k): str(v) for k, v in data.get("tool", {}).get("course", {}).items()}


def dsa_dir(root: Path, folder: str) -> Path | None:
    """``<folder>/src/<package>/dsa``, the folder's DSA problems (statements, hints, code); or None."""
    found = sorted(p.parent for p in (root / folder / "src").glob("*/dsa/__init__.py"))
    return found[0] if found else None

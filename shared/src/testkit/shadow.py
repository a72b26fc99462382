"""Temporary copies of a week's implementation package, imported in place of the real one.

The testkit runs a week's tests against code that is not in the checkout: a mutant (the solution
with a planted bug) or a "finished starter" (the solution under the starter's name, which is what a
student who has done every task has). A *shadow* of the week package makes that possible without
touching the checkout:

    <tmp>/src/week03/__init__.py      the real one, plus  __path__.append("<checkout>/.../week03")
    <tmp>/src/week03/solution/        the copy (a mutant, say)

With ``<tmp>/src`` first on ``PYTHONPATH`` (``Shadow.env()``), ``week03.solution`` is imported from
the copy and every other subpackage and module (``lectures``, ``starter``) still from the
checkout; data files beside them (``week05/dataset.sql``) are linked in, so code that reads files
relative to its own package finds them. Test subprocesses inherit ``PYTHONPATH``, so a test that
runs ``python -m week03.solution.cli`` gets the copy as well. The tests select the implementation
with ``--impl`` as always.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from testkit.starters import SKIP_DIRS, STUB_SUFFIX


class Shadow:
    """A shadow of one week package in ``root`` (a temporary folder the caller owns)."""

    def __init__(self, package_dir: Path, root: Path) -> None:
        self.package = package_dir.name
        self.real = package_dir.resolve()
        self.src = root / "src"
        self.dir = self.src / self.package
        _mirror(self.real, self.dir)

    def copy(self, source: str, name: str, *, skip_stubs: bool = False) -> Path:
        """Copy the real ``<package>.<source>`` in as ``<package>.<name>``; return its folder.

        References to ``<package>.<source>`` in the copied text become ``<package>.<name>``.
        ``skip_stubs`` leaves out ``*.starter`` replacement files (a finished starter is the
        solution itself). Both may name a nested package with the same parent: ``dsa.solution``
        copied as ``dsa.starter`` shadows ``<package>.dsa`` the way the week package is.
        """
        parent, _, leaf = source.rpartition(".")
        if name.rpartition(".")[0] != parent:
            raise ValueError(f"{source!r} and {name!r} must be in the same package")
        real, here = self.real.joinpath(*parent.split(".")), self.dir.joinpath(*parent.split("."))
        if parent and not (here / "__init__.py").exists():
            _mirror(real, here)
        origin, target = real / leaf, here / name.rpartition(".")[2]
        pattern = re.compile(rf"\b{re.escape(self.package)}\.{re.escape(source)}\b")
        for path in sorted(origin.rglob("*")):
            rel = path.relative_to(origin)
            if path.is_dir() or SKIP_DIRS.intersection(rel.parts) or path.suffix == ".pyc":
                continue
            if skip_stubs and path.name.endswith(STUB_SUFFIX):
                continue
            out = target / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            if source != name and path.suffix in {".py", ".pyi", ".sql", ".toml", ".txt"}:
                text = path.read_text(encoding="utf-8")
                out.write_text(pattern.sub(f"{self.package}.{name}", text), encoding="utf-8")
            else:
                shutil.copyfile(path, out)
        return target

    def env(self) -> dict[str, str]:
        """The environment entries that make a test run import from this shadow."""
        return {"PYTHONPATH": str(self.src)}


def _mirror(real: Path, here: Path) -> None:
    """``here`` as a stand-in for the package ``real``: its ``__init__.py`` extended to import
    the rest from ``real``, and links to the data files beside the code."""
    here.mkdir(parents=True)
    init = (real / "__init__.py").read_text(encoding="utf-8")
    line = f"__path__.append({str(real)!r})  # testkit shadow: the rest from the checkout"
    (here / "__init__.py").write_text(f"{init.rstrip()}\n\n{line}\n", encoding="utf-8")
    for entry in real.iterdir():  # data files beside the code (week05/dataset.sql)
        code = entry.suffix == ".py" or (entry / "__init__.py").is_file()
        if not code and entry.name not in SKIP_DIRS:
            (here / entry.name).symlink_to(entry)


@contextmanager
def shadow(package_dir: Path) -> Iterator[Shadow]:
    """A shadow of ``package_dir`` (``weekNN/src/weekNN``) in a temporary folder, removed after."""
    with tempfile.TemporaryDirectory(prefix="testkit-shadow-") as tmp:
        yield Shadow(package_dir, Path(tmp))


def package_dir(root: Path, folder: str) -> Path:
    """``<root>/<folder>/src/<package>``: the one package of a course folder."""
    packages = [
        p for p in sorted((root / folder / "src").glob("*")) if (p / "__init__.py").is_file()
    ]
    if len(packages) != 1:
        raise ValueError(f"{folder}/src should hold exactly one package, found {len(packages)}")
    return packages[0]

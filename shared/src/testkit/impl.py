"""Which implementation of a week's project the tests run against.

Project tests never import ``weekNN.solution`` directly. They ask for a module of "the current
implementation", chosen once per test run with ``pytest --impl starter`` (or ``IMPL=starter``):

    from testkit import impl_module
    service = impl_module("week03", "tasks.service")   # week03.solution.tasks.service by default
"""

from __future__ import annotations

import importlib
import os
import re
from types import ModuleType

DEFAULT_IMPL = "solution"
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
_selected = os.environ.get("IMPL") or DEFAULT_IMPL


class ImplNotFoundError(ImportError):
    """The chosen implementation package does not exist in the week."""


def validate(name: str) -> str:
    """Return ``name`` if it can be an implementation package name, else raise ``ValueError``."""
    if not _NAME.match(name):
        raise ValueError(
            f"invalid implementation name {name!r}: use solution, starter or a package name"
        )
    return name


def select(name: str) -> None:
    """Choose the implementation for this process (the pytest plugin calls this from ``--impl``)."""
    global _selected  # one process-wide choice, set once at start-up
    _selected = validate(name)


def current() -> str:
    """The implementation chosen for this process: ``solution`` unless told otherwise."""
    return _selected


def impl_module(package: str, module: str = "") -> ModuleType:
    """Import ``<package>.<current impl>[.<module>]``, e.g. ``impl_module("week03", "main")``."""
    base = f"{package}.{_selected}"
    try:
        importlib.import_module(base)
    except ModuleNotFoundError as exc:
        if exc.name in (package, base):
            raise ImplNotFoundError(
                f"implementation {_selected!r} not found: there is no package {base!r}"
            ) from exc
        raise
    return importlib.import_module(f"{base}.{module}" if module else base)

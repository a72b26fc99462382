"""Running server binaries: free ports, readiness polling, and dropping root for PostgreSQL."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from testkit.services.errors import ServiceUnavailable

UNPRIVILEGED_USER = os.environ.get("TESTKIT_SERVICE_USER", "nobody")


class StartedInWith:
    """``with Server() as server``: ``start()`` on entry (it returns the server), ``close()`` on
    exit, even when the block failed. Subclasses define the two."""

    def start(self) -> Self:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(frozen=True)
class RunAs:
    """The account a server runs as (PostgreSQL refuses to run as root)."""

    uid: int
    gid: int

    @classmethod
    def for_postgres(cls) -> RunAs | None:
        """``None`` (run as ourselves) unless we are root, then the unprivileged user."""
        if os.geteuid() != 0:
            return None
        try:
            entry = pwd.getpwnam(UNPRIVILEGED_USER)
        except KeyError as exc:
            raise ServiceUnavailable(
                f"running as root, and PostgreSQL refuses root: user {UNPRIVILEGED_USER!r} is missing "
                "(set TESTKIT_SERVICE_USER to an unprivileged account)"
            ) from exc
        return cls(entry.pw_uid, entry.pw_gid)

    def own(self, path: Path) -> None:
        os.chown(path, self.uid, self.gid)


def run(
    cmd: Sequence[str | Path], run_as: RunAs | None, cwd: Path, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run a server tool, as ``run_as`` if given; raise ServiceUnavailable with its output on failure."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "LANG": "C"}
    try:
        result = subprocess.run(  # noqa: S603 - fixed server binaries, no shell
            [str(c) for c in cmd],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            user=run_as.uid if run_as else None,
            group=run_as.gid if run_as else None,
            extra_groups=[] if run_as else None,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ServiceUnavailable(f"{Path(str(cmd[0])).name} failed to run: {exc}") from exc
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()[-1500:]
        raise ServiceUnavailable(
            f"{Path(str(cmd[0])).name} exited with {result.returncode}:\n{output}"
        )
    return result


def wheel_file(package: str, *parts: str) -> Path | None:
    """A file shipped inside an installed wheel (``package``), or None if absent."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent.joinpath(*parts)
    return path if path.exists() else None


def reachable_by_others(path: Path) -> bool:
    """True when a user other than the owner may traverse every folder down to ``path``."""
    return all(p.stat().st_mode & 0o001 for p in (path, *path.parents) if p.exists())


def temp_base(run_as: RunAs | None) -> Path:
    """Where throwaway servers go: the temp folder, or /tmp if ``run_as`` could not reach it."""
    base = Path(tempfile.gettempdir())
    if run_as is not None and not reachable_by_others(base):
        return Path("/tmp")  # noqa: S108 - world-traversable by definition
    return base


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def wait_until(check: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll ``check`` until it is true; raise ServiceUnavailable after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise ServiceUnavailable(f"{what} not ready after {timeout:.0f} s")
        time.sleep(0.01)


def reachable_install(install: Path, run_as: RunAs | None, probe: str) -> Path:
    """An installation folder ``run_as`` can execute from: ``install`` itself, or a copy of it.

    A checkout (and its .venv, where the pip wheels put their binaries) may sit under a folder only
    root may enter, such as /root. The unprivileged user cannot reach binaries there, so we copy the
    installation once to a world-readable cache folder and run it from there. A wheel's vendored
    libraries (``<package>.libs`` beside the package, found through a relative RPATH) come along.
    """
    if run_as is None or _can_run(install / probe, run_as):
        return install
    identity = (
        f"{install.resolve()}:{(install / probe).stat().st_mtime_ns}"  # a new wheel, a new copy
    )
    digest = hashlib.sha256(identity.encode()).hexdigest()[:12]
    cache = Path("/tmp") / f"course-testkit-bin-{digest}"  # noqa: S108 - must be world-traversable
    target = cache / install.parent.name / install.name
    if not (cache / ".complete").exists():
        staging = Path(tempfile.mkdtemp(prefix="course-testkit-copy-", dir="/tmp"))
        shutil.copytree(install, staging / install.parent.name / install.name, symlinks=True)
        libs = install.parent.parent / f"{install.parent.name}.libs"
        if libs.is_dir():
            shutil.copytree(libs, staging / libs.name, symlinks=True)
        for folder in (staging, *staging.rglob("*")):
            if folder.is_dir():
                folder.chmod(0o755)
        (staging / ".complete").touch()
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(cache)
        staging.rename(cache)
    return target


def _can_run(binary: Path, run_as: RunAs) -> bool:
    try:
        run([binary, "--version"], run_as, cwd=Path("/"), timeout=10)
    except ServiceUnavailable:
        return False
    return True

"""Where graded code runs: a bubblewrap sandbox, or (on a laptop, with a warning) none.

Every process that runs a student's code (the tests, the OpenAPI document, the migrations) is
started here, as ``python -I -B -m testkit.grading.inside SPEC`` (see ``inside``). With
``bubblewrap`` (apt ``bubblewrap``; ``make bootstrap`` installs it when it runs as root):

- an unprivileged user: as root, a uid of its own per concurrent run (``TESTKIT_SANDBOX_UID``,
  default 61000, plus the slot), no capabilities, no new privileges; otherwise the grader's own
  uid inside a user namespace;
- no network: a new network namespace with only the loopback device, so the week's own
  PostgreSQL and Redis (started inside) still work; new PID, IPC and UTS namespaces;
- a read-only view of the system folders (``/usr``, ``/etc``, ...), the Python installation, the
  locked environment, the testkit and the graded tree; a size-limited ``/tmp`` is the only
  writable place. Everything else (the grader's checkout with the reference solution, hidden
  tests, other branches, the reports, home folders, ``/run`` sockets) does not exist inside;
- limits (``Limits``: CPU seconds, memory, processes, file size, open files) set by ``inside``
  before any student code runs;
- the whole process tree dies with the run: when the first process exits or is killed, the PID
  namespace ends and the kernel kills every process left in it (daemons included).

``none`` runs the same command directly, as the grader, with a process group that is killed and
a sweep for processes that escaped it; it protects nothing, and every report says so.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

import testkit
from testkit.grading import stream

Kind = Literal["bubblewrap", "none"]
KINDS: tuple[Kind, ...] = ("bubblewrap", "none")
SYSTEM_FOLDERS = ("/usr", "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
SCRATCH = Path("/tmp")  # noqa: S108 - inside the sandbox: a private tmpfs of its own
OUTPUT_TAIL = 4000
PASSED_ENV = ("PG_BINDIR", "REDIS_SERVER", "TESTKIT_SERVICE_USER")
UNSAFE_WARNING = (
    "graded WITHOUT a sandbox (--sandbox none): the student's code ran with the grader's rights "
    "and could read the reference solution and rewrite results; use these points only for a "
    "branch you trust"
)
HOW_TO_INSTALL = (
    "bubblewrap (bwrap) is not installed. Grading runs students' code in a bubblewrap sandbox:\n"
    "  - apt-get install bubblewrap (Debian/Ubuntu; `make bootstrap` does it when run as root),\n"
    "    dnf install bubblewrap, pacman -S bubblewrap;\n"
    "  - or grade without a sandbox (unsafe, reports say so): --sandbox none / SANDBOX=none."
)


class SandboxUnavailable(RuntimeError):
    """The sandbox cannot run on this machine; the message says how to fix it."""


@dataclass(frozen=True)
class Limits:
    """Resource limits of one sandboxed run (set with setrlimit before any student code runs)."""

    cpu_seconds: int = 600
    memory_bytes: int = 4 << 30  # address space: leaves room for thread stacks and arenas
    processes: int = 256  # bubblewrap as root only: counted per uid, and each run has its own
    file_bytes: int = 1 << 30
    open_files: int = 1024
    scratch_bytes: int = 2 << 30  # the size of /tmp inside


def default_kind() -> str:
    """``TESTKIT_SANDBOX`` or ``bubblewrap``."""
    return os.environ.get("TESTKIT_SANDBOX") or "bubblewrap"


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


@dataclass
class Process:
    """A started run: its Popen and how to end every process it made."""

    popen: subprocess.Popen[bytes]
    token: str
    sandboxed: bool
    cleanup: list[Path] = field(default_factory=list)
    release: Callable[[], None] = lambda: None  # gives the run's uid back

    def kill(self) -> None:
        """Kill the run's whole process tree and reap it."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait()
        if not self.sandboxed:
            sweep(self.token)

    def close(self) -> None:
        self.kill()
        for path in self.cleanup:
            shutil.rmtree(path, ignore_errors=True)
        self.release()


def make_readable(tree: Path) -> None:
    """Let every user read ``tree`` (a grader's temporary copy): the sandbox's uid is not ours."""
    for folder, _, files in os.walk(tree):
        for path in (Path(folder), *(Path(folder) / f for f in files)):
            mode = path.lstat().st_mode
            wanted = mode | (0o555 if path.is_dir() else 0o444)
            if not path.is_symlink() and mode != wanted:
                path.chmod(wanted)


def sweep(token: str) -> int:
    """Kill processes that carry ``token`` in their environment (left its process group); Linux."""
    marker = f"TESTKIT_RUN={token}".encode()
    killed = 0
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if marker in (entry / "environ").read_bytes().split(b"\0"):
                os.kill(int(entry.name), signal.SIGKILL)
                killed += 1
        except (OSError, ValueError):
            continue
    return killed


@dataclass
class Call:
    """What a short sandboxed run (``Sandbox.call``) sent and printed."""

    events: list[stream.Event]
    output: str
    exit_code: int | None
    timed_out: bool

    def event(self, kind: str) -> stream.Event | None:
        return next((e for e in self.events if e["event"] == kind), None)

    def error(self) -> str:
        """Why it failed: its ``error`` event, else the last line of its output."""
        if (event := self.event("error")) is not None:
            return str(event.get("message"))
        lines = [line.strip() for line in self.output.splitlines() if line.strip()]
        return lines[-1][:300] if lines else f"no output (exit code {self.exit_code})"


@dataclass
class Sandbox:
    """How this grading session starts graded code (``kind``), and with which limits.

    ``work`` is a grader-private folder (mode 700) for the none-kind scratch folders and the
    sandbox's ``/etc/passwd``; ``hide`` are folders that must stay out of reach even where they
    lie inside an exposed folder (the reports, hidden tests, the grader's checkout).
    """

    kind: Kind
    work: Path
    hide: Sequence[Path] = ()
    limits: Limits = field(default_factory=Limits)
    expose: Sequence[Path] = ()  # more read-only folders (tools outside the usual places)
    _free: set[int] = field(default_factory=set, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _next: int = field(default=0, init=False, repr=False)

    @classmethod
    def create(cls, kind: str, work: Path, **options: Any) -> Sandbox:
        """A sandbox of ``kind``; ``SandboxUnavailable`` if bubblewrap cannot run here."""
        if kind not in KINDS:
            raise ValueError(f"unknown sandbox {kind!r}: use one of {', '.join(KINDS)}")
        sandbox = cls(kind, work, **options)
        if kind == "bubblewrap":
            sandbox.probe()
        return sandbox

    @property
    def privileged(self) -> bool:
        return os.geteuid() == 0

    @property
    def description(self) -> str:
        if self.kind == "none":
            return "none"
        user = "own uid per run, no capabilities" if self.privileged else "user namespace"
        return f"bubblewrap ({user}; loopback-only network; read-only system, private /tmp)"

    @property
    def warning(self) -> str | None:
        return UNSAFE_WARNING if self.kind == "none" else None

    def probe(self) -> None:
        """Start one trivial sandbox: does bubblewrap work on this machine (namespaces allowed)?"""
        if shutil.which("bwrap") is None:
            raise SandboxUnavailable(HOW_TO_INSTALL)
        with self._slot() as slot:
            command = self._bwrap(slot, None, {}, [sys.executable, "-I", "-c", "pass"])
            done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        if done.returncode != 0:
            raise SandboxUnavailable(
                f"bubblewrap does not work here ({done.stderr.strip() or done.returncode}); "
                "on Ubuntu 24.04 unprivileged user namespaces may need "
                "`sysctl kernel.apparmor_restrict_unprivileged_userns=0`, or run as root, "
                "or grade without a sandbox: --sandbox none"
            )

    def _acquire(self) -> int:
        """A number no other run of this session uses right now (for its uid)."""
        with self._lock:
            slot = min(self._free) if self._free else self._next
            self._free.discard(slot)
            self._next = max(self._next, slot + 1)
            return slot

    def _release(self, slot: int) -> None:
        with self._lock:
            self._free.add(slot)

    @contextlib.contextmanager
    def _slot(self) -> Iterator[int]:
        slot = self._acquire()
        try:
            yield slot
        finally:
            self._release(slot)

    def exposed(self, tree: Path | None) -> list[Path]:
        """Read-only folders inside the sandbox besides the system ones."""
        python = Path(sys.executable).resolve().parent.parent
        testkit_src = Path(testkit.__file__).resolve().parent.parent
        found = [Path(sys.base_prefix), Path(sys.prefix), python, testkit_src, *self.expose]
        found += [Path(os.environ[k]) for k in ("PG_BINDIR",) if os.environ.get(k)]
        found += [Path(os.environ[k]).parent for k in ("REDIS_SERVER",) if os.environ.get(k)]
        if tree is not None:
            found.append(tree)
        return sorted({p.resolve() for p in found if p.exists()}, key=lambda p: len(p.parts))

    def _identity(self, slot: int) -> list[str]:
        """bwrap options that make the run an unprivileged user (with an /etc/passwd entry)."""
        if not self.privileged:
            return ["--unshare-user"]
        uid = int(os.environ.get("TESTKIT_SANDBOX_UID", "61000")) + slot
        etc = self.work / "etc" / str(uid)
        if not (etc / "group").exists():
            etc.mkdir(parents=True, exist_ok=True)
            (etc / "passwd").write_text(
                f"root:x:0:0:root:/root:/bin/sh\nstudent:x:{uid}:{uid}:student:/tmp/home:/bin/sh\n"
            )
            (etc / "group").write_text(f"root:x:0:\nstudent:x:{uid}:\n")
        return ["--ro-bind", str(etc / "passwd"), "/etc/passwd",
                "--ro-bind", str(etc / "group"), "/etc/group",
                "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--",
                "setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"]  # fmt: skip

    def _bwrap(
        self, slot: int, tree: Path | None, env: Mapping[str, str], argv: Sequence[str]
    ) -> list[str]:
        command = ["bwrap", "--die-with-parent", "--new-session", "--unshare-net",
                   "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"]  # fmt: skip
        command += self._mounts(tree)
        command += ["--chdir", str(SCRATCH), "--clearenv"]
        for key, value in env.items():
            command += ["--setenv", key, value]
        return [*command, *self._identity(slot), "--", *argv]

    def _mounts(self, tree: Path | None) -> list[str]:
        """The file system inside: system folders, ``exposed`` ones, all read-only; a new /tmp."""
        mounts = []
        for folder in map(Path, SYSTEM_FOLDERS):
            if folder.is_symlink():  # merged /usr: /bin -> usr/bin
                mounts += ["--symlink", str(folder.readlink()), str(folder)]
            elif folder.is_dir():
                mounts += ["--ro-bind", str(folder), str(folder)]
        mounts += ["--dev", "/dev", "--perms", "1777", "--tmpfs", "/dev/shm", "--proc", "/proc"]  # noqa: S108 - a tmpfs of its own
        mounts += [
            "--perms",
            "1777",
            "--size",
            str(self.limits.scratch_bytes),
            "--tmpfs",
            str(SCRATCH),
        ]
        exposed = self.exposed(tree)
        made = {Path("/"), SCRATCH, *map(Path, SYSTEM_FOLDERS)}
        for path in exposed:
            for parent in reversed(path.parents):
                # bwrap would make missing parents with mode 700: the user could not pass them.
                if parent not in made and not any(_inside(parent, e) for e in exposed if e != path):
                    mounts += ["--perms", "0755", "--dir", str(parent)]
                made.add(parent)
            mounts += ["--ro-bind", str(path), str(path)]
        for path in sorted({h.resolve() for h in self.hide}, key=lambda p: len(p.parts)):
            if any(_inside(path, e) and path != e for e in exposed):  # else it is not there anyway
                mounts += (
                    ["--tmpfs", str(path)]
                    if path.is_dir()
                    else ["--ro-bind", "/dev/null", str(path)]
                )
        return mounts

    def start(
        self,
        mode: str,
        payload: Mapping[str, Any],
        *,
        tree: Path | None,
        path: Sequence[Path],
        stream_fd: int,
        output: IO[bytes],
        env: Mapping[str, str] | None = None,
    ) -> Process:
        """Start ``inside`` in ``mode`` with ``payload``; ``path`` is what it puts on sys.path.

        The run writes its events to ``stream_fd`` (inherited; see ``stream``) and its console
        output to ``output``. The caller must ``close()`` the returned process.
        """
        token = secrets.token_hex(8)
        scratch = SCRATCH if self.kind == "bubblewrap" else self._scratch()
        spec = {
            "mode": mode,
            "fd": stream_fd,
            "path": [str(p) for p in path],
            "limits": {**asdict(self.limits),
                       "processes": self.limits.processes if self._counts_processes() else None},
            "payload": dict(payload),
        }  # fmt: skip
        environment = {
            "PATH": f"{Path(sys.prefix) / 'bin'}:/usr/local/bin:/usr/bin:/bin",
            "HOME": str(scratch / "home"),
            "TMPDIR": str(scratch),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1",  # also for subprocesses such as alembic
            "TESTKIT_RUN": token,
            **{k: os.environ[k] for k in PASSED_ENV if k in os.environ},
            **(env or {}),
        }
        argv = [sys.executable, "-I", "-B", "-m", "testkit.grading.inside", json.dumps(spec)]
        if tree is not None and self.kind == "bubblewrap" and self.privileged:
            make_readable(tree)
        slot = self._acquire()
        if self.kind == "bubblewrap":
            argv = self._bwrap(slot, tree, environment, argv)
        popen = subprocess.Popen(  # noqa: S603 - our interpreter (or bwrap) and arguments
            argv,
            cwd=scratch,
            env=environment if self.kind == "none" else {"PATH": os.environ.get("PATH", "")},
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            pass_fds=(stream_fd,),
            start_new_session=True,  # its own process group: one killpg ends what it started
        )
        cleanup = [] if self.kind == "bubblewrap" else [scratch]
        return Process(
            popen, token, self.kind == "bubblewrap", cleanup, lambda: self._release(slot)
        )

    def call(
        self, mode: str, payload: Mapping[str, Any], *, tree: Path, path: Sequence[Path],
        timeout: float,
    ) -> Call:  # fmt: skip
        """Run ``inside`` in ``mode`` to its end (or ``timeout``); its events and output."""
        self.work.mkdir(parents=True, exist_ok=True)
        read_end, stream_fd = stream.pipe()
        reader, events = stream.EventReader(), []
        with tempfile.TemporaryFile(dir=self.work) as output:
            try:
                process = self.start(
                    mode, payload, tree=tree, path=path, stream_fd=stream_fd, output=output
                )
            finally:
                os.close(stream_fd)
            deadline, exited, eof, timed_out = time.monotonic() + timeout, 0.0, False, False
            try:
                while not eof:
                    now = time.monotonic()
                    if process.popen.poll() is None:
                        if timed_out := now >= deadline:
                            break
                    elif not exited:
                        exited = now
                        process.kill()  # what it left behind may keep the pipe open
                    elif now - exited > 1:
                        break
                    if select.select([read_end], [], [], 0.1)[0]:
                        data = os.read(read_end, 1 << 16)
                        eof = not data
                        events += reader.feed(data)
                if not timed_out:
                    with contextlib.suppress(subprocess.TimeoutExpired):
                        process.popen.wait(timeout=1)  # its exit code, before the kill below
            finally:
                process.close()
                os.close(read_end)
            output.seek(0)
            text = output.read()[-OUTPUT_TAIL:].decode(errors="replace")
        return Call(events, text, process.popen.returncode, timed_out)

    def _counts_processes(self) -> bool:
        """RLIMIT_NPROC counts every process of a uid: only meaningful with a uid per run."""
        return self.kind == "bubblewrap" and self.privileged

    def _scratch(self) -> Path:
        self.work.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix="scratch-", dir=self.work))

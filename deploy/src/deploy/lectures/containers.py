"""What a container is made of, shown without Docker: Linux namespaces, through ``unshare``.

A container is an ordinary process that the kernel shows a different world: its own process
numbers (a PID namespace), its own hostname (UTS), its own mounts, network and users, with
cgroups limiting what it may use. ``unshare`` (util-linux) starts a process in new namespaces;
``/proc/<pid>/ns/`` shows which namespaces a process is in. Each function here runs a real
process and reports what it saw (deploy/docs/containers.md, section 1, runs them):

    python -m deploy.lectures.containers pid        # the child is PID 1 and sees only itself
    python -m deploy.lectures.containers uts        # its own hostname; the host keeps its own
    python -m deploy.lectures.containers signals    # why STOPSIGNAL SIGINT: Python as PID 1
    python -m deploy.lectures.containers ns         # the namespaces of this process and a child

Creating namespaces needs root. Without it, the functions first create a user namespace in
which this user is root (``unshare --user --map-root-user``), as rootless containers do; where
the host forbids that too, they raise ``NamespacesUnavailable`` saying what to change.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

NAMESPACES = ("pid", "uts", "mnt", "net", "ipc", "user", "cgroup")
TIMEOUT = 10  # seconds for any child to report back


class NamespacesUnavailable(RuntimeError):
    """This machine or user cannot create namespaces; the message says why."""


ROOTLESS_HINT = (
    "run as root, or allow unprivileged user namespaces "
    "(sysctl kernel.apparmor_restrict_unprivileged_userns=0 on Ubuntu 24.04)"
)


def unshare(*flags: str) -> list[str]:
    """The ``unshare`` command line with ``flags``, or why it cannot run here.

    Not root: a new user namespace first, where this user is uid 0 and may create the others.
    """
    path = shutil.which("unshare")
    if path is None:
        raise NamespacesUnavailable("no `unshare` command: install util-linux")
    rootless = [] if os.geteuid() == 0 else ["--user", "--map-root-user"]
    return [path, *rootless, *flags]


def run_python(flags: list[str], code: str) -> str:
    """Run ``python -c code`` inside new namespaces; its standard output."""
    result = subprocess.run(  # noqa: S603 - our own command line
        [*unshare(*flags), sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        raise NamespacesUnavailable(
            f"unshare {' '.join(flags)} failed ({result.stderr.strip() or 'no message'}): "
            + ROOTLESS_HINT
        )
    return result.stdout


@dataclass(frozen=True)
class PidView:
    """What a process in a new PID namespace sees."""

    own_pid: int  # os.getpid() inside: 1
    visible_pids: list[int]  # the numbers in its /proc: only its own namespace's processes


def pid_namespace() -> PidView:
    """A child in a new PID namespace (with its own /proc mounted, so ``ps`` would agree)."""
    code = (
        "import os; print(os.getpid());"
        "print(' '.join(sorted(e for e in os.listdir('/proc') if e.isdigit())))"
    )
    # --fork: the new namespace applies to unshare's children; --mount-proc: a /proc for it.
    own, visible = run_python(["--pid", "--fork", "--mount-proc"], code).splitlines()
    return PidView(int(own), sorted(int(pid) for pid in visible.split()))


def uts_namespace(hostname: str) -> tuple[str, str]:
    """(the hostname a child in a new UTS namespace set and saw, the host's after it ran)."""
    code = f"import socket; socket.sethostname({hostname!r}); print(socket.gethostname())"
    inside = run_python(["--uts"], code).strip()
    return inside, socket.gethostname()


def namespaces_of(pid: int | str = "self") -> dict[str, str]:
    """The namespaces of a process, as the kernel names them: ``pid:[4026531836]``."""
    ns = Path("/proc") / str(pid) / "ns"
    return {name: str((ns / name).readlink()) for name in NAMESPACES if (ns / name).exists()}


def child_namespaces(flags: list[str]) -> dict[str, str]:
    """The namespaces a child started with ``flags`` is in (read from inside it)."""
    code = (
        "import os; "
        f"print('\\n'.join(n + ' ' + os.readlink('/proc/self/ns/' + n) for n in {NAMESPACES!r}))"
    )
    lines = run_python(flags, code).splitlines()
    return dict(line.split(" ", 1) for line in lines)


def child_of(parent: int) -> int:
    """The one child process of ``parent`` (unshare --fork's child: the namespace's PID 1)."""
    deadline = time.monotonic() + TIMEOUT
    children = Path(f"/proc/{parent}/task/{parent}/children")
    while time.monotonic() < deadline:
        if pids := children.read_text().split():
            return int(pids[0])
        time.sleep(0.01)
    raise NamespacesUnavailable(f"unshare (pid {parent}) started no child")


@dataclass(frozen=True)
class SignalsAtPid1:
    survived_sigterm: bool  # still running after SIGTERM: PID 1 ignores it without a handler
    stopped_by_sigint: bool | None  # gone after SIGINT (KeyboardInterrupt); None: not sent


def python_as_pid1(handle_sigterm: bool = False, grace: float = 0.5) -> SignalsAtPid1:
    """Send SIGTERM, then SIGINT, to a Python process that is PID 1 of its namespace.

    The kernel delivers a signal to a namespace's PID 1 only if that process set a handler for
    it. Python sets one for SIGINT (it raises ``KeyboardInterrupt``), none for SIGTERM: so
    ``docker stop``'s default SIGTERM does nothing and Docker kills the process after 10 s,
    unless the image says ``STOPSIGNAL SIGINT`` (or the app, like uvicorn, handles SIGTERM:
    ``handle_sigterm`` gives the child such a handler).
    """
    handler = "signal.signal(signal.SIGTERM, lambda *_: sys.exit(0)); " if handle_sigterm else ""
    # Python installs its SIGINT handler at start-up only if SIGINT is not ignored, and a shell
    # starts background jobs (`make ci &`) with SIGINT ignored: install it as a container's
    # Python (default dispositions) would have it, whatever ran this demo.
    usual = "signal.signal(signal.SIGINT, signal.default_int_handler); "
    code = f"import signal, sys, time; {usual}{handler}print('ready', flush=True); time.sleep(60)"
    command = [*unshare("--pid", "--fork"), sys.executable, "-c", code]
    # stderr: the child's KeyboardInterrupt traceback is expected, not news.
    with subprocess.Popen(  # noqa: S603 - our own command line
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        try:
            assert process.stdout is not None  # noqa: S101 - stdout=PIPE above
            if process.stdout.readline().strip() != "ready":
                raise NamespacesUnavailable(f"no child in a new PID namespace: {ROOTLESS_HINT}")
            pid1 = child_of(process.pid)  # its number out here; inside, it is 1
            os.kill(pid1, signal.SIGTERM)
            time.sleep(grace)
            if process.poll() is not None:  # SIGTERM stopped it: it had a handler
                return SignalsAtPid1(survived_sigterm=False, stopped_by_sigint=None)
            os.kill(pid1, signal.SIGINT)
            try:
                process.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                return SignalsAtPid1(survived_sigterm=True, stopped_by_sigint=False)
            return SignalsAtPid1(survived_sigterm=True, stopped_by_sigint=True)
        finally:
            if process.poll() is None:
                process.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Namespaces, shown with unshare and /proc.")
    parser.add_argument("demo", choices=["pid", "uts", "signals", "ns"])
    demo = parser.parse_args(argv).demo
    try:
        if demo == "pid":
            view = pid_namespace()
            print(f"inside: my PID is {view.own_pid}; /proc lists {view.visible_pids}")
            print(f"outside: this process is PID {os.getpid()}")
        elif demo == "uts":
            inside, outside = uts_namespace("container-demo")
            print(f"inside: hostname {inside}")
            print(f"outside, afterwards: hostname {outside}")
        elif demo == "signals":
            plain, handled = python_as_pid1(), python_as_pid1(handle_sigterm=True)
            print(f"Python as PID 1 survived SIGTERM: {plain.survived_sigterm}")
            print(f"Python as PID 1 stopped on SIGINT: {plain.stopped_by_sigint}")
            print(f"... with a SIGTERM handler, survived SIGTERM: {handled.survived_sigterm}")
        else:
            mine, child = namespaces_of(), child_namespaces(["--pid", "--fork", "--uts"])
            for name in NAMESPACES:
                same = "same" if mine.get(name) == child.get(name) else "NEW"
                print(f"{name:<6} {same:<4} {mine.get(name)} -> {child.get(name)}")
    except NamespacesUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The grading sandbox from the inside: what a student's code can see, reach and leave behind.

A probe module plays the student: ``inside``'s ``openapi`` mode calls its ``create_app().openapi()``
in the sandbox, and what it returns is what it observed.
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from testkit import cli
from testkit.grading import inside, sandbox, stream
from testkit.grading.sandbox import Limits, Sandbox, SandboxUnavailable

PROBE = """\
import os, resource, socket, subprocess, sys
from pathlib import Path


def attempt(action):
    try:
        action()
    except OSError as exc:
        return type(exc).__name__
    return "ok"


class Probe:
    def openapi(self):
        subprocess.Popen(["sleep", "@MARKER@"], start_new_session=True)  # a daemon left behind
        return {
            "uid": os.getuid(),
            "user": __import__("pwd").getpwuid(os.getuid()).pw_name,
            "write_tree": attempt(lambda: Path(__file__).with_name("x").write_text("x")),
            "write_tmp": attempt(lambda: Path(os.environ["TMPDIR"], "x").write_text("x")),
            "see_secret": os.path.exists("@SECRET@"),
            "home": sorted(os.listdir("@HOME@")) if os.path.isdir("@HOME@") else [],
            "connect_host": attempt(lambda: socket.create_connection(("127.0.0.1", @PORT@), 1)),
            "loopback": attempt(lambda: socket.socket().bind(("127.0.0.1", 0))),
            "processes": sorted(int(p) for p in os.listdir("/proc") if p.isdigit()),
            "cpu": resource.getrlimit(resource.RLIMIT_CPU),
            "memory": resource.getrlimit(resource.RLIMIT_AS),
            "file": resource.getrlimit(resource.RLIMIT_FSIZE),
            "env": sorted(os.environ),
            "path": sys.path,
        }


def create_app():
    return Probe()
"""


@pytest.fixture
def listener() -> Iterator[int]:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield server.getsockname()[1]


def write_probe(tree: Path, **values: object) -> None:
    package = tree / "week98" / "src" / "week98" / "starter"
    package.mkdir(parents=True)
    (package.parent / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    text = PROBE
    for key, value in values.items():
        text = text.replace(f"@{key.upper()}@", str(value))
    (package / "main.py").write_text(text)


def observe(box: Sandbox, tree: Path) -> dict[str, Any]:
    done = box.call("openapi", {"module": "week98.starter.main"}, tree=tree,
                    path=[tree / "week98" / "src"], timeout=60)  # fmt: skip
    event = done.event("openapi")
    assert event is not None, (done.error(), done.output)
    document: dict[str, Any] = event["document"]
    return document


def alive(marker: str, within: float = 5.0) -> list[int]:
    """The processes whose command line holds ``marker``, once they had ``within`` s to die
    (a killed process leaves /proc a moment after the signal)."""
    deadline = time.monotonic() + within
    while True:
        found = []
        for entry in Path("/proc").glob("[0-9]*"):
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def test_bubblewrap_confines_the_students_code(tmp_path: Path, listener: int) -> None:
    secret = tmp_path / "grader" / "solution.py"
    secret.parent.mkdir()
    secret.write_text("the reference")
    marker = f"{time.time_ns() % 10**6 + 10**6}"
    tree = tmp_path / "tree"
    write_probe(tree, marker=marker, secret=secret, home=Path.home(), port=listener)
    box = Sandbox.create("bubblewrap", tmp_path / "work", limits=Limits(cpu_seconds=77))
    seen = observe(box, tree)
    if os.geteuid() == 0:
        assert seen["uid"] >= 61000
        assert seen["user"] == "student"
    assert seen["write_tree"] == "OSError"  # read-only file system
    assert seen["write_tmp"] == "ok"
    assert not seen["see_secret"]
    home = Path.home()
    needed = {p.relative_to(home).parts[0] for p in box.exposed(tree) if home in p.parents}
    assert set(seen["home"]) <= needed  # the grader's home: only what Python itself needs
    assert seen["connect_host"] == "ConnectionRefusedError"  # a network namespace of its own
    assert seen["loopback"] == "ok"
    assert len(seen["processes"]) < 10  # its own PID namespace: nobody else's processes
    assert seen["cpu"] == [77, 77]
    assert seen["memory"] == [4 << 30, 4 << 30]
    assert seen["file"] == [1 << 30, 1 << 30]
    assert "HOME" in seen["env"]
    assert not [k for k in seen["env"] if k.startswith(("COVERAGE", "VIRTUAL_ENV", "UV_"))]
    assert seen["path"][0] == str(tree / "week98" / "src")
    assert alive(marker) == []  # the daemon died with the sandbox


def test_none_runs_unconfined_but_still_kills_what_it_started(
    tmp_path: Path, listener: int
) -> None:
    marker = f"{time.time_ns() % 10**6 + 2 * 10**6}"
    tree = tmp_path / "tree"
    write_probe(tree, marker=marker, secret=tmp_path, home=Path.home(), port=listener)
    box = Sandbox.create("none", tmp_path / "work")
    assert box.warning is not None
    assert box.description == "none"
    seen = observe(box, tree)
    assert seen["uid"] == os.getuid()
    assert seen["connect_host"] == "ok"  # nothing stops it: hence the warning in every report
    assert alive(marker) == []  # killed by the sweep, although it left the process group
    assert list((tmp_path / "work").glob("scratch-*")) == []


def test_missing_bubblewrap_explains_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda _: None)
    with pytest.raises(SandboxUnavailable, match="apt-get install bubblewrap"):
        Sandbox.create("bubblewrap", tmp_path)
    with pytest.raises(ValueError, match="unknown sandbox 'docker'"):
        Sandbox.create("docker", tmp_path)


def test_grade_without_bubblewrap_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from testkit.grading import sample

    sample.build(tmp_path)
    monkeypatch.setenv("COURSE_ROOT", str(tmp_path))
    monkeypatch.setattr(shutil, "which", lambda _: None)
    assert (
        cli.main(["grade", "week99", "--branch", "alice/full", "--out", str(tmp_path / "o")]) == 2
    )
    assert "bubblewrap (bwrap) is not installed" in capsys.readouterr().err


def test_a_sandbox_that_cannot_start_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Sandbox, "_identity", lambda self, slot: ["--no-such-option"])
    with pytest.raises(SandboxUnavailable, match="bubblewrap does not work here"):
        Sandbox.create("bubblewrap", tmp_path)


def test_the_call_reports_an_error_and_a_timeout(tmp_path: Path) -> None:
    box = Sandbox.create("bubblewrap", tmp_path / "work")
    tree = tmp_path / "tree"
    (tree / "week98" / "src").mkdir(parents=True)
    (tree / "week98" / "src" / "slow.py").write_text("import time\ntime.sleep(30)\n")
    done = box.call("openapi", {"module": "no_such_module"}, tree=tree, path=[tree], timeout=30)
    assert done.error() == "ModuleNotFoundError: No module named 'no_such_module'"
    assert done.exit_code == 1
    slow = box.call(
        "openapi", {"module": "slow"}, tree=tree, path=[tree / "week98" / "src"], timeout=1
    )
    assert slow.timed_out
    assert slow.error().startswith("no output")


def test_isolated_path_keeps_the_week_the_environment_and_the_testkit(tmp_path: Path) -> None:
    testkit_src = str(Path(sandbox.__file__).resolve().parents[2])
    site = next(p for p in sys.path if p.endswith("site-packages"))
    current = ["", str(tmp_path / "course" / "week03" / "src"), site, testkit_src, "/somewhere"]
    assert inside.isolated_path(["/tree/week01/src"], current) == [
        "/tree/week01/src",
        site,
        testkit_src,
    ]


def test_inside_sends_the_document_or_the_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "path", list(sys.path))
    (tmp_path / "probe_app.py").write_text(
        "class A:\n    def openapi(self):\n        return {'paths': {}}\n\ndef create_app():\n    return A()\n"
    )
    events = []
    for module in ("probe_app", "missing_app"):
        read_end, write_end = stream.pipe()
        spec = {"mode": "openapi", "fd": write_end, "path": [str(tmp_path)],
                "limits": {}, "payload": {"module": module}}  # fmt: skip
        code = inside.main(["inside", __import__("json").dumps(spec)])
        os.close(write_end)
        events += stream.EventReader().feed(os.read(read_end, 1 << 16))
        os.close(read_end)
        assert code == (0 if module == "probe_app" else 1)
    assert events == [
        {"event": "openapi", "document": {"paths": {}}},
        {"event": "error", "message": "ModuleNotFoundError: No module named 'missing_app'"},
    ]


def test_the_event_reader_counts_what_is_not_an_event() -> None:
    reader = stream.EventReader()
    assert reader.feed(b'{"event": "start", "test": "a"}\n{"event": "res') == [
        {"event": "start", "test": "a"}
    ]
    assert reader.feed(b'ult"}\nnot json\n[1, 2]\n\n') == [{"event": "result"}]
    assert reader.garbage == 2
    reader.feed(b"x" * (stream.MAX_LINE + 1))
    assert reader.garbage == 3
    assert reader.buffer == b""

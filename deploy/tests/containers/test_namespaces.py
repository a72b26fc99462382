"""The containers lecture's namespaces, each seen from inside and from the host.

These create real namespaces, with ``unshare``: as root, or in a user namespace where the host
allows them. Where neither works, the tests fail with ``NamespacesUnavailable`` saying what to
install or change (no skip).
"""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest
from deploy.lectures import containers


def host_pids() -> list[int]:
    return [int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()]


def test_a_child_in_a_new_pid_namespace_is_pid_1_and_sees_only_itself() -> None:
    view = containers.pid_namespace()
    assert view.own_pid == 1
    assert view.visible_pids == [1]
    # The host's view is unchanged: its own numbers, and many processes.
    assert os.getpid() != 1
    assert len(host_pids()) > 1


def test_a_new_uts_namespace_has_its_own_hostname_and_the_hosts_is_untouched() -> None:
    before = socket.gethostname()
    inside, after = containers.uts_namespace("container-demo")
    assert inside == "container-demo"
    assert after == before != "container-demo"


def test_the_child_is_in_new_pid_and_uts_namespaces_and_shares_the_others() -> None:
    mine = containers.namespaces_of()
    child = containers.child_namespaces(["--pid", "--fork", "--uts"])
    assert set(child) == set(containers.NAMESPACES)
    assert child["pid"] != mine["pid"]
    assert child["uts"] != mine["uts"]
    assert all(child[name] == mine[name] for name in ("net", "mnt", "ipc", "user"))
    assert child["pid"].startswith("pid:[")


def test_python_as_pid_1_ignores_sigterm_and_stops_on_sigint() -> None:
    result = containers.python_as_pid1()
    assert result.survived_sigterm
    assert result.stopped_by_sigint


def test_with_a_sigterm_handler_pid_1_stops_on_sigterm() -> None:
    """What uvicorn does: a handler makes the kernel deliver SIGTERM to PID 1."""
    result = containers.python_as_pid1(handle_sigterm=True)
    assert not result.survived_sigterm
    assert result.stopped_by_sigint is None


def test_the_demos_print_what_they_saw(capsys: pytest.CaptureFixture[str]) -> None:
    assert containers.main(["pid"]) == 0
    assert "inside: my PID is 1; /proc lists [1]" in capsys.readouterr().out
    assert containers.main(["ns"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:2] for line in lines[:2]] == [["pid", "NEW"], ["uts", "NEW"]]
    assert ["net", "same"] in [line.split()[:2] for line in lines]


def test_without_unshare_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(containers.NamespacesUnavailable, match="install util-linux"):
        containers.pid_namespace()


def test_without_root_a_user_namespace_comes_first_and_the_demos_still_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert containers.unshare("--uts")[1:] == ["--user", "--map-root-user", "--uts"]
    view = containers.pid_namespace()  # for real, through the user namespace
    assert (view.own_pid, view.visible_pids) == (1, [1])


def test_when_unshare_fails_the_error_says_what_to_change(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: "/bin/false")
    assert containers.main(["uts"]) == 1
    assert "allow unprivileged user namespaces" in capsys.readouterr().err

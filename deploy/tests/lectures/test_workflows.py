"""The capstone's CI/CD workflows validate offline like the course's own (schema + zizmor), pin
every action by SHA, grant least privilege, and run the stages the lecture describes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped,unused-ignore]

WORKFLOWS = Path(__file__).resolve().parents[2] / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def load(name: str) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return data


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def zizmor(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--no-progress", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_there_are_the_three_workflows() -> None:
    assert [path.name for path in FILES] == ["cd.yml", "ci.yml", "deploy-environment.yml"]


def test_they_match_the_github_workflow_schema() -> None:
    checked = subprocess.run(
        [
            str(BIN / "check-jsonschema"),
            "--builtin-schema",
            "vendor.github-workflows",
            *map(str, FILES),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_zizmor_finds_nothing() -> None:
    audit = zizmor(*FILES)
    assert audit.returncode == 0, audit.stdout + audit.stderr


def test_zizmor_would_catch_an_unpinned_action(tmp_path: Path) -> None:
    """The audit can fail: the same workflow with a tag instead of a SHA does."""
    text = (WORKFLOWS / "cd.yml").read_text(encoding="utf-8")
    unpinned = re.sub(r"docker/login-action@[0-9a-f]{40}", "docker/login-action@v3", text)
    assert unpinned != text
    (tmp_path / "cd.yml").write_text(unpinned, encoding="utf-8")
    audit = zizmor(tmp_path / "cd.yml")
    assert audit.returncode != 0
    assert "unpinned-uses" in audit.stdout + audit.stderr


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_action_is_pinned_by_a_full_sha_with_its_version(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+)(.*)$", text, re.MULTILINE)
    remote = [(ref, rest) for ref, rest in uses if not ref.startswith("./")]
    assert remote
    for ref, rest in remote:
        assert PINNED.match(ref), f"{ref} is not pinned by a commit SHA"
        assert re.search(r"# v\d+\.\d+\.\d+", rest), f"{ref}: say which version the SHA is"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_permissions_are_least_privilege(path: Path) -> None:
    workflow = load(path.name)
    assert workflow["permissions"] in ({}, {"contents": "read"})  # the default for every job
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions", {})
        assert "write-all" not in str(granted)
        writes = {scope for scope, level in granted.items() if level == "write"}
        allowed = {"build": {"packages"}}.get(name, {"id-token"})
        assert writes <= allowed, f"{path.name}:{name} may write {writes - allowed}"


def test_ci_lints_formats_typechecks_and_tests_with_coverage_on_real_services() -> None:
    ci = load("ci.yml")
    commands = [step.get("run", "") for step in steps(ci)]
    assert "uv run ruff check --output-format=github ." in commands
    assert "uv run ruff format --check ." in commands  # --check: fails instead of rewriting
    assert any(c.startswith("uv run mypy ") for c in commands)
    [pytest_run] = [c for c in commands if "pytest" in c]
    assert "--cov-branch" in pytest_run
    assert "--cov-fail-under=90" in pytest_run
    services = ci["jobs"]["test"]["services"]
    assert set(services) == {"postgres", "redis"}
    assert all("--health-cmd" in service["options"] for service in services.values())
    assert "workflow_call" in ci[True]  # YAML reads the key "on" as True; cd.yml calls CI first


def test_cd_builds_once_with_cache_and_pushes_to_ghcr_on_main_only() -> None:
    cd = load("cd.yml")
    assert cd[True]["push"] == {"branches": ["main"]}
    build = cd["jobs"]["build"]
    assert build["needs"] == "ci"
    [push] = [step for step in build["steps"] if "build-push-action" in step["uses"]]
    assert push["with"]["push"] is True
    assert push["with"]["tags"].endswith(":${{ github.sha }}")  # an exact image, not "latest"
    assert push["with"]["cache-from"] == "type=gha"
    assert push["with"]["cache-to"].startswith("type=gha")


def test_cd_promotes_the_same_image_through_the_environments_in_order() -> None:
    jobs = load("cd.yml")["jobs"]
    assert [jobs[name]["with"]["environment"] for name in ("dev", "staging", "production")] == [
        "dev",
        "staging",
        "production",
    ]
    assert "dev" in jobs["staging"]["needs"]
    assert "staging" in jobs["production"]["needs"]
    images = {jobs[name]["with"]["image"] for name in ("dev", "staging", "production")}
    assert len(images) == 1  # built once, promoted unchanged
    assert jobs["rollback"]["with"]["migrate"] is False  # an old image, the expanded schema


def test_each_environment_migrates_before_it_rolls_out_and_rolls_back_on_failure() -> None:
    job = load("deploy-environment.yml")["jobs"]["deploy"]
    assert job["environment"] == "${{ inputs.environment }}"  # its reviewers and variables
    names = [step.get("name", "") for step in job["steps"]]
    migrate = next(i for i, name in enumerate(names) if name.startswith("migrate"))
    rollout = next(i for i, name in enumerate(names) if name.startswith("rolling deploy"))
    assert migrate < rollout
    assert "upgrade" in job["steps"][migrate]["run"]
    assert '"head"' in job["steps"][migrate]["run"]
    assert "services-stable" in job["steps"][rollout]["run"]
    assert '--task-definition "$PREVIOUS"' in job["steps"][rollout]["run"]  # the rollback


def test_the_workflows_hold_no_secret_and_no_expression_in_shell_code() -> None:
    """Values reach ``run:`` through ``env:``, never ``${{ }}`` inside the script (injection)."""
    for path in FILES:
        for step in steps(yaml.safe_load(path.read_text(encoding="utf-8"))):
            assert "${{" not in step.get("run", ""), f"{path.name}: {step.get('name')}"

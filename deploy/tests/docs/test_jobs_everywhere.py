"""The worker, beat and the database roles are where every deployment says they are.

Compose and each platform run the capstone's Celery worker and beat from the one image, with the
Celery app the capstone defines; the worker logs in as ``capstone_worker`` and the API as
``capstone_api``, roles that the SQL files create; migrations run as the owner. ``make
deploy-smoke`` runs the Compose stack for real; these checks keep the platforms' files, which
nothing here can run, in step with it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped,unused-ignore]

DEPLOY = Path(__file__).resolve().parents[2]
DOCKER = DEPLOY / "docker"
PLATFORMS = DEPLOY / "platforms"
CELERY_APP = "capstone.solution.jobs.worker"
WORKER_MODULE = DEPLOY.parent / "capstone/src/capstone/solution/jobs/worker.py"


def compose() -> dict[str, Any]:
    services: dict[str, Any] = yaml.safe_load((DOCKER / "compose.yaml").read_text())["services"]
    return services


def toml(name: str) -> dict[str, Any]:
    return tomllib.loads((PLATFORMS / name).read_text(encoding="utf-8"))


def test_the_celery_app_named_everywhere_exists() -> None:
    assert re.search(r"^app = make_celery\(", WORKER_MODULE.read_text(), re.MULTILINE)
    commands = [
        " ".join(compose()["worker"]["command"]),
        " ".join(compose()["beat"]["command"]),
        toml("fly.toml")["processes"]["worker"],
        toml("fly.toml")["processes"]["beat"],
        toml("railway-worker.toml")["deploy"]["startCommand"],
        toml("railway-beat.toml")["deploy"]["startCommand"],
    ]
    for command, kind in zip(commands, ["worker", "beat"] * 3, strict=True):
        assert f"celery --app={CELERY_APP} {kind} " in command
    terraform = (PLATFORMS / "aws/main.tf").read_text()
    assert terraform.count(f'"--app={CELERY_APP}", "worker"') == 1
    assert terraform.count(f'"--app={CELERY_APP}", "beat"') == 1


def test_beat_writes_its_state_where_the_non_root_user_may() -> None:
    """/app belongs to root in the image: beat's default schedule file there would fail."""
    beats = [
        " ".join(compose()["beat"]["command"]),
        toml("fly.toml")["processes"]["beat"],
        toml("railway-beat.toml")["deploy"]["startCommand"],
        (PLATFORMS / "aws/main.tf").read_text(),
    ]
    assert all("--schedule=/tmp/celerybeat-schedule" in beat for beat in beats)


def test_compose_gives_each_process_its_own_database_role() -> None:
    services = compose()
    assert "capstone_api:" in services["api"]["environment"]["DATABASE_URL"]
    assert "capstone_worker:" in services["worker"]["environment"]["DATABASE_URL"]
    assert "postgresql://capstone:" in services["migrate"]["environment"]["DATABASE_URL"]
    assert "DATABASE_URL" not in services["beat"]["environment"]  # it only publishes
    assert services["worker"]["environment"]["SMTP_HOST"] == "mail"
    assert services["worker"]["stop_signal"] == "SIGTERM"  # Celery's warm shutdown
    mounted = [volume.split(":")[0] for volume in services["app-role"]["volumes"]]
    assert mounted == ["./app-role.sql", "./worker-role.sql"]
    assert all((DOCKER / path).is_file() for path in mounted)
    assert (DOCKER / services["mail"]["volumes"][0].split(":")[0]).is_file()
    # The worker starts once its role exists and the mail sink answers, never before.
    assert services["worker"]["depends_on"] == {
        "redis": {"condition": "service_healthy"},
        "mail": {"condition": "service_healthy"},
        "app-role": {"condition": "service_completed_successfully"},
    }


def test_the_worker_role_bypasses_rls_and_nothing_else() -> None:
    sql = (DOCKER / "worker-role.sql").read_text()
    assert "NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE" in sql
    assert "GRANT capstone_app" not in sql  # not the API's grants (users, memberships, ...)
    granted = set(re.findall(r"^GRANT [A-Z, ]+ ON (?:SEQUENCE )?([\w, ]+) TO", sql, re.M))
    tables = {table.strip() for group in granted for table in group.split(",")}
    assert tables == {
        "outbox_emails", "tasks", "projects", "audit_events", "audit_events_id_seq",
        "report_exports",
    }  # fmt: skip


def test_fly_migrates_as_the_owner_and_runs_the_worker_as_its_role() -> None:
    fly = toml("fly.toml")
    assert "DATABASE_URL=$OWNER_DATABASE_URL" in fly["deploy"]["release_command"]
    assert "DATABASE_URL=$WORKER_DATABASE_URL exec celery" in fly["processes"]["worker"]
    assert fly["http_service"]["processes"] == ["app"]  # the proxy sends nothing to the worker
    sized = [group for vm in fly["vm"] for group in vm["processes"]]
    assert sorted(sized) == sorted(fly["processes"])


def test_railway_runs_three_services_and_one_beat() -> None:
    assert (
        "DATABASE_URL=$OWNER_DATABASE_URL" in toml("railway.toml")["deploy"]["preDeployCommand"][0]
    )
    for name in ("railway-worker.toml", "railway-beat.toml"):
        assert toml(name)["build"] == toml("railway.toml")["build"]  # the same image
    assert toml("railway-beat.toml")["deploy"]["numReplicas"] == 1


def test_aws_has_a_task_per_process_and_creates_the_roles_with_the_same_sql() -> None:
    text = (PLATFORMS / "aws/main.tf").read_text()
    families = set(re.findall(r'family\s+= "\$\{var\.name\}-([\w-]+)"', text))
    assert families == {"api", "worker", "beat", "migrate", "db-roles"}
    for path in re.findall(r'file\("\$\{path\.module\}/([^"]+)"\)', text):
        assert (PLATFORMS / "aws" / path).resolve().is_file(), path
    assert "app-role.sql" in text
    assert "worker-role.sql" in text
    assert re.search(r'"DATABASE_URL", valueFrom = local\.secret\.API_DATABASE_URL', text)
    assert re.search(r'"DATABASE_URL", valueFrom = local\.secret\.WORKER_DATABASE_URL', text)
    assert re.search(r'"DATABASE_URL", valueFrom = local\.secret\.OWNER_DATABASE_URL', text)

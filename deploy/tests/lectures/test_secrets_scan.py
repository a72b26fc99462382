"""The secrets check finds planted credentials, masks them, and passes on the course's own tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from deploy.lectures.secrets_scan import main, scan_files, tracked_files

ROOT = Path(__file__).resolve().parents[3]

# Built at run time, so this file itself holds no credential for the scan of the tree to find.
AWS_KEY = "AKIA" + "Q7X2M4N6P8R0T2V4"
GITHUB = "ghp_" + "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5"
RANDOM_SECRET = "k8Jd2" + "Lq9ZxP4vB7nM1wR6tY3hG5"
KEY_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7" + "x" * 12


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (f"aws_access_key_id = {AWS_KEY}\n", "AWS access key id"),
        (f"token: {GITHUB}\n", "GitHub token"),
        (f'JWT_SECRET = "{RANDOM_SECRET}"\n', "secret-looking assignment"),
        (f"url = 'postgresql://app:{RANDOM_SECRET}@db/app'\n", "password in a URL"),
        ("-----BEGIN RSA PRIVATE KEY-----\n" + KEY_BODY + "\n", "private key"),
    ],
)
def test_a_planted_secret_is_found_with_its_line_and_masked(
    tmp_path: Path, content: str, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    planted = tmp_path / "settings.py"
    planted.write_text("# configuration\n" + content, encoding="utf-8")
    [finding] = scan_files([planted])
    assert (finding.line, finding.kind) == (2, kind)
    assert main([str(tmp_path)]) == 1  # CI fails
    output = capsys.readouterr().out
    assert f"settings.py:2: {kind}" in output
    assert finding.value not in output  # the log of a public CI job shows no credential


@pytest.mark.parametrize(
    "line",
    [
        'SECRET = "lecture-secret-of-at-least-32-bytes"',  # a phrase, not a key
        'error = {"wrong secret": "InvalidSignatureError"}',
        'DATABASE_URL = "postgresql://app:${DB_PASSWORD}@db/app"',
        'DATABASE_URL = "postgresql://app:<password>@db/app"',
        "password = os.environ['DB_PASSWORD']",
        f'EXAMPLE_TOKEN = "{RANDOM_SECRET}"  # secrets-scan: allow',
    ],
)
def test_placeholders_phrases_and_allowed_lines_pass(tmp_path: Path, line: str) -> None:
    path = tmp_path / "ok.py"
    path.write_text(line + "\n", encoding="utf-8")
    assert scan_files([path]) == []


def test_a_committed_dot_env_is_a_finding_but_its_example_is_not(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("APP_DEBUG=1\n", encoding="utf-8")
    (tmp_path / ".env.example").write_text("APP_JWT_SECRET=\n", encoding="utf-8")
    findings = scan_files(sorted(tmp_path.iterdir()))
    assert [(f.path.name, f.kind) for f in findings] == [(".env", "committed .env file")]


def test_the_course_tree_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    files = tracked_files(ROOT)
    assert len(files) > 1000
    findings = scan_files(files)
    assert findings == [], "\n".join(map(str, findings))

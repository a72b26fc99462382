"""A secrets check for CI (lecture W15.L2): fail the build when a credential is committed.

It scans the files git tracks (or the paths given) for what leaks in practice: cloud and GitHub
tokens by their fixed prefixes, private keys, URLs with a password in them, a committed ``.env``,
and long random-looking values assigned to names like ``secret`` or ``token``. Findings show the
file, line and kind, and mask the value: a CI log is public to everyone who can read the repo.

    uv run python -m deploy.lectures.secrets_scan            # the tracked files; exit 1 on a finding
    uv run python -m deploy.lectures.secrets_scan path ...   # files or folders

A line with ``secrets-scan: allow`` is skipped (a documented example key, a test fixture). In a
team, prefer a maintained scanner with a larger rule set (gitleaks, detect-secrets, GitHub's push
protection); this one is small enough to read in a lecture and shows what they all do.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ALLOW = "secrets-scan: allow"
RULES: dict[str, re.Pattern[str]] = {
    "AWS access key id": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    "Stripe live key": re.compile(r"\b[rs]k_live_[A-Za-z0-9]{20,}"),
    # A password inside a URL: user, colon, password, then the @ and the host; a placeholder
    # (${VAR}, {name}, <password>) is not one.
    "password in a URL": re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s:/@]+:(?![$\{<])([^\s@/]{8,})@"),
}
# The header and a line of the key itself ("\\n" too: a key pasted into a string).
PRIVATE_KEY = re.compile(r"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----(?:\s|\\n)+([A-Za-z0-9+/=]{40,})")
# name = "value" where the name says secret and the value looks random (entropy, length).
ASSIGNMENT = re.compile(
    r"""(?i)\b[\w-]*(?:secret|token|password|passwd|api_?key|private_?key)[\w-]*\b["']?\s*[:=]\s*"""
    r"""["']([A-Za-z0-9+/=_.-]{20,})["']"""
)
MIN_ENTROPY = 3.5  # bits per character: English words score under 3.5, random keys 4 and more
SKIP_SUFFIXES = {".lock", ".png", ".jpg", ".jpeg", ".gif", ".ico", ".pdf", ".woff", ".woff2"}


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    kind: str
    value: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.kind} ({mask(self.value)})"


def mask(value: str) -> str:
    """Enough to recognise the value, not enough to use it."""
    return f"{value[:4]}...{len(value)} characters"


def entropy(value: str) -> float:
    """Shannon entropy in bits per character."""
    counts = Counter(value)
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


def looks_random(value: str) -> bool:
    """A key, not a phrase: letters and digits, high entropy, not lower-case words joined by dashes."""
    if not (re.search(r"\d", value) and re.search(r"[A-Za-z]", value)):
        return False
    if value.islower() and re.search(r"[-_.]", value):  # "lecture-secret-of-32-bytes"
        return False
    return entropy(value) >= MIN_ENTROPY


def scan_text(path: Path, text: str) -> Iterator[Finding]:
    lines = text.splitlines()
    for match in PRIVATE_KEY.finditer(text):
        number = text.count("\n", 0, match.start()) + 1
        if ALLOW not in lines[number - 1]:
            yield Finding(path, number, "private key", match.group(1))
    for number, line in enumerate(lines, start=1):
        if ALLOW in line:
            continue
        for kind, rule in RULES.items():
            for match in rule.finditer(line):
                yield Finding(path, number, kind, match.group(match.lastindex or 0))
        for match in ASSIGNMENT.finditer(line):
            value = match.group(1)
            if looks_random(value):
                yield Finding(path, number, "secret-looking assignment", value)


def scan_files(paths: Iterable[Path]) -> list[Finding]:
    findings: list[Finding] = []
    for path in paths:
        is_env = path.name == ".env" or path.name.startswith(".env.")
        if is_env and not path.name.endswith((".example", ".sample", ".template")):
            findings.append(Finding(path, 1, "committed .env file", path.name))
            continue
        if path.suffix in SKIP_SUFFIXES or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:  # a binary file
            continue
        findings.extend(scan_text(path, text))
    return findings


def tracked_files(root: Path) -> list[Path]:
    """What git would push: the tracked files (untracked and ignored ones never leave the machine)."""
    out = subprocess.run(
        ["git", "ls-files", "-z"],  # noqa: S607 (git from PATH, as in every CI job)
        cwd=root,
        capture_output=True,
        check=True,
    ).stdout
    return [root / name for name in out.decode().split("\0") if name]


def expand(arguments: list[str]) -> list[Path]:
    paths: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        paths.extend(sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path])
    return paths


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    paths = expand(arguments) if arguments else tracked_files(Path.cwd())
    findings = scan_files(paths)
    for finding in findings:
        print(finding)
    print(f"{len(paths)} files scanned, {len(findings)} possible secrets")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())

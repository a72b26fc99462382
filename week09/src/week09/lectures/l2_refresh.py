"""L2: access + refresh tokens, rotation, and reuse detection.

**Sessions or tokens?** A session is a random id the server looks up on every request: easy to
revoke, but every request (and every service) needs the session store. A signed token carries its
claims and is checked without a lookup, but it cannot be revoked before it expires. Short access
tokens plus revocable refresh tokens take the best of both.

A stateless access token cannot be revoked: once issued it is valid until ``exp``. So it lives
minutes (15 here). To stay logged in, the client also gets a **refresh token** (days) that it
sends only to the token endpoint, and trades for a new pair when the access token expires.

**Rotation**: every refresh returns a NEW refresh token and spends the old one. The server keeps
one row per refresh token (its ``jti``, never the token itself) in a **family** that began at
login. **Reuse detection**: a spent token coming back means two parties hold copies, the client
and a thief, and the server cannot tell which is which; so it revokes the whole family, and both
must log in again (RFC 9700, OAuth 2.0 Security Best Current Practice, section 4.14).

This store is a dict to show the rules; the project keeps the rows in PostgreSQL and spends a
token with one atomic ``UPDATE ... WHERE used_at IS NULL`` so two racing refreshes cannot both win.

**Where clients keep them**: an access token in memory (never ``localStorage``: any script on the
page, e.g. an XSS payload, reads it); a browser's refresh token in an ``httpOnly; Secure;
SameSite=Strict`` cookie scoped to the refresh path (scripts cannot read it; SameSite and the path
limit CSRF); a native app's in the OS keychain.

Run: ``uv run python -m week09.lectures.l2_refresh``
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field


class RefreshError(Exception):
    """The refresh token is unknown, spent or revoked: the client must log in again."""


@dataclass
class Issued:
    family: str
    used: bool = False


@dataclass
class RefreshStore:
    tokens: dict[str, Issued] = field(default_factory=dict)  # jti -> its family and state
    revoked_families: set[str] = field(default_factory=set)

    def login(self) -> str:
        """A new family, and its first refresh token."""
        return self._issue(secrets.token_urlsafe(8))

    def refresh(self, jti: str) -> str:
        """Spend ``jti`` and issue its successor; a second use revokes the whole family."""
        issued = self.tokens.get(jti)
        if issued is None or issued.family in self.revoked_families:
            raise RefreshError("unknown or revoked refresh token")
        if issued.used:
            self.revoked_families.add(issued.family)  # reuse: a copy is out there
            raise RefreshError("refresh token reused: every session of this login is revoked")
        issued.used = True
        return self._issue(issued.family)

    def logout(self, jti: str) -> None:
        if jti in self.tokens:
            self.revoked_families.add(self.tokens[jti].family)

    def _issue(self, family: str) -> str:
        jti = secrets.token_urlsafe(8)
        self.tokens[jti] = Issued(family)
        return jti


def attempt(store: RefreshStore, who: str, jti: str) -> tuple[str, str | None]:
    """One refresh by ``who``: a line for the story, and the new token if it worked."""
    try:
        new = store.refresh(jti)
    except RefreshError as exc:
        return f"{who} refreshes: refused ({exc})", None
    return f"{who} refreshes: ok, gets a new refresh token", new


def story() -> list[str]:
    store = RefreshStore()
    lines = ["client logs in: refresh token r1"]
    r1 = store.login()
    line, r2 = attempt(store, "client", r1)
    lines.append(line + " r2")
    stolen = r1  # say r1 was copied from a log file or a compromised device
    lines.append(attempt(store, "thief (with r1)", stolen)[0])
    lines.append(attempt(store, "client (with r2)", r2 or "")[0])
    return lines


def main() -> None:
    print("\n".join(story()))


if __name__ == "__main__":
    main()

"""Password hashing (pwdlib: Argon2id, legacy bcrypt verified and upgraded) and password rules.

See lecture 1 (``lectures/l1_passwords.py``) for why: a slow, salted, memory-hard hash; no
composition rules, a length and a blocklist instead.
"""

import secrets
import unicodedata
from functools import cache
from importlib.resources import files

from pwdlib import PasswordHash
from pwdlib.exceptions import UnknownHashError
from pwdlib.hashers.argon2 import Argon2Hasher
from pwdlib.hashers.bcrypt import BcryptHasher

from ..settings import PasswordCost

MIN_LENGTH, MAX_LENGTH = 15, 128  # NIST SP 800-63B-4 for a password that is the only factor
BCRYPT_MAX_BYTES = 72  # bcrypt reads no more; bcrypt 5 raises ValueError for longer input


@cache
def common_passwords() -> frozenset[str]:
    """The shipped blocklist (``week12/data/common-passwords.txt``), lowercased."""
    text = files("week12.data").joinpath("common-passwords.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(line.lower() for line in lines if line and not line.startswith("#"))


def normalized(password: str) -> str:
    """NFKC: the same password typed on any keyboard hashes the same (NIST SP 800-63B)."""
    return unicodedata.normalize("NFKC", password)


def password_problems(password: str, email: str) -> list[str]:
    """Why a new password is refused (empty: it is fine). Length, a blocklist, not the e-mail."""
    password = normalized(password)
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"use at least {MIN_LENGTH} characters (a few words make a good one)")
    if password.lower() in common_passwords():
        problems.append("this password is on a list of common passwords: choose another")
    local_part = email.split("@")[0].lower()
    if local_part and local_part in password.lower():
        problems.append("do not use your e-mail address in your password")
    return problems


class Passwords:
    """Hashes new passwords with Argon2id; verifies Argon2id and legacy bcrypt hashes."""

    def __init__(self, cost: PasswordCost) -> None:
        argon2 = Argon2Hasher(
            time_cost=cost.time_cost, memory_cost=cost.memory_kib, parallelism=cost.parallelism
        )
        self.bcrypt = BcryptHasher()
        # The first hasher hashes; the others only verify (and verify_and_update rehashes).
        self.hasher = PasswordHash((argon2, self.bcrypt))
        # The hash of a random password: an unknown e-mail is verified against it, so a login
        # costs the same whether the account exists or not (no user enumeration by timing).
        self.dummy_hash = self.hasher.hash(secrets.token_urlsafe(16))

    def hash(self, password: str) -> str:
        return self.hasher.hash(normalized(password))

    def verify(self, password: str, stored: str | None) -> tuple[bool, str | None]:
        """Is ``password`` right for ``stored``? And a new hash to store, or None to keep it.

        ``stored`` is None for an unknown user: the dummy hash is verified (the same cost), and
        the answer is False. A legacy bcrypt hash, or Argon2id with older parameters, that
        verifies comes with an up-to-date Argon2id hash.
        """
        password = normalized(password)
        if stored is None:
            self.hasher.verify(password, self.dummy_hash)
            return False, None
        try:
            if self.bcrypt.identify(stored) and len(password.encode()) > BCRYPT_MAX_BYTES:
                # The old system hashed what bcrypt reads: the first 72 bytes. Check those, then
                # store a hash of the whole password.
                valid = self.bcrypt.verify(password.encode()[:BCRYPT_MAX_BYTES], stored)
                return valid, self.hash(password) if valid else None
            return self.hasher.verify_and_update(password, stored)
        except UnknownHashError:  # not a hash at all (an account that cannot log in)
            self.hasher.verify(password, self.dummy_hash)
            return False, None

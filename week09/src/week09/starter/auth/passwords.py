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
    """The shipped blocklist (``week09/data/common-passwords.txt``), lowercased."""
    raise NotImplementedError("TODO: its lines, stripped, lowercased; no blanks or comments")


def normalized(password: str) -> str:
    """NFKC: the same password typed on any keyboard hashes the same (NIST SP 800-63B)."""
    raise NotImplementedError("TODO: the NFKC form")


def password_problems(password: str, email: str) -> list[str]:
    """Why a new password is refused (empty: it is fine). Length, a blocklist, not the e-mail."""
    raise NotImplementedError("TODO: length, blocklist, no e-mail local part")


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
        raise NotImplementedError("TODO: Argon2id of the NFKC form")

    def verify(self, password: str, stored: str | None) -> tuple[bool, str | None]:
        """Is ``password`` right for ``stored``? And a new hash to store, or None to keep it.

        ``stored`` is None for an unknown user: the dummy hash is verified (the same cost), and
        the answer is False. A legacy bcrypt hash, or Argon2id with older parameters, that
        verifies comes with an up-to-date Argon2id hash.
        """
        raise NotImplementedError("TODO: dummy hash if unknown; 72 bytes; verify_and_update")

"""L1: storing passwords: why a fast hash loses them, and what to use instead.

**Authentication** answers "who are you?" (a password, a token); **authorisation** answers "may
you do this?" (a role, an owner check). This lecture is about the first: a server must check a
password without being able to give it back, so it keeps a *hash*, and a leaked table must not
turn into a list of passwords.

1. **Fast hashes are wrong for passwords.** MD5 and SHA-256 are built to be fast: one GPU computes
   billions per second. A leaked unsalted hash is reversed by *looking it up* in a precomputed
   table of common passwords (a rainbow table is a compressed form of the same idea); equal
   passwords have equal hashes, so one lookup cracks every user who chose it.
2. **A salt** (random, per password, stored with the hash) makes every hash unique: precomputed
   tables are useless, each guess must be tried against each user separately. It does not make a
   guess any slower, so a fast hash still falls to brute force.
3. **A slow, memory-hard hash** does: Argon2id (winner of the Password Hashing Competition, 2015)
   costs time *and* memory per guess, and memory is what GPUs have least of per core. pwdlib's
   ``PasswordHash.recommended()`` is Argon2id with argon2-cffi's defaults (RFC 9106's second
   recommended option: t=3 passes over m=64 MiB, p=4 lanes); the hash string carries algorithm,
   parameters and salt, so the parameters can be raised later without breaking old hashes.
4. **bcrypt** is still secure and everywhere in older systems (cost 12 = 2^12 rounds; it uses only
   the first 72 bytes of a password, and bcrypt 5 raises for longer ones). pwdlib verifies bcrypt
   hashes, and ``verify_and_update`` returns an Argon2id hash to store instead: users migrate one
   login at a time, without a reset.
5. **passlib** did all this for a decade, but it is unmaintained: it breaks with bcrypt 4.1+/5 and
   relies on the ``crypt`` module that Python 3.13 removed. New code uses pwdlib (FastAPI's docs do).

Run: ``uv run python -m week09.lectures.l1_passwords``
"""

from __future__ import annotations

import hashlib
import secrets
import time
import unicodedata
from functools import cache
from importlib.resources import files

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from pwdlib.hashers.bcrypt import BcryptHasher

# Published hashcat benchmarks of one consumer GPU (an RTX 4090, hashcat 6.2.6, 2022), in
# guesses per second. bcrypt is measured at cost 5 (2^5 rounds); cost 12 is 2^7 times slower.
GPU_RATES = {
    "MD5": 164.1e9,
    "SHA-256": 21.98e9,
    "bcrypt, cost 12": 184_000 / 2**7,
}
SECONDS_PER_YEAR = 365.25 * 86400
MIN_LENGTH, MAX_LENGTH = 15, 128  # NIST SP 800-63B-4 for a password that is the only factor


@cache
def common_passwords() -> frozenset[str]:
    """The shipped blocklist (``week09/data/common-passwords.txt``), lowercased."""
    text = files("week09.data").joinpath("common-passwords.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(line.lower() for line in lines if line and not line.startswith("#"))


def rainbow_table(words: frozenset[str], algorithm: str) -> dict[str, str]:
    """Hash -> password for every word: built once, it reverses any unsalted leak of them."""
    return {hashlib.new(algorithm, word.encode()).hexdigest(): word for word in words}


def leak(passwords: dict[str, str], algorithm: str, salted: bool) -> dict[str, str]:
    """What a database dump shows: each user's hash (with its salt in front, when salted)."""
    leaked = {}
    for user, password in passwords.items():
        salt = secrets.token_hex(8) if salted else ""
        digest = hashlib.new(algorithm, (salt + password).encode()).hexdigest()
        leaked[user] = f"{salt}${digest}" if salted else digest
    return leaked


def crack(leaked: dict[str, str], table: dict[str, str]) -> dict[str, str]:
    """Every user whose stored hash is in the table: one dictionary lookup each."""
    return {user: table[digest] for user, digest in leaked.items() if digest in table}


def cpu_rate(algorithm: str, seconds: float = 0.05) -> float:
    """Hashes per second on this CPU, in pure Python (one GPU: tens of thousands times more)."""
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        for guess in range(1000):
            hashlib.new(algorithm, str(guess).encode())
        count += 1000
    return count / (time.perf_counter() - started)


def time_to_exhaust(alphabet: int, length: int, rate: float) -> str:
    """How long trying every password of ``length`` characters from ``alphabet`` takes."""
    seconds = alphabet**length / rate
    for unit, size in (("years", SECONDS_PER_YEAR), ("days", 86400), ("hours", 3600)):
        if seconds >= size:
            return f"{seconds / size:,.0f} {unit}"
    return f"{seconds:,.0f} seconds"


def parameters(stored: str) -> str:
    """``$argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>`` -> ``m=65536,t=3,p=4``."""
    return stored.split("$")[3]


def legacy_login(password: str, stored: str, hasher: PasswordHash) -> tuple[bool, str | None]:
    """Verify against any known scheme; a second value is a new hash to store (None: keep it)."""
    return hasher.verify_and_update(password, stored)


def password_problems(password: str, email: str) -> list[str]:
    """What is wrong with a new password; no composition rules ("one digit, one symbol"): they
    make passwords harder to remember, not to guess, and NIST SP 800-63B forbids them."""
    password = unicodedata.normalize("NFKC", password)  # the same password typed on any device
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"use at least {MIN_LENGTH} characters (a few words make a good one)")
    if len(password) > MAX_LENGTH:
        problems.append(f"use at most {MAX_LENGTH} characters")
    if password.lower() in common_passwords():
        problems.append("this password is on a list of common passwords: choose another")
    if email and email.split("@")[0].lower() in password.lower():
        problems.append("do not use your e-mail address in your password")
    return problems


def main() -> None:
    users = {"ann": "letmein", "bob": "dragon", "cem": "letmein", "dee": "x7#Kq!v9Lm2$wRt4"}
    table = rainbow_table(common_passwords(), "md5")
    print(f"rainbow table: {len(table)} common passwords, hashed with MD5 once")
    print(f"  unsalted leak -> cracked {sorted(crack(leak(users, 'md5', False), table).items())}")
    print(f"  salted leak   -> cracked {crack(leak(users, 'md5', True), table)}")
    print(f"this CPU, pure Python: about {cpu_rate('sha256'):,.0f} SHA-256 hashes per second")
    print("one GPU, every 8-character password of 95 printable characters:")
    for name, rate in GPU_RATES.items():
        print(f"  {name:>15}: {time_to_exhaust(95, 8, rate)}")

    recommended = PasswordHash.recommended()
    started = time.perf_counter()
    stored = recommended.hash("correct horse battery staple")
    valid = recommended.verify("correct horse battery staple", stored)
    elapsed = (time.perf_counter() - started) * 1000
    print(f"PasswordHash.recommended(): {stored.split('$')[1]}, {parameters(stored)}")
    print(f"  hash + verify: {valid}, {elapsed:,.0f} ms")

    cheap = Argon2Hasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)  # a demo's cost
    migrating = PasswordHash((cheap, BcryptHasher()))  # new hashes: Argon2id; bcrypt: verified
    legacy = BcryptHasher(rounds=10).hash("correct horse battery staple")
    valid, new_hash = legacy_login("correct horse battery staple", legacy, migrating)
    print(f"legacy bcrypt login: valid={valid}, store instead: {(new_hash or '')[:30]}...")
    for password in (
        "Tr0ub4dor&3",
        "passwordpassword1",
        "ann.lee-secret-notes",
        "four words are enough",
    ):
        print(f"  {password!r:>24}: {password_problems(password, 'ann.lee@example.com') or 'ok'}")


if __name__ == "__main__":
    main()

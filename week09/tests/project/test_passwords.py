"""Task 1: password hashing and password rules (``auth/passwords.py``)."""

from typing import Any

import pytest
from pwdlib.hashers.bcrypt import BcryptHasher

from testkit import impl_module

pytestmark = pytest.mark.task(1)
passwords_module = impl_module("week09", "auth.passwords")
PasswordCost = impl_module("week09", "settings").PasswordCost
GOOD = "plum kettle orbit sandal"


@pytest.fixture(scope="module")
def passwords() -> Any:
    return passwords_module.Passwords(PasswordCost(time_cost=1, memory_kib=1024, parallelism=1))


@pytest.mark.points(2)
def test_new_hashes_are_salted_argon2id(passwords: Any) -> None:
    first, second = passwords.hash(GOOD), passwords.hash(GOOD)

    assert first.startswith("$argon2id$v=19$m=1024,t=1,p=1$")
    assert first != second  # a new salt each time
    assert passwords.verify(GOOD, first) == (True, None)
    assert passwords.verify("plum kettle orbit sandals", first) == (False, None)


@pytest.mark.points(2)
def test_an_unknown_user_costs_one_verification_and_never_matches(passwords: Any) -> None:
    calls: list[str] = []
    real_verify = passwords.hasher.verify

    def counting(password: str, hash: str) -> bool:
        calls.append(hash)
        return bool(real_verify(password, hash))

    passwords.hasher.verify = counting
    try:
        assert passwords.verify(GOOD, None) == (False, None)
        assert passwords.verify(GOOD, "!") == (False, None)  # no hash at all: cannot log in
    finally:
        del passwords.hasher.verify
    assert calls == [passwords.dummy_hash, passwords.dummy_hash]


@pytest.mark.points(2)
def test_a_legacy_bcrypt_hash_verifies_and_is_upgraded(passwords: Any) -> None:
    legacy = BcryptHasher(rounds=4).hash(GOOD)

    valid, new_hash = passwords.verify(GOOD, legacy)

    assert valid
    assert new_hash is not None
    assert new_hash.startswith("$argon2id$")
    assert passwords.verify(GOOD, new_hash) == (True, None)
    assert passwords.verify("wrong password here", legacy) == (False, None)


@pytest.mark.points(1)
def test_argon2_hashes_with_old_parameters_are_upgraded(passwords: Any) -> None:
    old = passwords_module.Passwords(PasswordCost(time_cost=1, memory_kib=512, parallelism=1))

    valid, new_hash = passwords.verify(GOOD, old.hash(GOOD))

    assert valid
    assert new_hash is not None
    assert "$m=1024,t=1,p=1$" in new_hash


@pytest.mark.points(1)
def test_bcrypt_only_ever_read_72_bytes(passwords: Any) -> None:
    long_password = "x" * 80 + " four more words"
    legacy = BcryptHasher(rounds=4).hash(long_password.encode()[:72])  # what bcrypt 4 stored

    valid, new_hash = passwords.verify(long_password, legacy)  # bcrypt 5 would raise here

    assert valid
    assert new_hash is not None
    assert passwords.verify(long_password, new_hash) == (True, None)  # now the whole password


@pytest.mark.points(1)
def test_unicode_forms_of_one_password_are_one_password(passwords: Any) -> None:
    composed, decomposed = "caf\u00e9 au lait, bien chaud", "cafe\u0301 au lait, bien chaud"
    assert passwords.verify(decomposed, passwords.hash(composed)) == (True, None)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short one", "at least 15 characters"),
        ("PasswordPassword1", "list of common passwords"),
        ("qwertyuiopasdfgh", "list of common passwords"),
        ("ann.lee is my password", "e-mail"),
    ],
)
def test_password_rules(password: str, problem: str) -> None:
    problems = passwords_module.password_problems(password, "ann.lee@example.com")
    assert len(problems) == 1
    assert problem in problems[0]


@pytest.mark.points(1)
def test_length_not_composition() -> None:
    assert passwords_module.password_problems("all lower case words", "ann@example.com") == []
    assert passwords_module.password_problems("ｐａｓｓｗｏｒｄｐａｓｓｗｏｒｄ", "") != []  # noqa: RUF001
    assert len(passwords_module.password_problems("short", "short@example.com")) == 2

import pytest
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from pwdlib.hashers.bcrypt import BcryptHasher
from week09.lectures import l1_passwords as l1

CHEAP = Argon2Hasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)


def test_an_unsalted_leak_is_reversed_by_lookup_and_a_salted_one_is_not() -> None:
    users = {"ann": "letmein", "bob": "letmein", "dee": "x7#Kq!v9Lm2$wRt4"}
    table = l1.rainbow_table(l1.common_passwords(), "sha256")

    assert l1.crack(l1.leak(users, "sha256", salted=False), table) == {
        "ann": "letmein", "bob": "letmein"
    }  # fmt: skip
    salted = l1.leak(users, "sha256", salted=True)
    assert salted["ann"] != salted["bob"]  # equal passwords, different hashes
    assert l1.crack(salted, table) == {}


def test_a_fast_hash_falls_in_hours_a_slow_one_in_millennia() -> None:
    assert l1.time_to_exhaust(95, 8, l1.GPU_RATES["MD5"]) == "11 hours"
    assert l1.time_to_exhaust(95, 8, l1.GPU_RATES["bcrypt, cost 12"]).endswith("years")
    assert l1.time_to_exhaust(10, 4, 1000) == "10 seconds"
    assert l1.cpu_rate("md5", seconds=0.01) > 1000


def test_recommended_is_argon2id_with_its_parameters_in_the_hash() -> None:
    (hasher,) = PasswordHash.recommended().hashers
    assert isinstance(hasher, Argon2Hasher)
    stored = PasswordHash((CHEAP,)).hash("correct horse battery staple")

    assert stored.startswith("$argon2id$v=19$")
    assert l1.parameters(stored) == "m=8192,t=1,p=1"


def test_a_legacy_bcrypt_hash_verifies_and_comes_back_as_argon2id() -> None:
    migrating = PasswordHash((CHEAP, BcryptHasher()))
    legacy = BcryptHasher(rounds=4).hash("correct horse battery staple")

    valid, new_hash = l1.legacy_login("correct horse battery staple", legacy, migrating)
    assert valid
    assert new_hash is not None
    assert new_hash.startswith("$argon2id$")
    assert l1.legacy_login("wrong password", legacy, migrating) == (False, None)
    # A current hash with current parameters needs no update.
    assert migrating.verify_and_update("pw", CHEAP.hash("pw")) == (True, None)


def test_weaker_argon2_parameters_are_upgraded_on_login() -> None:
    weak = Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1).hash("pw")

    valid, new_hash = PasswordHash((CHEAP,)).verify_and_update("pw", weak)

    assert valid
    assert new_hash is not None
    assert l1.parameters(new_hash) == "m=8192,t=1,p=1"


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("Tr0ub4dor&3", "at least 15"),
        ("x" * 129, "at most 128"),
        ("PasswordPassword1", "common passwords"),
        ("my name is ann.lee, ok", "e-mail"),
    ],
)
def test_password_rules(password: str, problem: str) -> None:
    problems = l1.password_problems(password, "ann.lee@example.com")
    assert len(problems) == 1
    assert problem in problems[0]


def test_length_counts_not_composition() -> None:
    assert l1.password_problems("four words are enough", "ann@example.com") == []
    # NFKC: a full-width password and its plain form are the same password.
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in "passwordpassword")  # U+FF50...
    assert l1.password_problems(full_width, "") == [
        "this password is on a list of common passwords: choose another"
    ]


def test_the_demo_runs(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # The demo hashes once with the recommended (slow) parameters; cheap ones keep the test fast.
    monkeypatch.setattr(PasswordHash, "recommended", classmethod(lambda cls: cls((CHEAP,))))
    l1.main()
    out = capsys.readouterr().out
    assert (
        "unsalted leak -> cracked [('ann', 'letmein'), ('bob', 'dragon'), ('cem', 'letmein')]"
        in out
    )
    assert "salted leak   -> cracked {}" in out
    assert "legacy bcrypt login: valid=True" in out

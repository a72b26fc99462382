from datetime import UTC, datetime, timedelta

import jwt
import pytest
from week09.lectures import l2_jwt as l2


def test_a_token_is_readable_by_anyone_and_verifiable_by_the_secret_holder() -> None:
    token = jwt.encode(l2.claims("42", role="admin"), l2.SECRET)

    header, payload, valid = l2.decode_by_hand(token, l2.SECRET)
    assert header == {"alg": "HS256", "typ": "JWT"}
    assert payload["sub"] == "42"
    assert payload["exp"] - payload["iat"] == 15 * 60
    assert valid
    assert not l2.decode_by_hand(token, "another-secret")[2]


def test_verify_refuses_every_attack_with_its_own_error() -> None:
    assert l2.attacks(datetime.now(UTC)) == {
        "valid": "accepted",
        "tampered payload": "InvalidSignatureError",
        "alg none": "InvalidAlgorithmError",
        "expired": "ExpiredSignatureError",
        "not yet valid": "ImmatureSignatureError",
        "wrong audience": "InvalidAudienceError",
        "wrong issuer": "InvalidIssuerError",
        "no jti": "MissingRequiredClaimError",
        "wrong secret": "InvalidSignatureError",
        "RS256 signed, HS256 expected": "InvalidAlgorithmError",
    }


def test_leeway_tolerates_small_clock_skew_only() -> None:
    now = datetime.now(UTC)
    token = jwt.encode(l2.claims("42", now - timedelta(minutes=15, seconds=20)), l2.SECRET)

    assert l2.outcome(token, l2.SECRET) == "ExpiredSignatureError"
    assert l2.outcome(token, l2.SECRET, leeway=30) == "accepted"
    assert l2.outcome(token, l2.SECRET, leeway=10) == "ExpiredSignatureError"


def test_rs256_verifies_with_the_published_key_only() -> None:
    key, other = l2.rsa_keypair(), l2.rsa_keypair()
    token = jwt.encode(l2.claims("42", datetime.now(UTC)), key, "RS256", headers={"kid": "k1"})
    document = l2.jwks(key, "k1")

    assert document["keys"][0]["kid"] == "k1"
    assert "d" not in document["keys"][0]  # the private exponent is never published
    assert l2.verify(token, l2.key_from_jwks(document, token), "RS256")["sub"] == "42"
    assert l2.outcome(token, other.public_key(), "RS256") == "InvalidSignatureError"


def test_algorithm_confusion_fools_a_naive_verifier_not_a_pinned_one() -> None:
    key = l2.rsa_keypair()
    forged = l2.forge({"alg": "HS256", "typ": "JWT"}, l2.claims("1", datetime.now(UTC)),
                      secret=l2.public_pem(key))  # fmt: skip

    assert l2.naive_verify(forged, l2.public_pem(key))  # the attacker is in
    assert l2.outcome(forged, key.public_key(), "RS256") == "InvalidAlgorithmError"


def test_the_naive_verifier_still_checks_real_rs256_tokens() -> None:
    key = l2.rsa_keypair()
    token = jwt.encode(l2.claims("42", datetime.now(UTC)), key, "RS256")
    assert l2.naive_verify(token, l2.public_pem(key))
    with pytest.raises(jwt.InvalidSignatureError):
        l2.naive_verify(token, l2.public_pem(l2.rsa_keypair()))


def test_the_demo_runs(capsys: pytest.CaptureFixture[str]) -> None:
    l2.main()
    out = capsys.readouterr().out
    assert "HS256 signed with the public key: naive verifier -> True" in out
    assert "verify(algorithms=['RS256']) -> InvalidAlgorithmError" in out

import pytest
from week09.lectures import l2_refresh as l2


def test_each_refresh_rotates_the_token() -> None:
    store = l2.RefreshStore()
    first = store.login()
    second = store.refresh(first)
    third = store.refresh(second)

    assert len({first, second, third}) == 3
    assert store.tokens[first].family == store.tokens[third].family


def test_a_reused_token_revokes_the_whole_family() -> None:
    store = l2.RefreshStore()
    first = store.login()
    second = store.refresh(first)
    other_login = store.login()

    with pytest.raises(l2.RefreshError, match="reused"):
        store.refresh(first)
    with pytest.raises(l2.RefreshError, match="revoked"):
        store.refresh(second)  # the legitimate client's newest token dies too
    assert store.refresh(other_login)  # another login (another device) is untouched


def test_logout_revokes_the_family_and_unknown_tokens_are_refused() -> None:
    store = l2.RefreshStore()
    token = store.refresh(store.login())
    store.logout(token)
    store.logout("never-issued")

    with pytest.raises(l2.RefreshError):
        store.refresh(token)
    with pytest.raises(l2.RefreshError, match="unknown"):
        store.refresh("never-issued")


def test_the_story(capsys: pytest.CaptureFixture[str]) -> None:
    l2.main()
    assert capsys.readouterr().out.splitlines() == [
        "client logs in: refresh token r1",
        "client refreshes: ok, gets a new refresh token r2",
        "thief (with r1) refreshes: refused (refresh token reused: every session of this login is revoked)",
        "client (with r2) refreshes: refused (unknown or revoked refresh token)",
    ]

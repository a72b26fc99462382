from week08.lectures import l2_auth as l2


async def test_the_token_is_cached_refreshed_early_and_renewed_after_a_401() -> None:
    result = await l2.demo()

    assert result["statuses"] == [200, 200, 200, 200]
    assert result["tokens after 2 calls"] == 1  # cached
    assert result["tokens issued"] == 3  # one refreshed inside the leeway, one after a 401
    assert result["api key (without, with)"] == (401, 200)


def test_a_token_is_fresh_until_the_leeway_before_its_expiry() -> None:
    clock = [0.0]
    auth = l2.ClientCredentials("http://x/token", "id", "secret", leeway=60, now=lambda: clock[0])
    auth.token, auth.expires_at = "t", 3600.0

    clock[0] = 3539.0
    assert auth.fresh()
    clock[0] = 3540.0
    assert not auth.fresh()

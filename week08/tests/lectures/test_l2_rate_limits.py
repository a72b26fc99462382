from week08.lectures import l2_rate_limits as l2


async def test_a_greedy_client_earns_429s_and_a_polite_one_none() -> None:
    result = await l2.demo()

    assert result["greedy"] == [200] * 5 + [429] * 3
    assert result["polite"] == [200] * 8


def test_pace_shares_the_time_to_the_reset() -> None:
    headers = {"x-ratelimit-remaining": "4", "x-ratelimit-reset": "1100"}

    assert l2.pace(headers, now=1000) == 25.0
    assert l2.pace({**headers, "x-ratelimit-remaining": "0"}, now=1000) == 100.0
    assert l2.pace({}, now=1000) == 0.0


async def test_the_token_bucket_bursts_then_paces_on_a_fake_clock() -> None:
    assert await l2.bucket_times(rate=2, capacity=3, requests=7) == [0, 0, 0, 0.5, 1.0, 1.5, 2.0]


async def test_aiolimiter_allows_the_same_burst_then_spreads_the_rest() -> None:
    times = await l2.aiolimiter_times(rate=3, period=0.3, requests=6)

    assert times[2] < 0.05  # the first 3 at once
    assert times[5] >= 0.25  # the last one only after most of a period

from redis import Redis
from week10.lectures import l1_scan as lecture


def test_scan_finds_every_key_in_many_short_calls_and_keys_in_one_long_one(
    own_redis_url: str,
) -> None:
    with Redis.from_url(own_redis_url, decode_responses=True) as r:  # INFO commandstats: its own
        result = lecture.demo(r, keys=20_000)

    assert result.same_keys
    assert result.keys == 20_000
    assert result.keys_time.calls == 1
    assert result.scan_time.calls == result.scan_calls >= 100  # COUNT 100 per call
    # The server's own clock: KEYS held it far longer in one go than any SCAN call did.
    assert result.keys_time.usec_per_call > 5 * result.scan_time.usec_per_call


def test_scan_filters_with_match_and_ends_at_cursor_zero(r: Redis) -> None:
    r.mset({"user:1": "a", "user:2": "b", "task:1": "c"})
    found, calls = lecture.with_scan(r, "user:*")
    assert found == {"user:1", "user:2"}
    assert calls >= 1

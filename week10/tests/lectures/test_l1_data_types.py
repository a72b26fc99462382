from redis import Redis
from week10.lectures import l1_data_types as lecture


def test_counters_and_hashes(r: Redis) -> None:
    assert [lecture.count_view(r, "/") for _ in range(3)] == [1, 2, 3]
    assert lecture.add_points(r, "ada", 5) == 5
    lecture.save_user(r, 7, "Ada", "free")
    assert lecture.record_login(r, 7) == 1
    assert lecture.load_user(r, 7) == {"name": "Ada", "plan": "free", "logins": "1"}


def test_a_list_is_a_fifo_queue_and_a_bounded_recent_list(r: Redis) -> None:
    lecture.enqueue(r, "a", "b")
    lecture.enqueue(r, "c")
    assert [lecture.take_job(r) for _ in range(3)] == ["a", "b", "c"]
    assert lecture.take_job(r, wait=0.05) is None  # empty: BRPOP gave up after the wait
    for task in ["t1", "t2", "t3", "t1", "t4"]:
        recent = lecture.remember_viewed(r, "ada", task)
    assert recent == ["t4", "t1", "t3"]  # newest first, no duplicates, at most 3


def test_sets_count_unique_members_and_intersect(r: Redis) -> None:
    assert [lecture.visit(r, "d", v) for v in ["ada", "bob", "ada"]] == [1, 2, 2]
    lecture.tag(r, "t1", "urgent", "backend")
    lecture.tag(r, "t2", "urgent")
    assert lecture.tagged_with_all(r, "urgent", "backend") == {"t1"}
    assert lecture.tagged_with_all(r, "urgent") == {"t1", "t2"}


def test_a_sorted_set_ranks_players(r: Redis) -> None:
    for player, points in [("ada", 30), ("bob", 50), ("cy", 10), ("ada", 25)]:
        lecture.score(r, player, points)
    assert lecture.top(r, 2) == [("ada", 55.0), ("bob", 50.0)]
    assert lecture.rank(r, "cy") == 3
    assert lecture.rank(r, "nobody") is None


def test_a_sorted_set_counts_requests_in_a_sliding_window(r: Redis) -> None:
    counts = [lecture.requests_in_window(r, "ada", t, window_ms=1000) for t in (0, 400, 900, 1500)]
    assert counts == [1, 2, 3, 2]  # at 1500, the requests at 0 and 400 are out of the window


def test_ttl_answers_and_the_commands_that_drop_an_expiry(r: Redis) -> None:
    assert lecture.ttl_rules(r) == {
        "with EX 300": 300,
        "without expiry": -1,
        "missing key": -2,
        "after a plain SET": -1,
        "after SET ... KEEPTTL": 300,
        "after PERSIST": -1,
    }


def test_an_expired_key_disappears_by_itself(r: Redis) -> None:
    took = lecture.expires_by_itself(r, ttl_ms=30)
    assert took >= 0.02  # not before its time (a little clock slack)
    assert r.get("otp") is None

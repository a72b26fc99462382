"""Problem 5: topic wildcards (the statement is in week12/src/week12/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p05 = impl_module("week12.dsa", "p05_topic_router")
pytestmark = pytest.mark.task(5)


def matches(pattern: list[str], topic: list[str]) -> bool:
    """Whether a pattern matches a topic, segment by segment (recursion on both lists)."""
    if pattern == ["#"]:
        return True
    if not pattern or not topic:
        return not pattern and not topic
    return pattern[0] in ("*", topic[0]) and matches(pattern[1:], topic[1:])


def oracle(subscriptions: list[tuple[str, str]], topic: str) -> list[str]:
    """Try every subscription."""
    return sorted({
        client for pattern, client in subscriptions
        if matches(pattern.split("."), topic.split("."))
    })  # fmt: skip


def test_example_from_the_statement() -> None:
    router = p05.TopicRouter()
    router.subscribe("room.lobby.message", "ana")
    router.subscribe("room.*.message", "ben")
    router.subscribe("room.#", "cleo")
    router.subscribe("room.*", "dan")
    assert router.match("room.lobby.message") == ["ana", "ben", "cleo"]
    assert router.match("room.dev.message") == ["ben", "cleo"]
    assert router.match("room.dev") == ["cleo", "dan"]
    assert router.match("room") == ["cleo"]  # # matches no segment too
    assert router.match("presence.ana") == []


def test_edge_cases() -> None:
    router = p05.TopicRouter()
    assert router.match("room.lobby") == []
    router.subscribe("#", "all")
    router.subscribe("a.b", "x")
    router.subscribe("a.b", "x")  # subscribed twice: listed once
    router.subscribe("*.b", "x")  # two patterns of one client matching: listed once
    assert router.match("a.b") == ["all", "x"]
    assert router.match("a.b.c") == ["all"]  # a pattern without # matches whole topics only
    assert router.match("a") == ["all"]
    router.subscribe("*.*.#", "y")
    assert router.match("a.b") == ["all", "x", "y"]
    assert router.match("a") == ["all"]


segment = st.sampled_from(["a", "b"])
pattern_segments = st.lists(st.sampled_from(["a", "b", "*"]), min_size=1, max_size=3)


@PROPERTY
@given(
    st.lists(st.tuples(pattern_segments, st.booleans(), st.sampled_from("xyz")), max_size=8),
    st.lists(st.lists(segment, min_size=1, max_size=4), min_size=1, max_size=5),
)
def test_matches_a_brute_force_oracle(
    patterns: list[tuple[list[str], bool, str]], topics: list[list[str]]
) -> None:
    subscriptions = [(".".join(p + ["#"] * hashed), client) for p, hashed, client in patterns]
    router = p05.TopicRouter()
    for pattern, client in subscriptions:
        router.subscribe(pattern, client)
    for topic in map(".".join, topics):
        assert router.match(topic) == oracle(subscriptions, topic)


def test_large_input_is_fast() -> None:
    n = 50_000  # 50,000 rooms, a match in each: trying every subscription is 2.5 x 10^9 checks
    router = p05.TopicRouter()
    with fast_enough("O(segments) a subscription, O(segments x matching nodes) a match", n):
        for i in range(n):
            router.subscribe(f"room.{i}.message", f"user-{i}")
        router.subscribe("room.*.typing", "bot")
        found = [router.match(f"room.{i}.message") for i in range(n)]
    assert found[123] == ["user-123"]
    assert router.match("room.7.typing") == ["bot"]

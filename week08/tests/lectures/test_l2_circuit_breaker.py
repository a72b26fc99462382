from week08.lectures import l2_circuit_breaker as l2


async def test_the_hand_written_breaker_walks_every_transition() -> None:
    log = await l2.hand_written()

    assert log == [
        "error (closed)", "error (closed)", "error (open)",  # closed -> open at the threshold
        "fast fail (open)", "fast fail (open)",  # open: the upstream is not called
        "error (open)",  # half-open trial fails -> open again
        "ok (closed)",  # half-open trial succeeds -> closed
        "upstream saw 5 calls",
    ]  # fmt: skip


async def test_purgatory_does_the_same() -> None:
    log = await l2.with_purgatory(ttl=0.05)

    assert log[:4] == ["error", "error", "error", "fast fail"]
    assert log[4] == "ok"
    assert log[5] == "state closed, upstream saw 4 calls"

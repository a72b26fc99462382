"""Lecture 2: reconnection waits grow exponentially up to a cap, each drawn at random below it."""

from __future__ import annotations

import random
from itertools import islice

from week12.lectures.l2_reconnect import reconnect_delays


def test_waits_are_jittered_below_a_growing_bound_and_capped() -> None:
    waits = list(islice(reconnect_delays(base=0.5, cap=4.0, rng=random.Random(7)), 10))
    bounds = [min(4.0, 0.5 * 2**n) for n in range(10)]
    assert all(0 <= wait <= bound for wait, bound in zip(waits, bounds, strict=True))
    assert max(waits[5:]) > 2.0  # later attempts really wait longer (the cap, not the base)
    assert len(set(waits)) == len(waits)  # random: clients that failed together spread out


def test_two_clients_do_not_retry_in_step() -> None:
    first = list(islice(reconnect_delays(rng=random.Random(1)), 5))
    second = list(islice(reconnect_delays(rng=random.Random(2)), 5))
    assert first != second

"""Task 1: key design: namespaced, versioned, generations, parameters as a digest."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pydantic import BaseModel

from ..caching import module

pytestmark = [pytest.mark.task(9), pytest.mark.points(0)]  # inherited: a guard, no points


class Filters(BaseModel):
    status: str | None = None
    tag_id: list[int] = []
    due: date | None = None


def test_equal_parameters_give_equal_digests_in_any_order() -> None:
    keys = module("caching.keys")
    assert keys.digest({"a": 1, "b": [2, 3]}) == keys.digest({"b": [2, 3], "a": 1})
    assert keys.digest(Filters(status="done", tag_id=[1])) == keys.digest(
        {"tag_id": [1], "due": None, "status": "done"}
    )


def test_different_parameters_give_different_digests() -> None:
    keys = module("caching.keys")
    digests = {
        keys.digest(Filters()),
        keys.digest(Filters(status="done")),
        keys.digest(Filters(tag_id=[1, 2])),
        keys.digest(Filters(tag_id=[2, 1])),  # order of a list is part of the query
        keys.digest(Filters(due=date(2026, 12, 1))),
    }
    assert len(digests) == 5


def test_a_digest_is_16_hex_digits_whatever_the_user_typed() -> None:
    keys = module("caching.keys")
    hostile = {"title": "a:b c*\n\x00" * 1000}
    assert re.fullmatch(r"[0-9a-f]{16}", keys.digest(hostile))


def test_an_entry_key_names_the_app_version_epoch_owner_generation_and_query() -> None:
    keys = module("caching.keys")
    assert keys.entry(3, 7, 12, "tasks.search", "0123456789abcdef") == (
        "tm:v1:e3:owner:7:g12:tasks.search:0123456789abcdef"
    )
    assert keys.owner_generation(7) == "tm:v1:owner:7:generation"

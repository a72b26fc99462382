from week08.lectures import l2_pagination as l2


async def test_every_style_yields_every_record_once() -> None:
    result = await l2.demo()

    assert result["offset"] == result["cursor"] == result["link header"] == list(range(1, 8))
    assert result["requests for the first 2 records"] == 1  # stopping early requests no more


async def test_an_insert_during_an_offset_walk_repeats_a_record() -> None:
    result = await l2.demo()

    walked = result["offset walk while a record is inserted"]
    assert walked == [1, 2, 3, 3, 4, 5, 6, 7]
    assert [r["id"] for r in l2.RECORDS] == list(range(1, 8))  # the demo put the data back

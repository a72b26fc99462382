from week08.lectures import l3_storage as l3


async def test_upserts_are_idempotent_and_conditional_syncs_skip_unchanged_data(
    postgres_url: str,
) -> None:
    result = await l3.demo(postgres_url)

    assert result["first"] == {"inserted": 2, "updated": 0, "unchanged": 0}
    assert result["again"] == {"inserted": 0, "updated": 0, "unchanged": 2}
    assert result["one changed"] == {"inserted": 0, "updated": 1, "unchanged": 1}
    syncs = result["conditional syncs"]
    assert isinstance(syncs, list)
    assert syncs[0].startswith("200")
    assert syncs[1] == "304: nothing to do"
    assert syncs[2] == "200: {'inserted': 1, 'updated': 0, 'unchanged': 2}"
    assert result["background task"] == ["responding", "client got 202", "task ran"]

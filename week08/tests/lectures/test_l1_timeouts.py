from week08.lectures import l1_timeouts as l1


async def test_each_phase_times_out_against_a_server_slow_in_that_phase() -> None:
    assert (await l1.connect_phase()).startswith("ConnectTimeout")
    assert (await l1.write_phase()).startswith("WriteTimeout")
    assert (await l1.read_phase()).startswith("ReadTimeout")
    assert (await l1.pool_phase()).startswith("PoolTimeout")

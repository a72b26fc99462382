"""Redis outages on command: a stopped server refuses, comes back empty on the same port; a paused
one hangs and comes back with its data; the ``redis_server`` fixture cleans up after either."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import redis

from testkit.services import redis as rd


def test_stop_refuses_connections_and_start_comes_back_empty_on_the_same_url() -> None:
    server = rd.ThrowawayRedis()
    try:
        client = redis.Redis.from_url(server.url(), socket_timeout=2)
        client.set("kept?", "1")
        server.stop()
        with pytest.raises(redis.ConnectionError):
            client.ping()
        server.start()
        server.start()  # already running: nothing happens
        assert client.ping()  # the same client reconnects: same host and port
        assert client.get("kept?") is None  # like a crash without persistence
        client.close()
    finally:
        server.close()
    assert not server.root.exists()


def test_pause_hangs_requests_and_resume_keeps_the_data() -> None:
    server = rd.ThrowawayRedis()
    try:
        client = redis.Redis.from_url(server.url(), socket_timeout=0.2)
        client.set("kept?", "1")
        server.pause()
        with pytest.raises(redis.TimeoutError):
            client.get("kept?")
        server.resume()
        fresh = redis.Redis.from_url(server.url(), socket_timeout=2)
        assert fresh.get("kept?") == b"1"
        client.close()
        fresh.close()
    finally:
        server.close()


def test_a_paused_server_still_closes() -> None:
    server = rd.ThrowawayRedis()
    process = server.server.process
    assert process is not None
    server.pause()
    server.close()
    assert process.poll() is not None
    assert not server.root.exists()


def test_the_fixture_gives_a_server_of_its_own_and_removes_it(
    pytester: pytest.Pytester, tmp_path: Path
) -> None:
    record = tmp_path / "root.txt"
    pytester.makepyfile(
        f"""
        import redis

        def test_outage(redis_server):
            open({str(record)!r}, "w").write(str(redis_server.root))
            client = redis.Redis.from_url(redis_server.url(), socket_timeout=2)
            client.set("k", "v")
            redis_server.stop()
            redis_server.start()
            assert client.get("k") is None
            redis_server.pause()  # left paused on purpose: the teardown still works
        """
    )
    env_url = os.environ.pop("REDIS_URL", None)  # the fixture must ignore it anyway
    try:
        pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)
    finally:
        if env_url is not None:
            os.environ["REDIS_URL"] = env_url
    assert not Path(record.read_text()).exists()

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


def test_the_reused_server_is_one_for_the_session_running_and_empty_for_each_test(
    pytester: pytest.Pytester, tmp_path: Path
) -> None:
    record = tmp_path / "servers.txt"
    pytester.makepyfile(
        f"""
        import redis

        def note(server):
            with open({str(record)!r}, "a") as out:
                out.write(f"{{server.root}} {{server.url()}}\\n")

        def test_leaves_it_paused_with_data_and_stats(reused_redis_server):
            note(reused_redis_server)
            client = redis.Redis.from_url(reused_redis_server.url(), socket_timeout=2)
            client.set("k", "v")
            assert client.info("stats")["total_commands_processed"] > 0
            reused_redis_server.pause()

        def test_leaves_it_stopped(reused_redis_server):
            note(reused_redis_server)
            client = redis.Redis.from_url(reused_redis_server.url(), socket_timeout=2)
            assert client.get("k") is None  # thawed and emptied
            assert client.info("commandstats").get("cmdstat_set") is None  # statistics reset
            reused_redis_server.stop()

        def test_gets_it_running_again(reused_redis_server):
            note(reused_redis_server)
            assert redis.Redis.from_url(reused_redis_server.url(), socket_timeout=2).ping()
        """
    )
    env_url = os.environ.pop("REDIS_URL", None)  # the fixture must ignore it anyway
    try:
        pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=3)
    finally:
        if env_url is not None:
            os.environ["REDIS_URL"] = env_url
    servers = set(record.read_text().splitlines())
    assert len(servers) == 1  # one server (the same folder and port) for the three tests
    (root, _url) = servers.pop().split()
    assert not Path(root).exists()  # removed at the end of the session

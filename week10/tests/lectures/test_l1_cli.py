import pytest
from redis import Redis
from week10.lectures import l1_cli


def test_commands_are_sent_as_resp_arrays_of_bulk_strings() -> None:
    assert (
        l1_cli.encode(["SET", "k", "héllo"])
        == b"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$6\r\nh\xc3\xa9llo\r\n"
    )


def test_replies_print_as_redis_cli_prints_them() -> None:
    assert l1_cli.show(l1_cli.Simple("OK")) == "OK"
    assert l1_cli.show(l1_cli.Error("ERR wrong")) == "(error) ERR wrong"
    assert l1_cli.show(3) == "(integer) 3"
    assert l1_cli.show(b'say "hi"') == '"say \\"hi\\""'
    assert l1_cli.show(None) == "(nil)"
    assert l1_cli.show([]) == "(empty array)"
    assert l1_cli.show([b"a", [b"b", 2]]) == '1) "a"\n2) 1) "b"\n   2) (integer) 2'


def test_the_session_shows_the_basic_commands_and_ttl_answers(r: Redis, redis_url: str) -> None:
    printed = dict(l1_cli.session(redis_url))

    assert printed["GET greeting"] == "(nil)"  # the last line: deleted by DEL
    assert printed["EXISTS greeting nobody"] == "(integer) 1"
    assert printed["INCRBY visits 10"] == "(integer) 11"
    assert printed["INCR greeting"].startswith("(error) ERR value is not an integer")
    assert printed["TTL session:ada"] == "(integer) 60"
    assert printed["TTL greeting"] == "(integer) -1"
    assert printed["TTL nobody"] == "(integer) -2"
    assert printed["KEYS session:*"] == '1) "session:ada"'
    assert printed["DEL greeting visits"] == "(integer) 2"


def test_the_demo_runs_against_a_throwaway_server(capsys: pytest.CaptureFixture[str]) -> None:
    l1_cli.main()
    out = capsys.readouterr().out
    assert 'redis> GET greeting\n"hello"' in out

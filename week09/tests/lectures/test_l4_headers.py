import pytest
from week09.lectures import l4_headers as l4


async def test_every_response_gets_the_headers_and_docs_its_own_policy() -> None:
    seen = await l4.demo()

    for headers in seen.values():
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
    assert seen["http://api/missing"]["Content-Security-Policy"].startswith("default-src 'none'")
    assert "cdn.jsdelivr.net" in seen["http://api/docs"]["Content-Security-Policy"]
    assert seen["http://api/tasks"]["Strict-Transport-Security"] == "-"  # HTTPS only
    assert seen["https://api/tasks"]["Strict-Transport-Security"].startswith("max-age=")


def test_the_demo_runs(capsys: pytest.CaptureFixture[str]) -> None:
    l4.main()
    assert capsys.readouterr().out.count("nosniff=True") == 4

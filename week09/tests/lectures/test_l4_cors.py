import pytest
from week09.lectures import l4_cors as l4


async def test_only_listed_origins_pass_the_preflight() -> None:
    results = await l4.demo()

    status, headers = results["preflight, our front end"]
    assert status == 200
    assert headers["access-control-allow-origin"] == "https://app.task-manager.example"
    assert "DELETE" in headers["access-control-allow-methods"]
    assert headers["access-control-max-age"] == "600"
    status, headers = results["preflight, foreign origin"]
    assert status == 400
    assert "access-control-allow-origin" not in headers  # the origin is not allowed
    assert results["preflight, unknown header"][0] == 400
    status, headers = results["GET, foreign origin"]
    assert status == 200  # CORS is not access control: the server answered ...
    assert "access-control-allow-origin" not in headers  # ... but the page may not read it


def test_the_demo_prints_what_the_browser_does(capsys: pytest.CaptureFixture[str]) -> None:
    l4.main()
    out = capsys.readouterr().out
    assert "preflight, foreign origin: 400, allow-origin -: the browser refuses to send it" in out

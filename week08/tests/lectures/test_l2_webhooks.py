import pytest
from week08.lectures import l2_webhooks as l2


async def test_only_a_fresh_correctly_signed_delivery_is_processed_once() -> None:
    result = await l2.demo()

    assert result["signed"] == "200 {'status': 'processed'}"
    assert result["again"] == "200 {'status': 'duplicate'}"
    for case in ("tampered", "re-serialised", "wrong secret"):
        assert result[case] == "400 {'detail': 'signature does not match'}"
    assert result["old"] == "400 {'detail': 'timestamp outside the tolerance'}"


@pytest.mark.parametrize("header", ["", "t=1", "v1=abc", "t=x,v1=abc", "garbage"])
def test_malformed_headers_are_refused(header: str) -> None:
    with pytest.raises(ValueError, match="malformed"):
        l2.verify(b"{}", header, now=0)

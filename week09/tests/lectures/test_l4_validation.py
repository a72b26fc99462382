import pytest
from week09.lectures import l4_validation as l4


async def test_unexpected_input_is_refused_and_secrets_do_not_leave() -> None:
    assert await l4.demo() == {
        "valid registration": "201 {'id': 1, 'email': 'ann@example.com', 'display_name': 'Ann'}",
        "role smuggled in": "422 ['extra_forbidden']",
        "huge display name": "422 ['too_long']",
        "NUL in the name": "422 ['value_error']",
        '"yes" as a boolean': "422 ['bool_type']",
        "id beyond the column": "422 ['less_than_equal']",
        "the user, read back": "200 {'id': 1, 'email': 'ann@example.com', 'display_name': 'Ann'}",
    }


def test_the_demo_runs(capsys: pytest.CaptureFixture[str]) -> None:
    l4.main()
    assert "role smuggled in: 422 ['extra_forbidden']" in capsys.readouterr().out

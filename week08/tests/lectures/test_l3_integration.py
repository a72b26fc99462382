import logging

import pytest
from week08.lectures import l3_integration as l3


def test_valid_records_of_both_sources_become_one_timeline(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        result = l3.demo()

    assert result["stored"] == [
        ("github", "1", "[open] Crash"),
        ("stripe", "ch_1", "charge of 2000 eur"),
    ]
    assert result["invalid"] == {
        "updated_at: missing": 1, "id: int_parsing": 1, "state: literal_error": 1,
        "updated_at: timezone_aware": 1, "amount: greater_than_equal": 1,
    }  # fmt: skip
    assert len(caplog.records) == 5  # every failure logged, none fatal
    assert result["all UTC"] is True


def test_internal_models_refuse_unknown_fields() -> None:
    with pytest.raises(ValueError, match="extra"):
        l3.Event.model_validate(
            {"source": "github", "external_id": "1", "title": "t",
             "happened_at": "2026-12-01T00:00:00Z", "typo_field": 1}
        )  # fmt: skip

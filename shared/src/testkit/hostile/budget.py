"""How hard the suite pushes: small and fixed by default (a week's tests stay under a minute),
much more with ``pytest --deep`` (the ``hostile_budget`` fixture picks one)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Budget:
    deep: bool = False
    # The defaults are measured (issue 13): each knob's default finds every planted defect of
    # shared/tests/hostile_app.py, and a week's whole suite then costs seconds, not a minute.
    burst: int = 6  # concurrent copies of one write
    in_flight: int = 6  # hostile requests sent at once
    long_text: int = 10_000  # characters of the "very long" strings
    oversized_body: int = 1_000_000  # bytes of the oversized body
    nesting: int = 100_000  # brackets of the deeply nested body
    examples: int = 1  # schemathesis examples per operation and generation mode
    # Invalid data is what probe_inputs sends, value by value; schemathesis adds it with --deep.
    modes: tuple[str, ...] = ("positive",)
    stateful_examples: int = 4  # schemathesis stateful scenarios per document
    steps: int = 5  # calls per stateful scenario

    @classmethod
    def choose(cls, deep: bool) -> Budget:
        if not deep:
            return cls()
        return cls(
            deep=True, burst=40, in_flight=12, long_text=1_000_000, oversized_body=16_000_000,
            examples=100, modes=("positive", "negative"), stateful_examples=100, steps=15,
        )  # fmt: skip

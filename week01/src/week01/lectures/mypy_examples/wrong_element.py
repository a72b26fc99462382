"""Planted bug: a str slipped into a list of ints (say, a number read from a form field)."""


def average(scores: list[int]) -> float:
    return sum(scores) / len(scores)


def report() -> float:
    return average([90, "85", 70])  # expect: list-item

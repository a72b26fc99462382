"""Planted bug: the signature promises an int, the body returns a str.

Python runs this without complaint; the caller's arithmetic fails later, far from the cause.
Lines marked ``# expect: <code>`` name the error code mypy must report there.
"""


def total_cents(prices: list[int]) -> int:
    total = sum(prices)
    return f"{total} cents"  # expect: return-value

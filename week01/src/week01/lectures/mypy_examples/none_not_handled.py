"""Planted bug: ``dict.get`` may return None, and the code calls a str method on it anyway.

It works in every demo with a known user and crashes in production for an unknown one.
"""

EMAILS = {1: "ada@example.com"}


def email_domain(user_id: int) -> str:
    email = EMAILS.get(user_id)
    return email.split("@")[1]  # expect: union-attr

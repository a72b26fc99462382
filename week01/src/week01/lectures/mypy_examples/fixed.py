"""The three planted bugs, fixed: mypy --strict reports nothing here."""

EMAILS = {1: "ada@example.com"}


def total_cents(prices: list[int]) -> int:
    return sum(prices)


def email_domain(user_id: int) -> str | None:
    email = EMAILS.get(user_id)
    if email is None:  # narrowing: after this check mypy knows email is a str
        return None
    return email.split("@")[1]


def average(scores: list[int]) -> float:
    return sum(scores) / len(scores)


def report() -> float:
    return average([90, int("85"), 70])


async def save_order(order_id: int) -> None: ...


async def checkout(order_id: int) -> str:
    await save_order(order_id)
    return "thank you for your order"

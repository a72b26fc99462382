"""Planted bug: a coroutine called without ``await`` never runs (the order is never saved)."""


async def save_order(order_id: int) -> None: ...


async def checkout(order_id: int) -> str:
    save_order(order_id)  # expect: unused-coroutine
    return "thank you for your order"

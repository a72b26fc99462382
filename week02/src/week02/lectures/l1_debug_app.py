"""Lecture 1: a tiny FastAPI app to practise the IDE debugger on.

The committed debug configurations (``week02/.vscode/launch.json``, ``week02/.run/``) start it
under uvicorn; ``docs/ide-debugging.md`` walks through breakpoints, conditional breakpoints,
watch expressions and stepping on it.

Run: ``uv run python -m week02.lectures.l1_debug_app`` (one request, in process)
Serve: ``uv run uvicorn week02.lectures.l1_debug_app:app --port 8000``
"""

from __future__ import annotations

import asyncio
from decimal import Decimal

import httpx
from fastapi import FastAPI
from pydantic import BaseModel, Field

from week02.lectures.l1_pdb import checkout

app = FastAPI(title="week02 debugging playground")


class Cart(BaseModel):
    prices: list[Decimal] = Field(min_length=1)
    code: str = ""


class Total(BaseModel):
    items: int
    total: Decimal


@app.post("/checkout")
async def checkout_cart(cart: Cart) -> Total:
    total = checkout(cart.prices, cart.code)  # a good first breakpoint: step into checkout()
    return Total(items=len(cart.prices), total=total)


async def demo() -> httpx.Response:
    transport = httpx.ASGITransport(app=app)  # calls the app in process, no server needed
    async with httpx.AsyncClient(transport=transport, base_url="http://playground") as client:
        return await client.post("/checkout", json={"prices": ["20", "40"], "code": "VIP"})


def main() -> None:
    response = asyncio.run(demo())
    print(f"POST /checkout -> {response.status_code} {response.json()}")


if __name__ == "__main__":
    main()

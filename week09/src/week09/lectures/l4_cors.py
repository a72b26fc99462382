"""L4: CORS: which *web pages* may call your API from a browser.

A browser lets a page on ``https://app.example`` send requests to ``https://api.example``, but
lets the page READ the response only if the API says so (``Access-Control-Allow-Origin``). For
requests a plain HTML form could not send (JSON bodies, ``Authorization`` headers, PUT/DELETE) it
first asks with a **preflight**: ``OPTIONS`` with ``Origin`` and ``Access-Control-Request-*``.

Starlette's ``CORSMiddleware`` answers preflights and adds the headers: allowed origins from
settings (exact origins, never ``*`` together with credentials), the methods and headers the API
uses. A refused preflight gets 400 and no allow headers, so the browser never sends the request.

CORS protects *users' browsers* from other sites; it is not access control for the API: curl,
scripts and servers ignore it, which is why every endpoint still checks its token.

Run: ``uv run python -m week09.lectures.l4_cors``
"""

import asyncio

import httpx
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

ALLOWED_ORIGINS = ["https://app.task-manager.example", "http://localhost:5173"]


def make_app(origins: list[str]) -> FastAPI:
    app = FastAPI()
    app.add_middleware(
        CORSMiddleware,
        allow_origins=origins,  # from settings: each deployment lists its own front ends
        allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "If-Match", "Idempotency-Key"],
        expose_headers=["ETag", "Location"],  # response headers the page's JavaScript may read
        max_age=600,  # the browser may cache a preflight's answer for 10 minutes
    )

    @app.get("/tasks")
    async def tasks() -> list[str]:
        return ["Write the CORS lecture"]

    return app


def cors_headers(response: httpx.Response) -> dict[str, str]:
    return {k: v for k, v in response.headers.items() if k.startswith("access-control-")}


async def demo() -> dict[str, tuple[int, dict[str, str]]]:
    transport = httpx.ASGITransport(app=make_app(ALLOWED_ORIGINS))
    async with httpx.AsyncClient(transport=transport, base_url="http://api") as client:

        async def preflight(
            origin: str, method: str = "DELETE", headers: str = "authorization"
        ) -> httpx.Response:
            return await client.options("/tasks", headers={
                "Origin": origin, "Access-Control-Request-Method": method,
                "Access-Control-Request-Headers": headers,
            })  # fmt: skip

        requests = {
            "preflight, our front end": await preflight("https://app.task-manager.example"),
            "preflight, foreign origin": await preflight("https://evil.example"),
            "preflight, unknown header": await preflight("http://localhost:5173", headers="x-debug"),
            "GET, foreign origin": await client.get("/tasks", headers={"Origin": "https://evil.example"}),
        }  # fmt: skip
    return {name: (r.status_code, cors_headers(r)) for name, r in requests.items()}


def verdict(name: str, status: int, headers: dict[str, str]) -> str:
    """What the browser does with this answer."""
    if name.startswith("preflight"):
        return (
            "the browser sends the request" if status == 200 else "the browser refuses to send it"
        )
    readable = "access-control-allow-origin" in headers
    return "the page may read it" if readable else "sent, but the page may not read the response"


def main() -> None:
    for name, (status, headers) in asyncio.run(demo()).items():
        allowed = headers.get("access-control-allow-origin", "-")
        print(f"{name:>26}: {status}, allow-origin {allowed}: {verdict(name, status, headers)}")


if __name__ == "__main__":
    main()

"""L4: security headers: tell the browser to be strict with your responses.

An API's JSON is not a web page, but a browser may still be pointed at it. A few response headers
close the doors nobody needs open:

- ``X-Content-Type-Options: nosniff``: the browser trusts ``Content-Type`` instead of guessing
  (a JSON body that looks like HTML is never run as a page);
- ``Referrer-Policy: no-referrer``: URLs (with ids or tokens in them) do not leak to other sites;
- ``Content-Security-Policy: default-src 'none'; frame-ancestors 'none'``: a response may load
  nothing and may not be framed (clickjacking). The Swagger UI page at ``/docs`` needs its
  script and styles from a CDN and an inline script, so it gets a looser policy of its own;
- ``Cache-Control: no-store`` on responses with tokens or personal data: no shared cache keeps
  them (RFC 6749 requires it for the token endpoint);
- ``Strict-Transport-Security`` (HSTS) only over HTTPS: usually the TLS-terminating proxy sets it,
  and a browser remembers it for ``max-age`` seconds, so start small when you first enable it.

A pure ASGI middleware adds them to every response, errors included.

Run: ``uv run python -m week09.lectures.l4_headers``
"""

import asyncio

import httpx
from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
}
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
    "frame-ancestors 'none'"
)


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.update(API_HEADERS)
                if scope["path"].endswith("/docs"):
                    headers["Content-Security-Policy"] = DOCS_CSP
                if scope["scheme"] == "https":
                    headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
            await send(message)

        await self.app(scope, receive, send_with_headers)


def make_app() -> FastAPI:
    app = FastAPI()
    app.add_middleware(SecurityHeaders)

    @app.get("/tasks")
    async def tasks() -> list[str]:
        return ["<script>alert(1)</script>"]  # nosniff: JSON stays JSON, never a page

    return app


async def demo() -> dict[str, dict[str, str]]:
    names = [*API_HEADERS, "Strict-Transport-Security"]
    seen = {}
    for url in ("http://api/tasks", "https://api/tasks", "http://api/docs", "http://api/missing"):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=make_app())) as client:
            response = await client.get(url)
        seen[url] = {name: response.headers.get(name, "-") for name in names}
    return seen


def main() -> None:
    for url, headers in asyncio.run(demo()).items():
        csp, hsts = headers["Content-Security-Policy"], headers["Strict-Transport-Security"]
        print(f"{url:>18}: nosniff={headers['X-Content-Type-Options'] == 'nosniff'}, "
              f"CSP {csp[:34]}..., HSTS {hsts}")  # fmt: skip


if __name__ == "__main__":
    main()

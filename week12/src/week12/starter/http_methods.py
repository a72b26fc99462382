"""HEAD and OPTIONS for every route (RFC 9110 section 9.3).

FastAPI answers only the methods a route declares, so ``HEAD /tasks`` is a 405 although every
general-purpose server MUST support HEAD wherever GET works (section 9.3.2): clients and proxies
use it to check a resource (its status, ``Content-Length``, ``ETag``) without downloading it.
This middleware runs HEAD as a GET and drops the body, and answers OPTIONS with 204 and an
``Allow`` header listing the path's methods (section 9.3.7), or 404 for an unknown path.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .problems import allowed_methods


class HeadAndOptionsMiddleware:
    """Pure ASGI middleware (no buffering): HEAD runs GET without a body; OPTIONS lists methods."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        methods = allowed_methods(scope["app"], scope["path"])
        if scope["method"] == "OPTIONS" and methods:
            headers = [(b"allow", ", ".join(methods).encode())]
            await send({"type": "http.response.start", "status": 204, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        if scope["method"] == "HEAD" and "GET" in methods:

            async def without_body(message: Message) -> None:
                if message["type"] == "http.response.body":
                    message = {**message, "body": b""}  # the headers still say what GET sends
                await send(message)

            # A copy of the scope: the server keeps seeing HEAD, so it sends no body either.
            await self.app({**scope, "method": "GET"}, receive, without_body)
            return
        await self.app(scope, receive, send)  # an unknown path: the router's 404 (or 405)

"""Security headers on every response (lecture 4, ``lectures/l4_headers.py``).

A pure ASGI middleware, so errors, 404s and the docs pages get them too. The docs pages (Swagger UI
loads its script and styles from a CDN and starts with an inline script) get a policy of their own.
HSTS is left to the TLS-terminating proxy, which knows whether the site is HTTPS-only.
"""

from starlette.types import ASGIApp, Receive, Scope, Send


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # TODO (task 4): X-Content-Type-Options, Referrer-Policy, X-Frame-Options and a strict
        # Content-Security-Policy on every HTTP response; a policy Swagger UI can live with on
        # the docs pages. Other scopes (lifespan) pass through untouched.
        raise NotImplementedError("TODO: add the headers to every HTTP response")

"""L2: authenticating to an API: API keys, bearer tokens, OAuth2 client credentials.

- **API key**: a secret string per client, sent in a header (``X-API-Key: ...``); some APIs take
  it in the query (``?api_key=...``), which leaks it into logs and browser history: prefer headers.
- **Bearer token**: ``Authorization: Bearer <token>`` (Stripe secret keys, GitHub tokens, OAuth2
  access tokens). Set it once on the client (``headers=``), never log it.
- **OAuth2 client credentials** (RFC 6749 section 4.4), for server-to-server calls: POST your
  client id and secret to the token endpoint, get an access token that expires in
  ``expires_in`` seconds, send it as a bearer token. Cache it (one token request per hour, not
  per call) and refresh it *before* it expires (a leeway), so no request goes out with a token
  that expires on the way. A 401 anyway (revoked early): fetch a new one and retry once.

``ClientCredentials`` is an ``httpx.Auth``: the client calls it for every request, so the code
that calls the API never sees a token. Secrets come from the environment, never from the code.

Run: ``uv run python -m week08.lectures.l2_auth``
"""

import asyncio
import base64
import secrets
import time
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs

import httpx
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from week08.lectures.servers import serve

CLIENT_ID, CLIENT_SECRET = "demo-client", "demo-secret-from-the-environment"
API_KEY = "key-123"


@dataclass
class TokenServer:
    """A tiny OAuth2 provider and the API it protects."""

    lifetime: int = 3600
    issued: list[str] = field(default_factory=list)
    revoked: set[str] = field(default_factory=set)

    async def token(self, request: Request) -> JSONResponse:
        form = parse_qs((await request.body()).decode())  # application/x-www-form-urlencoded
        if request.headers.get("authorization") != basic(CLIENT_ID, CLIENT_SECRET):
            return JSONResponse({"error": "invalid_client"}, status_code=401)
        if form.get("grant_type") != ["client_credentials"]:
            return JSONResponse({"error": "unsupported_grant_type"}, status_code=400)
        token = secrets.token_urlsafe(16)
        self.issued.append(token)
        body = {"access_token": token, "token_type": "Bearer", "expires_in": self.lifetime}
        return JSONResponse(body)

    async def data(self, request: Request) -> JSONResponse:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme != "Bearer" or token not in self.issued or token in self.revoked:
            return JSONResponse({"error": "invalid_token"}, status_code=401)
        return JSONResponse({"data": "secret stuff"})

    async def keyed(self, request: Request) -> JSONResponse:
        if request.headers.get("x-api-key") != API_KEY:
            return JSONResponse({"error": "missing or wrong API key"}, status_code=401)
        return JSONResponse({"data": "for key holders"})

    def routes(self) -> list[Route]:
        return [
            Route("/oauth/token", self.token, methods=["POST"]),
            Route("/data", self.data),
            Route("/keyed", self.keyed),
        ]


def basic(client_id: str, client_secret: str) -> str:
    return "Basic " + base64.b64encode(f"{client_id}:{client_secret}".encode()).decode()


class ClientCredentials(httpx.Auth):
    """OAuth2 client credentials as an ``httpx.Auth``: fetch, cache, refresh early, retry a 401."""

    def __init__(
        self, token_url: str, client_id: str, client_secret: str, *, leeway: float = 60.0,
        now: Callable[[], float] = time.monotonic,
    ) -> None:  # fmt: skip
        self.token_url = token_url
        self.authorization = basic(client_id, client_secret)
        self.leeway = leeway
        self.now = now
        self.token: str | None = None
        self.expires_at = 0.0
        self.lock = asyncio.Lock()  # concurrent requests share one refresh, not one each

    def fresh(self) -> bool:
        """A token that is valid for at least ``leeway`` more seconds."""
        return self.token is not None and self.now() < self.expires_at - self.leeway

    def token_request(self) -> httpx.Request:
        return httpx.Request(
            "POST", self.token_url, data={"grant_type": "client_credentials"},
            headers={"Authorization": self.authorization},
        )  # fmt: skip

    async def store(self, response: httpx.Response) -> None:
        await response.aread()  # inside an auth flow, bodies are not read for us
        response.raise_for_status()
        body = response.json()
        self.token = body["access_token"]
        self.expires_at = self.now() + float(body["expires_in"])

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if not self.fresh():
            async with self.lock:
                if not self.fresh():  # another request may have refreshed it while we waited
                    await self.store((yield self.token_request()))
        request.headers["Authorization"] = f"Bearer {self.token}"
        response = yield request
        if response.status_code == 401:  # revoked before its time: one new token, one retry
            await self.store((yield self.token_request()))
            request.headers["Authorization"] = f"Bearer {self.token}"
            yield request


async def with_api_key(base_url: str) -> tuple[int, int]:
    """The same endpoint without and with the key header."""
    async with httpx.AsyncClient(base_url=base_url) as anonymous:
        without = (await anonymous.get("/keyed")).status_code
    async with httpx.AsyncClient(base_url=base_url, headers={"X-API-Key": API_KEY}) as client:
        with_key = (await client.get("/keyed")).status_code
    return without, with_key


async def demo() -> dict[str, object]:
    clock = [1000.0]
    provider = TokenServer(lifetime=3600)
    with serve(provider.routes()) as server:
        auth = ClientCredentials(
            f"{server.url}/oauth/token", CLIENT_ID, CLIENT_SECRET, leeway=60, now=lambda: clock[0]
        )
        async with httpx.AsyncClient(base_url=server.url, auth=auth) as client:
            first = (await client.get("/data")).status_code
            second = (await client.get("/data")).status_code  # the cached token
            tokens_after_two_calls = len(provider.issued)
            clock[0] += 3600 - 59  # 59 s before expiry: inside the leeway, refreshed first
            third = (await client.get("/data")).status_code
            provider.revoked.add(provider.issued[-1])  # the provider revokes it early
            fourth = (await client.get("/data")).status_code  # 401, new token, retried: 200
        key = await with_api_key(server.url)
    return {
        "statuses": [first, second, third, fourth],
        "tokens after 2 calls": tokens_after_two_calls,
        "tokens issued": len(provider.issued),
        "api key (without, with)": key,
    }


def main() -> None:
    for key, value in asyncio.run(demo()).items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()

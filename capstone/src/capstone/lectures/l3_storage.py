"""File uploads to S3-compatible storage with presigned URLs (lecture 3).

The bytes never pass through the API: the client asks for an upload, the API checks the declared
name, type and size against the policy and answers with a presigned URL, the client PUTs the file
straight to the storage, then tells the API it is done. Presigned means signed with the server's
credentials for one object, one method and a few minutes: the URL is the permission.

A declaration is only a claim. ``complete`` reads what actually arrived (size, content type) and
deletes an object that breaks the policy: a client can PUT more bytes than it declared.

Two backends behind one ``Storage`` protocol: ``S3Storage`` (AWS, MinIO, moto in the tests) and
``LocalStorage`` (files under a directory, served by this app with HMAC-signed URLs) for
``make run`` without any cloud account.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Protocol
from urllib.parse import urlencode

from botocore.exceptions import ClientError
from fastapi import APIRouter, FastAPI, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

if TYPE_CHECKING:
    from types_boto3_s3 import S3Client

EXPIRES = 300  # seconds a presigned URL stays valid
Expires = Annotated[int, Query(ge=0, le=2**62)]


@dataclass(frozen=True)
class StoredObject:
    size: int
    content_type: str


class Storage(Protocol):
    def upload_url(self, key: str, content_type: str) -> str: ...
    def download_url(self, key: str) -> str: ...
    async def stat(self, key: str) -> StoredObject | None: ...
    async def delete(self, key: str) -> None: ...


class S3Storage:
    """boto3 is synchronous: presigning is local computation, the rest runs in a thread."""

    def __init__(self, client: S3Client, bucket: str) -> None:
        self.client = client
        self.bucket = bucket

    def upload_url(self, key: str, content_type: str) -> str:
        params = {"Bucket": self.bucket, "Key": key, "ContentType": content_type}
        return self.client.generate_presigned_url("put_object", Params=params, ExpiresIn=EXPIRES)

    def download_url(self, key: str) -> str:
        params = {"Bucket": self.bucket, "Key": key}
        return self.client.generate_presigned_url("get_object", Params=params, ExpiresIn=EXPIRES)

    async def stat(self, key: str) -> StoredObject | None:
        try:
            head = await asyncio.to_thread(self.client.head_object, Bucket=self.bucket, Key=key)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") == "404":
                return None
            raise
        return StoredObject(head["ContentLength"], head["ContentType"])

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self.client.delete_object, Bucket=self.bucket, Key=key)


class LocalStorage:
    """Files under ``root``; URLs to this app's ``/local-files`` routes, signed with HMAC."""

    def __init__(self, root: Path, base_url: str, secret: bytes) -> None:
        self.root = root
        self.base_url = base_url.rstrip("/")
        self.secret = secret

    def sign(self, method: str, key: str, expires: int) -> str:
        message = f"{method}\n{key}\n{expires}".encode()
        return hmac.new(self.secret, message, hashlib.sha256).hexdigest()

    def _url(self, method: str, key: str) -> str:
        expires = int(time.time()) + EXPIRES
        query = urlencode({"expires": expires, "signature": self.sign(method, key, expires)})
        return f"{self.base_url}/local-files/{key}?{query}"

    def upload_url(self, key: str, content_type: str) -> str:
        return self._url("PUT", key)

    def download_url(self, key: str) -> str:
        return self._url("GET", key)

    def verify(self, method: str, key: str, expires: int, signature: str) -> None:
        expected = self.sign(method, key, expires)
        if not hmac.compare_digest(expected, signature) or expires < time.time():
            raise HTTPException(403, "invalid or expired signature")

    def path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root.resolve()):  # "../" in a key: never outside root
            raise HTTPException(404, "no such file")
        return path

    async def stat(self, key: str) -> StoredObject | None:
        path = self.path(key)
        if not path.is_file():
            return None
        content_type = path.with_name(path.name + ".type").read_text()
        return StoredObject(path.stat().st_size, content_type)

    async def delete(self, key: str) -> None:
        for path in (self.path(key), self.path(key + ".type")):
            path.unlink(missing_ok=True)


def local_files_router(storage: LocalStorage) -> APIRouter:
    """What S3 does for presigned URLs, for the local backend: check the signature, then store."""
    router = APIRouter()

    @router.put("/local-files/{key:path}", status_code=200)
    async def put(key: str, expires: Expires, signature: str, request: Request) -> None:
        storage.verify("PUT", key, expires, signature)
        path = storage.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(await request.body())
        content_type = request.headers.get("content-type", "application/octet-stream")
        path.with_name(path.name + ".type").write_text(content_type)

    @router.get("/local-files/{key:path}")
    async def get(key: str, expires: Expires, signature: str) -> Response:
        storage.verify("GET", key, expires, signature)
        found = await storage.stat(key)
        if found is None:
            raise HTTPException(404, "no such file")
        return Response(storage.path(key).read_bytes(), media_type=found.content_type)

    return router


@dataclass(frozen=True)
class UploadPolicy:
    max_bytes: int = 5 * 1024 * 1024
    content_types: frozenset[str] = frozenset({"image/png", "image/jpeg", "application/pdf"})


class UploadRequest(BaseModel):
    filename: str = Field(min_length=1, max_length=200)
    content_type: str = Field(max_length=100)
    size: int = Field(ge=1)


class UploadTicket(BaseModel):
    key: str
    url: str
    method: str = "PUT"
    headers: dict[str, str]


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_KEY = re.compile(r"^org-[0-9]+/[0-9a-f]{32}/[A-Za-z0-9._-]+$")


def new_key(org_id: int, filename: str) -> str:
    """A key the client cannot choose: tenant prefix, random part, a sanitised name."""
    name = _UNSAFE.sub("_", filename).strip("._") or "file"
    return f"org-{org_id}/{uuid.uuid4().hex}/{name}"


def check(policy: UploadPolicy, content_type: str, size: int) -> None:
    if content_type not in policy.content_types:
        allowed = ", ".join(sorted(policy.content_types))
        raise HTTPException(422, f"content type {content_type!r} is not allowed ({allowed})")
    if size > policy.max_bytes:
        raise HTTPException(422, f"{size} bytes is over the limit of {policy.max_bytes}")


def create_app(storage: Storage, policy: UploadPolicy | None = None) -> FastAPI:
    policy = policy or UploadPolicy()
    app = FastAPI()
    if isinstance(storage, LocalStorage):
        app.include_router(local_files_router(storage))

    @app.post("/orgs/{org_id}/uploads", status_code=201)
    async def begin(org_id: int, body: UploadRequest) -> UploadTicket:
        check(policy, body.content_type, body.size)
        key = new_key(org_id, body.filename)
        url = storage.upload_url(key, body.content_type)
        return UploadTicket(key=key, url=url, headers={"Content-Type": body.content_type})

    @app.post("/orgs/{org_id}/uploads/{key:path}/complete")
    async def complete(org_id: int, key: str) -> dict[str, object]:
        if not _KEY.match(key) or not key.startswith(f"org-{org_id}/"):
            raise HTTPException(404, "no such upload")
        found = await storage.stat(key)
        if found is None:
            raise HTTPException(409, "nothing was uploaded for this key yet")
        try:
            check(policy, found.content_type, found.size)
        except HTTPException:
            await storage.delete(key)  # what arrived is not what was declared
            raise
        return {"key": key, "size": found.size, "download_url": storage.download_url(key)}

    return app

"""Lecture 3: presigned uploads and downloads, the same API on a real S3-compatible server (moto
on loopback) and on the local-filesystem backend; declared and actual files checked."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from capstone.lectures.l3_storage import (
    LocalStorage,
    S3Storage,
    Storage,
    UploadPolicy,
    create_app,
    new_key,
)

from testkit.http import ClientFactory
from testkit.s3 import S3Server

POLICY = UploadPolicy(max_bytes=1000, content_types=frozenset({"image/png", "text/plain"}))
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


@dataclass
class Setup:
    storage: Storage
    api: httpx.AsyncClient  # the application
    transfer: httpx.AsyncClient  # what follows the presigned URLs (the browser, in real life)


@pytest_asyncio.fixture(params=["s3", "local"], loop_scope="session")
async def setup(
    request: pytest.FixtureRequest, asgi_client: ClientFactory, tmp_path: Path
) -> AsyncIterator[Setup]:
    storage: Storage
    if request.param == "s3":
        s3: S3Server = request.getfixturevalue("s3_server")
        storage = S3Storage(s3.client(), s3.create_bucket("uploads"))
        api = await asgi_client(create_app(storage, POLICY))
        async with httpx.AsyncClient() as transfer:
            yield Setup(storage, api, transfer)
    else:
        storage = LocalStorage(tmp_path, "http://testserver", secret=b"test-secret")
        api = await asgi_client(create_app(storage, POLICY))
        yield Setup(storage, api, api)


async def upload(setup: Setup, body: bytes, declared: int, content_type: str = "image/png") -> str:
    ticket = await setup.api.post(
        "/orgs/1/uploads",
        json={"filename": "logo.png", "content_type": content_type, "size": declared},
    )
    assert ticket.status_code == 201, ticket.text
    put = await setup.transfer.put(
        ticket.json()["url"], content=body, headers=ticket.json()["headers"]
    )
    assert put.status_code == 200
    key: str = ticket.json()["key"]
    return key


async def test_a_file_goes_up_and_comes_down_by_presigned_urls(setup: Setup) -> None:
    key = await upload(setup, PNG, declared=len(PNG))
    done = await setup.api.post(f"/orgs/1/uploads/{key}/complete")
    assert done.status_code == 200
    assert done.json()["size"] == len(PNG)
    download = await setup.transfer.get(done.json()["download_url"])
    assert download.content == PNG
    assert download.headers["content-type"] == "image/png"


async def test_more_bytes_than_declared_are_refused_and_deleted(setup: Setup) -> None:
    key = await upload(setup, b"x" * 1500, declared=10)  # the claim passed the check
    done = await setup.api.post(f"/orgs/1/uploads/{key}/complete")
    assert done.status_code == 422
    assert "1500 bytes is over the limit of 1000" in done.json()["detail"]
    assert await setup.storage.stat(key) is None


async def test_a_type_or_size_outside_the_policy_gets_no_url(setup: Setup) -> None:
    for content_type, size, reason in [
        ("application/x-msdownload", 10, "is not allowed"),
        ("image/png", 1001, "over the limit"),
    ]:
        response = await setup.api.post(
            "/orgs/1/uploads",
            json={"filename": "a", "content_type": content_type, "size": size},
        )
        assert response.status_code == 422
        assert reason in response.json()["detail"]


async def test_completing_before_the_upload_or_across_tenants_fails(setup: Setup) -> None:
    key = new_key(1, "never-sent.png")
    assert (await setup.api.post(f"/orgs/1/uploads/{key}/complete")).status_code == 409
    assert (await setup.api.post(f"/orgs/2/uploads/{key}/complete")).status_code == 404
    traversal = "org-1/" + "0" * 32 + "/../../etc/passwd"
    assert (await setup.api.post(f"/orgs/1/uploads/{traversal}/complete")).status_code == 404


def test_keys_are_chosen_by_the_server_and_safe_for_any_backend() -> None:
    key = new_key(7, "../../Quarterly report (final).pdf")
    assert re.fullmatch(r"org-7/[0-9a-f]{32}/Quarterly_report_final_.pdf", key)
    assert new_key(7, "..").endswith("/file")


async def test_local_urls_refuse_a_tampered_or_expired_signature(
    asgi_client: ClientFactory, tmp_path: Path
) -> None:
    storage = LocalStorage(tmp_path, "http://testserver", secret=b"test-secret")
    api = await asgi_client(create_app(storage, POLICY))
    key = new_key(1, "a.txt")
    url = storage.upload_url(key, "text/plain")
    assert (await api.put(url.replace(key, new_key(1, "b.txt")), content=b"x")).status_code == 403
    expired = f"/local-files/{key}?expires=1&signature={storage.sign('PUT', key, 1)}"
    assert (await api.put(expired, content=b"x")).status_code == 403
    assert (await api.get(storage.download_url(key))).status_code == 404  # signed, not uploaded
    # a correctly signed key that climbs out of the root ("%2e%2e" is "..", not normalised away)
    (tmp_path.parent / "secret.txt").write_text("not yours")
    (tmp_path.parent / "secret.txt.type").write_text("text/plain")
    signature = storage.sign("GET", "../secret.txt", 9999999999)
    escape = f"/local-files/%2e%2e/secret.txt?expires=9999999999&signature={signature}"
    assert (await api.get(escape)).status_code == 404

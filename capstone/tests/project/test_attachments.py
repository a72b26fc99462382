"""Attachments against a real S3-compatible server (moto on loopback): the file goes straight to
the bucket with the presigned URL, ``complete`` checks what arrived (size, type) and deletes a
file that is not what was declared, downloads return the bytes, other organisations see nothing."""

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from testkit import impl_module

from .conftest import Org

pytestmark = pytest.mark.task(10)
PDF = b"%PDF-1.7\n" + b"x" * 500


async def start(client: httpx.AsyncClient, org: Org, body: bytes, **declared: Any) -> Any:
    values = {"filename": "plan.pdf", "content_type": "application/pdf", "size": len(body)}
    response = await client.post(
        f"/orgs/{org.id}/tasks/{org.task_id}/attachments", json=values | declared
    )
    assert response.status_code == 201, response.text
    return response.json()


async def test_upload_complete_and_download_through_presigned_urls(
    member: httpx.AsyncClient, viewer: httpx.AsyncClient, admin: httpx.AsyncClient, acme: Org
) -> None:
    started = await start(member, acme, PDF)
    attachment, upload = started["attachment"], started["upload"]
    assert attachment["status"] == "pending"
    assert attachment["created_by"] == acme.member.id
    async with httpx.AsyncClient() as browser:  # what a client does with the URLs
        put = await browser.request(
            upload["method"], upload["url"], content=PDF, headers=upload["headers"]
        )
        assert put.status_code == 200, put.text

        done = await member.post(f"/orgs/{acme.id}/attachments/{attachment['id']}/complete")
        assert done.status_code == 200, done.text
        assert done.json()["status"] == "stored"

        download = await viewer.get(f"/orgs/{acme.id}/attachments/{attachment['id']}/download")
        assert download.status_code == 200, download.text
        fetched = await browser.get(download.json()["url"])
        assert fetched.content == PDF

    listed = await viewer.get(f"/orgs/{acme.id}/tasks/{acme.task_id}/attachments")
    assert [a["filename"] for a in listed.json()["items"]] == ["secret of acme", "plan.pdf"]
    first = await viewer.get(f"/orgs/{acme.id}/tasks/{acme.task_id}/attachments?limit=1")
    rest = await viewer.get(f"/orgs/{acme.id}/tasks/{acme.task_id}/attachments",
                            params={"cursor": first.json()["next_cursor"]})  # fmt: skip
    assert [a["id"] for a in rest.json()["items"]] == [attachment["id"]]
    audit = await admin.get(f"/orgs/{acme.id}/audit-events", params={"entity_type": "attachment"})
    assert {"attachment.created", "attachment.stored"} <= {
        e["action"] for e in audit.json()["items"]
    }


async def test_a_file_of_another_type_than_declared_is_refused_and_deleted(
    member: httpx.AsyncClient, acme: Org
) -> None:
    started = await start(member, acme, PDF)
    attachment, upload = started["attachment"], started["upload"]
    # S3 refuses a PUT whose Content-Type differs from the signed one (moto does not check
    # signatures, so what arrives is checked again by ``complete``).
    assert "content-type" in parse_qs(urlsplit(upload["url"]).query)["X-Amz-SignedHeaders"][0]
    async with httpx.AsyncClient() as browser:
        put = await browser.put(upload["url"], content=PDF, headers={"Content-Type": "text/html"})
        assert put.status_code == 200
    refused = await member.post(f"/orgs/{acme.id}/attachments/{attachment['id']}/complete")
    assert refused.status_code == 422, refused.text
    assert "text/html" in refused.json()["detail"]


@pytest.mark.parametrize(
    ("declared", "field"),
    [({"size": 10 * 1024 * 1024 + 1}, "size"), ({"content_type": "text/html"}, "content_type"),
     ({"filename": "../"}, "filename")],
)  # fmt: skip
async def test_files_over_the_limits_are_refused_before_any_upload(
    member: httpx.AsyncClient, acme: Org, declared: dict[str, Any], field: str
) -> None:
    values = {"filename": "plan.pdf", "content_type": "application/pdf", "size": 100} | declared
    response = await member.post(f"/orgs/{acme.id}/tasks/{acme.task_id}/attachments", json=values)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert field in response.text


async def test_completing_before_uploading_is_a_conflict_and_downloading_too(
    member: httpx.AsyncClient, acme: Org
) -> None:
    attachment = (await start(member, acme, PDF))["attachment"]
    done = await member.post(f"/orgs/{acme.id}/attachments/{attachment['id']}/complete")
    assert done.status_code == 409
    download = await member.get(f"/orgs/{acme.id}/attachments/{attachment['id']}/download")
    assert download.status_code == 409


async def test_a_file_bigger_than_declared_is_refused_and_deleted(
    member: httpx.AsyncClient, acme: Org
) -> None:
    started = await start(member, acme, PDF[:100])  # declares 100 bytes, sends more
    attachment, upload = started["attachment"], started["upload"]
    async with httpx.AsyncClient() as browser:
        put = await browser.put(upload["url"], content=PDF, headers=upload["headers"])
        assert put.status_code == 200
    url = f"/orgs/{acme.id}/attachments/{attachment['id']}/complete"
    refused = await member.post(url)
    assert refused.status_code == 422, refused.text
    assert refused.json()["type"].endswith("/unacceptable-file")
    again = await member.post(url)
    assert again.status_code == 409  # the file was deleted: nothing is there any more


async def test_another_organisation_cannot_reach_the_files(
    world: Any, acme: Org, globex: Org
) -> None:
    outsider = await world.client(globex.admin)
    for path in (f"/orgs/{globex.id}/attachments/{acme.attachment_id}/download",
                 f"/orgs/{acme.id}/attachments/{acme.attachment_id}/download",
                 f"/orgs/{globex.id}/tasks/{acme.task_id}/attachments"):  # fmt: skip
        assert (await outsider.get(path)).status_code == 404


async def test_make_run_keeps_the_files_in_a_local_directory_served_by_the_app(
    settings: Any,
    clock: Any,
    current_sessionmaker: Any,
    app: Any,
    world: Any,
    acme: Org,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FILES_DIR", str(tmp_path))
    monkeypatch.setenv("PUBLIC_URL", "http://testserver")
    local = impl_module("capstone", "main").create_app(settings=settings, clock=clock)
    local.dependency_overrides[impl_module("capstone", "dependencies").get_sessionmaker] = (
        current_sessionmaker
    )
    member = await world.client(acme.member, local)
    started = await start(member, acme, PDF)
    attachment, upload = started["attachment"], started["upload"]
    assert upload["url"].startswith("http://testserver/local-files/")
    put = await member.put(upload["url"], content=PDF, headers=upload["headers"])
    assert put.status_code == 200, put.text
    done = await member.post(f"/orgs/{acme.id}/attachments/{attachment['id']}/complete")
    assert done.status_code == 200, done.text
    download = await member.get(f"/orgs/{acme.id}/attachments/{attachment['id']}/download")
    fetched = await member.get(download.json()["url"])
    assert fetched.content == PDF
    forged = await member.get(download.json()["url"].replace("signature=", "signature=0"))
    assert forged.status_code == 403

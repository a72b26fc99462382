"""The S3 server fixture: real S3 over HTTP on loopback, presigned URLs included."""

from __future__ import annotations

import httpx
import pytest

from testkit.s3 import S3Server


def test_objects_round_trip_through_the_api(s3_server: S3Server) -> None:
    s3 = s3_server.client()
    bucket = s3_server.create_bucket()
    s3.put_object(Bucket=bucket, Key="a.txt", Body=b"hello", ContentType="text/plain")
    head = s3.head_object(Bucket=bucket, Key="a.txt")
    assert (head["ContentLength"], head["ContentType"]) == (5, "text/plain")
    assert s3_server.endpoint_url.startswith("http://127.0.0.1:")


def test_presigned_urls_upload_and_download_over_http(s3_server: S3Server) -> None:
    s3 = s3_server.client()
    bucket = s3_server.create_bucket()
    put = s3.generate_presigned_url("put_object", Params={"Bucket": bucket, "Key": "b.bin"})
    assert httpx.put(put, content=b"\x00\x01").status_code == 200
    get = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "b.bin"})
    assert httpx.get(get).content == b"\x00\x01"


def test_a_server_that_is_not_started_has_no_endpoint() -> None:
    server = S3Server()
    with pytest.raises(RuntimeError, match="not started"):
        _ = server.endpoint_url
    with server:
        assert server.port
    assert not server.port
    server.close()  # closing twice is harmless

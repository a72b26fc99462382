"""An S3-compatible server for tests: moto's server mode on 127.0.0.1, a free port, in-process.

Real HTTP on loopback, so the code under test talks to it exactly as to AWS or MinIO (presigned
URLs included): only the endpoint URL and the credentials differ.

    server = S3Server().start()
    s3 = server.client()                   # a boto3 S3 client for that endpoint
    bucket = server.create_bucket()        # a bucket of a fresh name
    server.close()

moto keeps its state per process: buckets outlive ``close()``; tests use fresh bucket names.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from testkit.services.process import StartedInWith

if TYPE_CHECKING:
    from types_boto3_s3 import S3Client


class S3Server(StartedInWith):
    """moto's ``ThreadedMotoServer`` on a free loopback port; ``endpoint_url`` once started."""

    host = "127.0.0.1"
    region = "us-east-1"
    access_key = "testing"
    secret_key = "testing"  # noqa: S105

    def __init__(self) -> None:
        from moto.server import ThreadedMotoServer

        self._server = ThreadedMotoServer(ip_address=self.host, port=0, verbose=False)
        self.port = 0

    @property
    def endpoint_url(self) -> str:
        if not self.port:
            raise RuntimeError("S3Server is not started: call start() first")
        return f"http://{self.host}:{self.port}"

    def start(self) -> S3Server:
        """Serve in a background thread; returns once the socket is bound (port 0: a free one)."""
        self._server.start()
        self.port = self._server.get_host_and_port()[1]
        return self

    def client(self) -> S3Client:
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=self.region,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            # path-style URLs (http://host:port/bucket/key): no DNS name per bucket on loopback
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )

    def create_bucket(self, prefix: str = "test") -> str:
        name = f"{prefix}-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name)
        return name

    def close(self) -> None:
        if self.port:
            self._server.stop()
            self.port = 0

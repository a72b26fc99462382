"""Where attachments' bytes live: object storage behind the ``Storage`` protocol of lecture 3.

The API never carries a file: it hands out presigned URLs (the URL is the permission, for one
object, one method, a few minutes) and reads what arrived with a HEAD. ``S3Storage`` talks to
any S3-compatible server (AWS, MinIO, moto in the tests); ``LocalStorage`` keeps files in a
directory and serves them from this app (``/local-files``, HMAC-signed URLs) for ``make run``.
"""

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request

from capstone.lectures.l3_storage import (
    LocalStorage,
    S3Storage,
    Storage,
    StoredObject,
    local_files_router,
)

__all__ = [
    "LocalStorage",
    "S3Storage",
    "Storage",
    "StorageDep",
    "StoredObject",
    "local_files_router",
    "local_storage_from_env",
]


def local_storage_from_env(secret: bytes) -> LocalStorage:
    """``FILES_DIR`` (default: a directory under the system's temp dir) and ``PUBLIC_URL``, the
    address clients reach this app at (default: ``make run``'s)."""
    root = Path(os.environ.get("FILES_DIR") or Path(tempfile.gettempdir()) / "capstone-files")
    public_url = os.environ.get("PUBLIC_URL") or "http://127.0.0.1:8000"
    # A key of its own, derived from the app's secret: a signature made for one purpose (a
    # cursor) must never be valid for another (a file URL).
    return LocalStorage(root, public_url, hashlib.sha256(b"local-files\0" + secret).digest())


async def get_storage(request: Request) -> Storage:
    raise NotImplementedError("TODO: task 10")


StorageDep = Annotated[Storage, Depends(get_storage)]

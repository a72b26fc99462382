"""A real headless Chromium, driven over the DevTools protocol (CDP), for the site's checks.

Small on purpose: launch Debian's ``chromium`` (never a downloaded browser), open a page, wait for
a condition with a deadline, read the DOM including closed shadow roots (the theme draws Mermaid
diagrams inside one), and take a screenshot. It talks CDP over a WebSocket with ``websockets``,
which the course already installs (uvicorn[standard]).
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from websockets.sync.client import ClientConnection, connect

# Headless as root in a container: no sandbox, no GPU, and nothing that calls the internet.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
    "--window-size=1280,900",
]
_LISTENING = re.compile(r"DevTools listening on (ws://\S+)")


class BrowserError(RuntimeError):
    pass


def find_chromium() -> str:
    """``$CHROMIUM``, else ``chromium`` on PATH (Debian: ``apt-get install chromium``)."""
    found = (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )
    if not found:
        raise BrowserError("no Chromium found: `make docs-browser` installs Debian's chromium")
    return found


class Page:
    """One tab, attached with a flat CDP session (or, with ``session=""``, the browser)."""

    def __init__(self, socket: ClientConnection, session: str) -> None:
        self._socket, self._session = socket, session
        self._ids = itertools.count(1000)

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        message_id = next(self._ids)
        message: dict[str, Any] = {"id": message_id, "method": method, "params": params or {}}
        if self._session:  # empty: a command to the browser itself
            message["sessionId"] = self._session
        self._socket.send(json.dumps(message))
        while True:  # events arrive in between: skip them
            reply = json.loads(self._socket.recv(timeout=30))
            if reply.get("id") == message_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply["result"]
                return result

    def evaluate(self, expression: str) -> Any:
        reply = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in reply:
            raise BrowserError(f"{expression}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def open(self, url: str, ready: str, timeout: float = 20) -> None:
        """Navigate and wait until the JavaScript expression ``ready`` is true."""
        self.send("Page.navigate", {"url": url})
        self.wait_for(ready, timeout)

    def wait_for(self, expression: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while not self.evaluate(f"Boolean({expression})"):
            if time.monotonic() > deadline:
                raise BrowserError(f"not true after {timeout} s: {expression}")
            time.sleep(0.05)

    def dom(self) -> dict[str, Any]:
        """The whole DOM, shadow roots included (closed ones too: CDP sees them)."""
        root: dict[str, Any] = self.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
        return root

    def screenshot(self, path: Path) -> None:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))


def walk(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """A DOM node and everything under it, through shadow roots and frames."""
    yield node
    for key in ("children", "shadowRoots", "pseudoElements"):
        for child in node.get(key, []):
            yield from walk(child)
    if "contentDocument" in node:
        yield from walk(node["contentDocument"])


def attributes(node: dict[str, Any]) -> dict[str, str]:
    flat = node.get("attributes", [])
    return dict(zip(flat[::2], flat[1::2], strict=True))


@contextmanager
def chromium() -> Iterator[Page]:
    """A headless Chromium with a fresh profile, and one page in it."""
    with tempfile.TemporaryDirectory(prefix="course-chromium-") as profile:
        process = subprocess.Popen(  # noqa: S603 - our own fixed command line
            [find_chromium(), *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            url = _devtools_url(process)
            with connect(url, max_size=None) as socket:
                yield _new_page(socket)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _devtools_url(process: subprocess.Popen[str]) -> str:
    if process.stderr is None:
        raise BrowserError("Chromium was started without a stderr pipe")
    seen = []
    for line in process.stderr:  # Chromium prints the URL within a second or two
        if match := _LISTENING.search(line):
            return match[1]
        seen.append(line)
    raise BrowserError("Chromium exited before it listened:\n" + "".join(seen[-20:]))


def _new_page(socket: ClientConnection) -> Page:
    browser = Page(socket, session="")
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})
    page = Page(socket, session["sessionId"])
    page.send("Emulation.setDeviceMetricsOverride",
              {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})  # fmt: skip
    return page

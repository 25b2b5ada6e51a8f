"""Headless Chromium driven through the DevTools protocol on a pipe (``--remote-debugging-pipe``).

Only the standard library: Chromium reads commands from file descriptor 3 and writes replies to file
descriptor 4, each a JSON message ending in a NUL byte. A :class:`Browser` opens a page at a given
viewport (and media: ``print`` emulates printing), runs script in it and takes screenshots, so that a
test can measure the boxes a person would see rather than only check that the page loads.

Skipped when chromium is absent, unless ``DANCOSO_REQUIRE_BROWSER=1`` (as in CI): then it fails.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

#: A4 in CSS pixels (96 per inch) less the report's ``@page`` margins of 12 mm either side.
A4_PRINT_WIDTH = round((210 - 24) / 25.4 * 96)


def chromium() -> str:
    """The chromium program, or a skipped (or, when required, failed) test."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("DANCOSO_REQUIRE_BROWSER") == "1":
        pytest.fail("chromium is required (DANCOSO_REQUIRE_BROWSER=1) but is not installed")
    pytest.skip("chromium is not installed")


class Browser:
    """One headless chromium with one page; use as a context manager."""

    def __init__(self, profile: Path) -> None:
        self._to_child, self._ours_w = os.pipe()
        self._ours_r, self._from_child = os.pipe()
        to_child, from_child = self._to_child, self._from_child

        def wire() -> None:  # the child's fd 3 reads our commands, its fd 4 writes the replies
            os.dup2(to_child, 3)
            os.dup2(from_child, 4)

        self._process = subprocess.Popen(
            [
                chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),  # kept open after `wire` put the pipes there
            preexec_fn=wire,  # no threads run in the test process
        )
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._next = 0
        self._events: list[dict[str, Any]] = []
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self._session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.send("Page.enable", session=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(OSError, RuntimeError):
            self.send("Browser.close")
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._ours_w)
        os.close(self._ours_r)

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._ours_r, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed its DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        parsed: dict[str, Any] = json.loads(message)
        return parsed

    def send(self, method: str, *, session: bool = False, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its reply (events that arrive meanwhile are kept)."""
        self._next += 1
        command: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            command["sessionId"] = self._session
        os.write(self._ours_w, json.dumps(command).encode() + b"\0")
        while True:
            message = self._read()
            if message.get("id") == self._next:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self._events.append(message)

    def _wait_for(self, event: str) -> None:
        while True:
            for i, message in enumerate(self._events):
                if message.get("method") == event:
                    del self._events[: i + 1]
                    return
            self._events.append(self._read())

    def open(self, page: Path, *, width: int, height: int = 900, media: str = "screen") -> None:
        """Load ``page`` at a viewport ``width`` wide, with ``media`` emulated (``screen`` or ``print``)."""
        self.send(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self.send("Emulation.setEmulatedMedia", session=True, media=media)
        self._events.clear()
        self.send("Page.navigate", session=True, url=page.as_uri())
        self._wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The JSON value of a script expression run in the page (a promise is awaited)."""
        reply = self.send(
            "Runtime.evaluate", session=True, expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in reply:
            raise RuntimeError(f"script failed: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def screenshot(self, path: Path, *, full_page: bool = False) -> None:
        """A PNG of the viewport (or of the whole page)."""
        reply = self.send(
            "Page.captureScreenshot", session=True, format="png", captureBeyondViewport=full_page
        )
        path.write_bytes(base64.b64decode(reply["data"]))


#: Script: pairs of visible boxes that overlap (leaf text-bearing elements and badges), and boxes
#: wider than the page or their table cell. Returns a list of short descriptions; empty when clean.
OVERLAPS = r"""
(() => {
  const describe = (el) => {
    const text = (el.innerText || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} "${text}"`;
  };
  const found = [];
  const page = document.documentElement.clientWidth;
  const boxes = (selector) => [...document.querySelectorAll(selector)]
    .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
    .map((el) => [el, el.getBoundingClientRect()])
    .filter(([, r]) => r.width > 0 && r.height > 0);
  // Content never spills out of its cell (a badge printing over the next column) or the page.
  for (const [el, r] of boxes('td > *, th > *, td, th, .card, .badge, h1, h2, p, dd, dt, svg, a, input, select, button')) {
    // A table too wide for a phone scrolls sideways in its own box (.scroll), which must fit the page.
    const box = el.closest('.scroll');
    if (box && getComputedStyle(box).overflowX !== 'visible') {
      const b = box.getBoundingClientRect();
      if (b.right > page + 0.5 || b.left < -0.5) found.push(`${describe(box)} leaves the page`);
    } else if (r.right > page + 0.5 || r.left < -0.5) found.push(`${describe(el)} leaves the page (${r.left.toFixed(0)}–${r.right.toFixed(0)} of ${page})`);
    const cell = el.parentElement && el.parentElement.closest('td, th');
    if (cell && !el.matches('td, th')) {
      const c = cell.getBoundingClientRect();
      if (r.right > c.right + 0.5 || r.left < c.left - 0.5) found.push(`${describe(el)} spills out of its cell`);
    }
    if (el.matches('td, th') && el.scrollWidth > el.clientWidth + 1) found.push(`${describe(el)} overflows its cell`);
  }
  // No two badges, cards or headings sit on each other.
  const solid = boxes('.badge, .card, h1, h2, h3, dt, dd, .heat td, caption').sort((x, y) => x[1].top - y[1].top);
  for (let i = 0; i < solid.length && found.length < 40; i++) {
    const [a, ra] = solid[i];
    for (let j = i + 1; j < solid.length && solid[j][1].top < ra.bottom - 1; j++) {
      const [b, rb] = solid[j];
      if (a.contains(b) || b.contains(a)) continue;
      const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (w > 1 && h > 1) found.push(`${describe(a)} overlaps ${describe(b)}`);
    }
  }
  return found;
})()
"""

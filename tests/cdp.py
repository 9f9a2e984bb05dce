"""Drive headless Chromium over the DevTools protocol on a pipe: load a page, type into it, read it, photograph it.

``--dump-dom`` shows a page after its script ran but cannot type; interactive pages (the results index) need key
presses. Chromium's ``--remote-debugging-pipe`` reads JSON commands on fd 3 and answers on fd 4, NUL-separated, so
a few dozen lines of stdlib replace a browser-automation package. Console messages, uncaught exceptions and CSP
violations are collected so tests can assert there were none.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import struct
import subprocess
import time
import zlib
from pathlib import Path
from typing import Any

from tests.test_browser import CHROMIUM, FLAGS


class Browser:
    """One headless Chromium with one page; use as a context manager."""

    def __init__(self, profile: Path, width: int = 1400, height: int = 1000) -> None:
        assert CHROMIUM is not None
        to_child, self._out = os.pipe()
        self._in, from_child = os.pipe()
        # Move the child's ends clear of 3 and 4, so the shell's redirections below cannot overwrite one another.
        moved = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_child, from_child)]
        os.close(to_child)
        os.close(from_child)
        to_child, from_child = moved
        flags = [f for f in FLAGS if f not in ("--enable-logging=stderr", "--v=0")]
        args = [CHROMIUM, *flags, "--remote-debugging-pipe", f"--user-data-dir={profile}",
                f"--window-size={width},{height}"]  # fmt: skip
        # bash (dash takes single-digit descriptors only) moves the pipe ends to the ones Chromium expects, 3 and 4.
        self._proc = subprocess.Popen(
            [shutil.which("bash") or "bash", "-c", f'exec "$@" 3<&{to_child} 4>&{from_child}', "sh", *args],
            pass_fds=(to_child, from_child),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        target = self._call("Target.createTarget", url="about:blank")["targetId"]
        self._session = self._call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(OSError, RuntimeError, AssertionError):
            self._call("Browser.close")
        try:
            self._proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        os.close(self._out)
        os.close(self._in)

    # --- protocol -------------------------------------------------------------------------------------------------

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._in], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise AssertionError("browser did not answer in time")
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise RuntimeError("browser closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def _call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next += 1
        ident = self._next
        message: dict[str, Any] = {"id": ident, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + 60
        while True:
            reply = self._read(deadline)
            if reply.get("id") == ident:
                if "error" in reply:
                    raise AssertionError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """A command to the page's session."""
        return self._call(method, self._session, **params)

    def wait_for(self, method: str, timeout: float = 30) -> dict[str, Any]:
        """The next event named ``method`` (already received ones count)."""
        deadline = time.monotonic() + timeout
        while True:
            for n, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(n)
            self.events.append(self._read(deadline))

    # --- what tests use -------------------------------------------------------------------------------------------

    def open(self, url: str) -> None:
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def eval(self, expression: str) -> Any:
        """Evaluate in the page (DevTools evaluation is not page script: the page's CSP does not apply to it)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def type(self, selector: str, text: str) -> None:
        """Focus an input and type ``text`` key by key, as a user would."""
        self.eval(f"document.querySelector({json.dumps(selector)}).focus()")
        for char in text:
            self.send("Input.dispatchKeyEvent", type="keyDown", text=char, key=char, unmodifiedText=char)
            self.send("Input.dispatchKeyEvent", type="keyUp", key=char)

    def clear(self, selector: str) -> None:
        """Select everything in the focused input and delete it with Backspace."""
        self.eval(f"document.querySelector({json.dumps(selector)}).select()")
        for kind in ("rawKeyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", type=kind, key="Backspace", code="Backspace", windowsVirtualKeyCode=8)

    def choose(self, selector: str, value: str) -> None:
        """Pick an option of a ``<select>`` with the keyboard-free path a user's click takes: set, then ``change``."""
        self.eval(
            f"(function(){{var s=document.querySelector({json.dumps(selector)});s.value={json.dumps(value)};"
            "s.dispatchEvent(new Event('change',{bubbles:true}));return s.value;})()"
        )

    def screenshot(self, path: Path | None = None, scale: float = 1.0) -> bytes:
        """A PNG of the viewport, saved to ``path`` if given; ``scale`` < 1 for a quick pixel check."""
        params: dict[str, Any] = {"format": "png"}
        if scale != 1.0:
            view = self.send("Page.getLayoutMetrics")["cssVisualViewport"]
            params["clip"] = {"x": 0, "y": 0, "width": view["clientWidth"], "height": view["clientHeight"],
                              "scale": scale}  # fmt: skip
        data = base64.b64decode(self.send("Page.captureScreenshot", **params)["data"])
        if path is not None:
            path.write_bytes(data)
        return data

    def problems(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions, CSP violations seen so far."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(str(params.get("exceptionDetails", {}).get("text")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                found.append(" ".join(str(a.get("value")) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
                found.append(str(params["entry"].get("text")))
        return found


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB(A) pixels of an 8-bit non-interlaced PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        (length,), kind = struct.unpack(">I", data[pos : pos + 4]), data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color in (2, 6), (depth, color)
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, corner = prev[x], prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, rows


def colours(data: bytes, step: int = 4) -> int:
    """How many distinct colours a screenshot has (sampling every ``step``-th pixel): a blank page has one or two."""
    width, _, rows = png_pixels(data)
    channels = len(rows[0]) // width
    seen = set()
    for row in rows[::step]:
        for x in range(0, width, step):
            seen.add(row[x * channels : x * channels + 3])
    return len(seen)

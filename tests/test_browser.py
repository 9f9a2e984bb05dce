"""The HTML report in a real browser: its script runs cleanly, highlights exist, hostile text never executes, and
the page fetches nothing.

Drives Debian's headless Chromium through its command line (``--dump-dom`` for the DOM after scripts ran,
``--screenshot`` for a picture) so no Python browser package is needed. Console messages, including uncaught
errors and Content-Security-Policy violations, reach stderr through ``--enable-logging=stderr``.
CI installs the browser with ``apt-get install -y chromium``.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import struct
import subprocess
import threading
from pathlib import Path

import pytest

from summarizer import render
from tests.test_render import Page, evidence_by_uid, hostile_summary, sample_summary

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install -y chromium)"),
]

FLAGS = [
    "--headless",
    "--no-sandbox",  # CI containers run as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
]


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium once with a throwaway profile."""
    assert CHROMIUM is not None
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def console(result: subprocess.CompletedProcess[str]) -> list[str]:
    """Page console output: logs, uncaught exceptions and CSP violations all appear as ``:CONSOLE`` lines."""
    return [line for line in result.stderr.splitlines() if ":CONSOLE" in line]


def body_attrs(page: Page) -> dict[str, str | None]:
    return next(attrs for tag, attrs in page.tags if tag == "body")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample bulletin plus a hostile one, in one report, as a file on disk."""
    out = tmp_path_factory.mktemp("report") / "report.html"
    out.write_text(render.to_html([sample_summary(), hostile_summary()]), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def dom(report: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Page, list[str]]:
    result = chromium(tmp_path_factory.mktemp("profile"), "--dump-dom", report.as_uri())
    return Page(result.stdout), console(result)


def test_script_initialises_without_errors(dom: tuple[Page, list[str]]) -> None:
    page, messages = dom
    attrs = body_attrs(page)
    rows = [a for t, a in page.tags if t == "tr" and a.get("data-item")]
    assert attrs.get("data-report-ready") == str(len(rows)) != "0"
    assert "data-js-error" not in attrs
    assert messages == [], "console output (errors or CSP violations):\n" + "\n".join(messages)
    assert f"Showing {len(rows)} of {len(rows)} items" in "".join(page.text)


def test_highlights_exist_after_scripts_ran(dom: tuple[Page, list[str]]) -> None:
    page, _ = dom
    summary, text = sample_summary()
    for uid, ev in evidence_by_uid(summary).items():
        if ev.status == "ungrounded":
            assert uid not in page.mark_text
        else:
            assert page.mark_text[uid] == text[ev.start : ev.end], uid
    assert page.sources[0] == text


def test_hostile_bulletin_never_executes(dom: tuple[Page, list[str]]) -> None:
    page, _ = dom
    attrs = body_attrs(page)
    assert "data-pwned" not in attrs, f"hostile code ran: {attrs['data-pwned']}"
    title = "".join(page.text).split("\n", 1)
    assert "pwned" not in title[0]
    tags = [t for t, _ in page.tags]
    assert tags.count("script") == 1 and "img" not in tags and "b" not in tags and "i" not in tags
    shown = "".join(page.text)
    assert "<script>document.title='pwned'" in shown and "<img src=x onerror=" in shown


def test_hostile_title_is_not_the_document_title(report: Path, tmp_path: Path) -> None:
    """A single hostile bulletin puts its title in <title>; it must stay literal text there too."""
    summary, text = hostile_summary()
    single = tmp_path / "hostile.html"
    single.write_text(render.to_html([(summary, text)]), encoding="utf-8")
    result = chromium(tmp_path / "profile", "--dump-dom", single.as_uri())
    page = Page(result.stdout)
    title = result.stdout.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.startswith("Digest &lt;script&gt;document.title='pwned'")
    assert "data-pwned" not in body_attrs(page)
    assert body_attrs(page).get("data-report-ready")
    assert console(result) == []


def test_filters_apply_in_the_browser(report: Path, tmp_path: Path) -> None:
    """Filter state can be preselected by query string; hidden rows and un-highlighted marks follow it."""
    result = chromium(tmp_path / "profile", "--dump-dom", report.as_uri() + "?kind=statement&stype=threaten")
    page = Page(result.stdout)
    filtered = [a for t, a in page.tags if t in {"tr", "mark"} and a.get("data-item")]
    assert filtered
    for attrs in filtered:
        visible = attrs["data-kind"] == "statement" and attrs["data-stype"] == "threaten"
        assert ("is-off" not in (attrs.get("class") or "").split()) is visible, attrs
    rows = [a for t, a in page.tags if t == "tr" and a.get("data-item")]
    shown = sum(1 for a in rows if a["data-kind"] == "statement" and a["data-stype"] == "threaten")
    assert f"Showing {shown} of {len(rows)} items" in "".join(page.text)
    assert console(result) == []


def test_page_makes_no_network_requests(report: Path, tmp_path: Path) -> None:
    """Served from loopback, the page must cause exactly one request: itself (no fonts, images, scripts, icons)."""
    requested: list[str] = []
    lock = threading.Lock()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            with lock:
                requested.append(self.path)
            super().do_GET()

        def log_message(self, format: str, *args: object) -> None:
            """Keep the test output quiet."""

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(report.parent)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{report.name}"
        result = chromium(tmp_path / "profile", "--dump-dom", url)
    finally:
        server.shutdown()
        server.server_close()
    assert requested == [f"/{report.name}"]
    assert body_attrs(Page(result.stdout)).get("data-report-ready")
    assert console(result) == []


def test_screenshot(tmp_path: Path) -> None:
    """A picture of the sample report for humans reviewing the layout (tests/artifacts is gitignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    html_path = ARTIFACTS / "report.html"
    png = ARTIFACTS / "report.png"
    html_path.write_text(render.to_html([sample_summary()]), encoding="utf-8")
    png.unlink(missing_ok=True)
    chromium(tmp_path / "profile", f"--screenshot={png}", "--window-size=1400,2000", html_path.as_uri())
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1400, 2000)
    assert len(data) > 50_000, "screenshot is suspiciously small (blank page?)"

"""Hostile inputs met through the real CLI: pipes, endless devices, deep HTML, control characters."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from .helpers import SAMPLE, run_cli


def _one_line_error(result) -> str:  # type: ignore[no-untyped-def]
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    return stderr


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "bulletin.txt"
    os.mkfifo(fifo)
    began = time.monotonic()
    stderr = _one_line_error(run_cli("summarize", str(fifo), "-b", "rules"))
    assert "not a regular file" in stderr
    assert time.monotonic() - began < 30  # it returned at all: reading a FIFO without a writer blocks forever


def test_endless_device_is_refused() -> None:
    stderr = _one_line_error(run_cli("summarize", "/dev/zero", "-b", "rules"))
    assert "not a regular file" in stderr


def test_deeply_nested_html_is_read_in_linear_time(tmp_path: Path) -> None:
    depth = 200_000
    page = tmp_path / "deep.html"
    page.write_text(
        "<html><body><h1>Iran warns Washington</h1>" + "<div>" * depth
        + "<p>Foreign Minister Javad Zarif warned that the United States must leave the region.</p>"
        + "</div>" * depth + "</body></html>"
    )  # fmt: skip
    result = run_cli("summarize", str(page), "-b", "rules")
    assert result.returncode == 0, result.stderr.decode()
    statements = json.loads(result.stdout)["statements"]
    assert [s["speaker"] for s in statements] == ["Javad Zarif"]


@pytest.mark.parametrize("fmt", ["json", "md", "table", "html"])
def test_control_characters_anywhere_never_reach_the_output(tmp_path: Path, fmt: str) -> None:
    text = SAMPLE.read_text()
    poisoned = text[:20_000] + "\x00\x1b[2J\x1b]8;;http://x/\x1b\\CLICK\x1b]8;;\x1b\\\x07\x9b" + text[20_000:]
    insert = text.index("stated")  # also inside a statement's evidence
    poisoned = poisoned[:insert] + "\x1b]0;TITLE\x07" + poisoned[insert:]
    bulletin = tmp_path / "bulletin.txt"
    bulletin.write_text(poisoned)
    result = run_cli("summarize", str(bulletin), "-b", "rules", "-f", fmt)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    for char in ("\x00", "\x1b", "\x07", "\x9b"):
        assert char not in out
        assert json.dumps(char)[1:-1] not in out or fmt != "json"


def test_html_nesting_is_bounded_before_the_parser_sees_it() -> None:
    """The parser's time grows with the square of the depth, so depth is what must be bounded."""
    from selectolax.lexbor import LexborHTMLParser

    from summarizer.ingest import MAX_DEPTH, _flatten

    html = "<html><body>" + "<div>" * 5000 + "<p>deep text</p>" + "</div>" * 5000 + "</body></html>"
    node = LexborHTMLParser(_flatten(html)).css_first("p")
    depth = 0
    while node is not None:
        depth, node = depth + 1, node.parent
    assert depth <= MAX_DEPTH + 4

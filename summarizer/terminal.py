"""The one way text reaches a terminal: control characters are shown as escapes, never obeyed.

Bulletin text is cleaned at ingest, but a file name, a result file someone edited, or a link read back from
results can still carry ESC, OSC or C1 sequences: a clear-screen, a fake hyperlink, a new window title. Every
console the tool prints through is a :class:`SafeConsole`, and text written to stdout goes through :func:`safe`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.console import Console
from rich.segment import Segment

__all__ = ["SafeConsole", "safe"]

# C0 except tab and newline, DEL, C1 (0x9b is a one-byte CSI on many terminals).
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(text: str) -> str:
    """``text`` with every control character written as its ``\\uXXXX`` escape.

    The escape keeps what was there visible, and inside a JSON string it means the same character, so JSON
    stays equal to what it was.
    """
    return _UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


class SafeConsole(Console):
    """A rich console that renders its own styles and cursor moves, and only escapes of the text it is given."""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(_safe_segments(buffer))


def _safe_segments(buffer: Iterable[Segment]) -> Iterable[Segment]:
    for segment in buffer:
        if segment.control:  # rich's own (cursor moves of the progress bar), not text
            yield segment
            continue
        style = segment.style
        if style is not None and style.link and _UNSAFE.search(style.link):
            style = style.update_link(safe(style.link))
        yield Segment(safe(segment.text), style)

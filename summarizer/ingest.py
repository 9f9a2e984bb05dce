"""Read a bulletin from a file, a URL-less HTML page, a PDF or stdin, and normalise its text.

All offsets the tool reports point into the normalised text; :meth:`Source.raw_offset` maps one
back to the text as read, so a viewer can highlight the original.
"""

from __future__ import annotations

import hashlib
import logging
import re
import stat
import sys
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any

from .errors import SummarizerError

MAX_BYTES = 25 * 1024 * 1024
"""Larger inputs are refused: no bulletin is this long, and the LLM path would cost a fortune."""
MAX_CHARS = 1_000_000
"""Longer texts are refused (a PDF or HTML file may be large, its text may not): the longest real bulletins are
~60 KB, and the rules alone take seconds per MB, so a 20 MB text would look like a hang."""

# One character in, one character out: offsets survive these unchanged.
_SAME_LENGTH = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\t": " ",
        "\r": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
    }
)
# Characters dropped outright; their raw positions are remembered for offset mapping. Control characters go too:
# a NUL or an ESC deep inside a text would otherwise reach CSV, HTML and the terminal (clear-screen, hyperlinks).
_DROPPED = re.compile("\r(?=\n)|[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class InputError(SummarizerError):
    """Input the tool cannot read; the message is one line meant for the user."""


@dataclass
class Source:
    """Normalised bulletin text plus where it came from."""

    text: str
    name: str = "<text>"
    removed: list[int] = field(default_factory=list)
    site: str | None = None
    """The site an HTML page says it belongs to (its ``og:site_name``): the publisher when the text names none."""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()

    def raw_offset(self, offset: int) -> int:
        """Map an offset in the normalised text to the text as read."""
        shift = 0
        for _ in range(len(self.removed) + 1):
            moved = bisect_right(self.removed, offset + shift)
            if moved == shift:
                break
            shift = moved
        return offset + shift


def normalise(raw: str) -> tuple[str, list[int]]:
    """Fold typographic variants to ASCII look-alikes; return the text and the raw positions dropped."""
    raw = unicodedata.normalize("NFC", raw)
    removed = [m.start() for m in _DROPPED.finditer(raw)]
    text = _DROPPED.sub("", raw).translate(_SAME_LENGTH)
    return text, removed


def from_text(raw: str, name: str = "<text>") -> Source:
    """Build a :class:`Source` from text already in memory."""
    if not raw.strip():
        raise InputError(f"{name}: input is empty")
    if len(raw) > MAX_CHARS:
        raise InputError(f"{name}: text is too long ({len(raw):,} characters; the limit is {MAX_CHARS:,})")
    text, removed = normalise(raw)
    if not text.strip():  # only zero-width characters, soft hyphens, BOMs...
        raise InputError(f"{name}: input is empty")
    return Source(text=text, name=name, removed=removed)


def read(path: str | Path) -> Source:
    """Read a bulletin file (``.txt``, ``.md``, ``.html``, ``.pdf``) or ``-`` for stdin."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        name = "<stdin>"
    else:
        p = Path(path)
        data = _read_file(p)
        name = str(p)
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: input is larger than {MAX_BYTES // (1024 * 1024)} MB")
    source = from_text(decode(data, name), name)
    source.site = _site_name(data)
    return source


_SITE_NAME = re.compile(
    rb"""<meta\s(?=[^>]*\bproperty=["']og:site_name["'])[^>]*\bcontent=["']\s*([^"'<>]{2,80}?)\s*["']""", re.I
)


def _site_name(data: bytes) -> str | None:
    """The ``og:site_name`` an HTML page's head declares; the header and navigation holding the name are dropped."""
    m = _SITE_NAME.search(data[:65536])
    return unescape(m[1].decode("utf-8", "replace")) if m else None


def _read_file(p: Path) -> bytes:
    """A regular file's bytes, at most ``MAX_BYTES + 1`` of them.

    A FIFO would block forever and ``/dev/zero`` never ends, so anything but a regular file is refused
    before it is opened, and the read itself is bounded whatever ``st_size`` claims (``/proc`` files say 0).
    """
    try:
        st = p.stat()
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            raise InputError(f"{p}: no such file") from None
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{p}: is a directory, not a bulletin file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{p}: not a regular file (a pipe, device or socket)")
    if st.st_size > MAX_BYTES:
        raise InputError(f"{p}: file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        with p.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None


def decode(data: bytes, name: str) -> str:
    """Turn bytes into text by sniffing the format; refuse binary and undecodable input."""
    if not data.strip():
        raise InputError(f"{name}: input is empty")
    if data.startswith(b"%PDF"):
        return _pdf_text(data, name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid UTF-16 (byte {exc.start})") from None
    else:
        if b"\x00" in data[:8192] or data.startswith((b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04")):
            raise InputError(f"{name}: binary file, not a text, HTML or PDF bulletin")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid UTF-8 (byte {exc.start})") from None
    if _looks_like_html(text, name):
        text = _html_text(text)
    if not text.strip():
        raise InputError(f"{name}: no text found")
    return text


def _looks_like_html(text: str, name: str) -> bool:
    head = text[:2048].lstrip().lower()
    return name.lower().endswith((".html", ".htm")) or head.startswith(("<!doctype html", "<html"))


_BLOCK_TAGS = {"p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "ul", "ol"}


_TEXT_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dd"}


def _inside_text(node: Any) -> bool:
    return any(_inside(node, tag) for tag in _TEXT_TAGS)


def _inside(node: Any, tag: str) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == tag:
            return True
        parent = parent.parent
    return False


def _term(node: Any) -> str:
    """The term a definition list gives its value under ("From:", "Published"), read before the value."""
    sibling = node.prev
    while sibling is not None and sibling.tag != "dt":
        if sibling.tag == "dd":
            return ""
        sibling = sibling.prev
    return " ".join(sibling.text(separator=" ").split()) if sibling is not None else ""


def _quoted(node: Any) -> list[str]:
    """A block quotation's paragraphs, then the words outside them on a line of their own: an embedded post's
    signature ("\u2014 Name (@handle) April 16, 2027", read without its dash) says who wrote it and when."""
    lines: list[str] = []
    tail: list[str] = []
    for child in node.iter(include_text=True):
        text = " ".join((child.text(separator=" ") if child.tag != "-text" else child.text_content or "").split())
        if child.tag in _TEXT_TAGS and text:
            lines.append(text)
        elif child.tag not in _TEXT_TAGS and text:
            tail.append(text)
    signature = _DASH.sub("", " ".join(tail))  # no list item: "- " would take the next line in as its own
    return ["", *lines, "", signature, ""] if signature else lines  # set apart: a post does not end a sentence


_DASH = re.compile(r"^[\u2014\u2013-]+\s*")


MAX_DEPTH = 256
"""Elements nested deeper are unwrapped before parsing: the parser's time grows with the square of the depth
(40,000 nested ``div`` took 30 s), and no real page nests a story's text this deep."""
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _flatten(html: str, limit: int = MAX_DEPTH) -> str:
    """Unwrap containers nested beyond ``limit`` in one linear pass; text and the text tags around it stay."""
    depth = 0

    def visit(match: re.Match[str]) -> str:
        nonlocal depth
        closing, tag, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if tag in _VOID or self_closing:
            return match.group(0)
        if not closing:
            depth += 1
        keep = depth <= limit or tag in _TEXT_TAGS
        if closing:
            depth = max(0, depth - 1)
        return match.group(0) if keep else " "

    return _TAG.sub(visit, html)


def _html_text(html: str) -> str:
    """Main text of a page: scripts, styles and navigation dropped, list items kept as bullets."""
    from selectolax.lexbor import LexborHTMLParser  # selectolax 1.0 removed the old (modest) parser

    tree = LexborHTMLParser(_flatten(html))
    tree.strip_tags(["script", "style", "noscript", "template", "nav", "footer", "header", "aside", "svg", "iframe"])
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return ""
    lines: list[str] = []
    for node in root.traverse(include_text=False):
        if node.tag == "blockquote":
            lines.extend(_quoted(node))
            continue
        if _inside(node, "blockquote"):
            continue  # read with its blockquote
        if node.tag in _TEXT_TAGS or (node.tag == "time" and not _inside_text(node)):  # a story's date is <time>
            if any(child.tag in _BLOCK_TAGS for child in node.iter()):
                continue
            text = " ".join(node.text(separator=" ").split())
            if text and node.tag == "dd":
                text = f"{_term(node).rstrip(':')}: {text}".lstrip(": ")  # "Published: 2 March 2028"
            if text:
                lines.append(("  \u2022 " if node.tag == "li" else "") + text)
    return "\n".join(lines)


# pypdf reports damage ("EOF marker not found") as log warnings; with no logging configured Python prints them on
# stderr next to our one-line error. A NullHandler stops that fallback; an application's own handlers still get them.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def _pdf_text(data: bytes, name: str) -> str:
    import io

    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError(f"{name}: PDF is encrypted")
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except InputError:
        raise
    except Exception as exc:  # a damaged PDF makes pypdf raise anything: AttributeError, LimitReachedError, ...
        raise InputError(f"{name}: unreadable PDF ({type(exc).__name__})") from None

"""Builders for the bad-input corpus and the generated bulletins the reliability tests feed the tool.

Everything is generated into a temporary directory at test time (nothing large is committed): the 20 MB text is
written in chunks, PDFs are built with pypdf, and every builder is deterministic so a failure reproduces.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from .helpers import BULLETINS

MB = 1024 * 1024
FIXTURES = sorted(p for p in BULLETINS.iterdir() if p.suffix in {".txt", ".md"} and p.name != "README.md")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + bytes(range(256)) * 8

ENGLISH = """Spotlight on Iran

March 1, 2020 - March 8, 2020

Iranian Involvement in Iraq
  \u2022 Foreign Minister Javad Zarif warned (Tasnim, March 2, 2020) that the United States must leave the region.
  \u2022 The Commander of the IRGC, Hossein Salami, stated (Fars, March 3, 2020) that the forces would respond to any \
attack.
"""

PERSIAN = """نگاهی به ایران – بولتن هفتگی

۲۲ مارس ۲۰۲۰ – ۵ آوریل ۲۰۲۰

مرور کلی
  • فرمانده سپاه پاسداران، حسین سلامی، به ایالات متحده هشدار داد (تسنیم، ۲۸ مارس).

تحولات عراق
  • \u200fسخنگوی وزارت امور خارجه، عباس موسوی، گفت: «حضور آمریکا در منطقه غیرقانونی است» (ایرنا).
  • Foreign Minister Javad Zarif said (Tasnim, March 31, 2020) that the United States must leave the region.
"""
"""A short Persian bulletin (title "A look at Iran - weekly bulletin", Persian digits, an RLM mark, guillemets)
with one English sentence, as mixed-language desks write them."""

PERSIAN_TITLE = PERSIAN.split(" \u2013 ", 1)[0]

LEAK = "LEAK"
"""Every piece of page furniture in :data:`HTML_PAGE` (script, style, nav...) contains this word; text never does."""

HTML_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Spotlight</title>
<style>body {{ color: red }} .x::after {{ content: "STYLE-LEAK" }}</style>
<script>var leak = "SCRIPT-LEAK"; document.write("<p>SCRIPT-LEAK</p>"); {filler}</script>
</head><body>
<nav><a href="/">Home</a> NAV-LEAK</nav>
<header>HEADER-LEAK</header>
<article>
<h1>Spotlight on Iran</h1>
<p>March 1, 2020 - March 8, 2020</p>
<h2>Iranian Involvement in Iraq</h2>
<ul>
<li>Foreign Minister Javad Zarif warned (Tasnim, March 2, 2020) that the United States must leave the region.\
<script>alert("SCRIPT-LEAK")</script></li>
<li onclick="alert('ATTR-LEAK')">The Commander of the IRGC, Hossein Salami, stated (Fars, March 3, 2020) that the \
forces would respond to any attack.<style>li {{ content: "STYLE-LEAK" }}</style></li>
</ul>
<noscript>NOSCRIPT-LEAK</noscript><template><p>TEMPLATE-LEAK</p></template>
<svg><script>SVG-LEAK</script><text>SVG-LEAK</text></svg>
<aside>ASIDE-LEAK</aside>
</article>
<footer>FOOTER-LEAK</footer>
<script type="application/ld+json">{{"headline": "JSONLD-LEAK"}}</script>
</body></html>
"""


def html_page() -> str:
    """A saved news page: the bulletin in an <article> among ~200 KB of scripts, styles and navigation."""
    filler = "".join(f"function f{i}(){{return 'SCRIPT-LEAK-{i}'}}\n" for i in range(5000))
    return HTML_PAGE.format(filler=filler)


def pdf_bytes(lines: list[str], *, user_password: str | None = None, owner_password: str | None = None) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (Helvetica, WinAnsi), optionally encrypted."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=612, height=792)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    ops = ["BT /F1 10 Tf 40 750 Td 14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    content = DecodedStreamObject()
    content.set_data("\n".join(ops).encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(content)
    if user_password is not None or owner_password is not None:
        writer.encrypt(user_password=user_password or "", owner_password=owner_password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def english_pdf(**passwords: str) -> bytes:
    return pdf_bytes(ENGLISH.replace("\u2022", "-").splitlines(), **passwords)


def broken_trailer_pdf() -> bytes:
    """A PDF whose trailer is a number instead of a dictionary: pypdf raises AttributeError, not PdfReadError."""
    good = english_pdf()
    bad = good.replace(b"trailer\n<<", b"trailer9<<")
    assert bad != good, "pypdf changed its output layout; update broken_trailer_pdf"
    return bad


def write_big_text(path: Path, size: int = 20 * MB) -> Path:
    """At least ``size`` bytes of realistic bulletin text (the fixtures, each copy with its own serial)."""
    bodies = [p.read_text(encoding="utf-8") for p in FIXTURES]
    written = 0
    with path.open("w", encoding="utf-8") as handle:
        n = 0
        while written < size:
            chunk = f"\n\nCopy {n}\n\n" + bodies[n % len(bodies)].replace("(", f"(copy {n}, ", 3)
            handle.write(chunk)
            written += len(chunk.encode())
            n += 1
    return path


@dataclass(frozen=True)
class Case:
    """One input file and what the tool must do with it: ``error`` words in a one-line error, or ``found`` words in
    a successful result."""

    name: str
    data: bytes
    error: str | None = None
    found: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None


def cases() -> list[Case]:
    """The corpus, small files only (the 20 MB one is :func:`big_case`)."""
    english = ENGLISH.encode()
    return [
        Case("empty.txt", b"", error="input is empty"),
        Case("blank.txt", b"  \n\t\r\n   \n\n", error="input is empty"),
        Case("blank-unicode.txt", "\u00a0\u2003\u200b\ufeff\u2028\u200b\r\n\u00ad".encode(), error="input is empty"),
        Case("scan.txt", PNG, error="binary file"),
        Case("nul.txt", english[:40] + b"\x00\x00\x00" + english[40:], error="binary file"),
        Case(
            "latin1.txt", ENGLISH.replace("\u2022", "*").replace("Zarif", "Zar\u00eef").encode("latin-1"), error="UTF-8"
        ),
        Case("utf16le.txt", ENGLISH.encode("utf-16"), found=("Javad Zarif", "Hossein Salami")),
        Case("utf16be.txt", b"\xfe\xff" + ENGLISH.encode("utf-16-be"), found=("Javad Zarif", "Hossein Salami")),
        Case("utf16-cut.txt", ENGLISH.encode("utf-16")[:-1], error="not valid UTF-16"),
        Case("utf16-surrogate.txt", b"\xff\xfe" + "Zarif said".encode("utf-16-le") + b"\x00\xd8", error="UTF-16"),
        Case("utf8-bom.md", b"\xef\xbb\xbf" + english, found=("Javad Zarif", "Hossein Salami")),
        Case("persian.txt", PERSIAN.encode(), found=(PERSIAN_TITLE, "Javad Zarif")),
        Case("page.html", html_page().encode(), found=("Javad Zarif", "Hossein Salami")),
        Case("scripts-only.html", b"<html><head><script>alert(1)</script><style>p{}</style></head></html>", "no text"),
        Case("report.pdf", english_pdf(), found=("Javad Zarif", "Hossein Salami")),
        Case("truncated.pdf", english_pdf()[: len(english_pdf()) // 2], error="unreadable PDF"),
        Case("encrypted.pdf", english_pdf(user_password="s3cret", owner_password="owner"), error="PDF is encrypted"),
        Case("broken-trailer.pdf", broken_trailer_pdf(), error="unreadable PDF"),
    ]


BIG = "big-20mb.txt"
BIG_ERROR = "too long"


def write_corpus(directory: Path, *, big: bool = True) -> list[Case]:
    """Write every case (and the 20 MB text) into ``directory``; return the cases, the big one last."""
    directory.mkdir(parents=True, exist_ok=True)
    found = cases()
    for case in found:
        (directory / case.name).write_bytes(case.data)
    if big:
        write_big_text(directory / BIG)
        found.append(Case(BIG, b"", error=BIG_ERROR))
    return found


# ------------------------------------------------------------------------------------------- generated bulletins
def tagged_bulletin(k: int) -> str:
    """A small English bulletin whose every sentence carries the tag ``K<k>Z``, so a request to a fake model can be
    traced back to the bulletin it is about. The statements make the model backend ask every kind of question."""
    tag = f"K{k:02d}Z"
    return f"""Weekly Brief {k} - Spotlight on Iran

March 1, 2020 - March 8, 2020

Iranian Involvement in Iraq
  \u2022 The Commander of the IRGC, Hossein Salami, said (Tasnim, March 2, 2020) that the forces guarding depot {tag} \
remain on alert in the region.
  \u2022 A senior official said that convoy {tag} reached the border crossing near Qaim on Tuesday.
  \u2022 Foreign Ministry spokesman Abbas Mousavi stated (IRNA, March 4) that the talks about {tag} would \
continue next week.

Iranian Involvement in Syria
  \u2022 Qasem Rezaei said (Fars, March 5) that the shipment {tag} had been delayed by heavy rain near the border.
  \u2022 The commander noted that depot {tag} was inspected twice.
"""


def write_tagged(directory: Path, count: int) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(count):
        path = directory / f"brief-{k:02d}.txt"
        path.write_text(tagged_bulletin(k), encoding="utf-8")
        paths.append(path)
    return paths


def write_fixture_copies(directory: Path, count: int, repeat: int = 1) -> list[Path]:
    """``count`` distinct bulletins made from the evaluation fixtures (each copy numbered, so each hash differs)."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        fixture = FIXTURES[i % len(FIXTURES)]
        head, _, body = fixture.read_text(encoding="utf-8").partition("\n\n")
        path = directory / f"{i:03d}-{fixture.stem}{fixture.suffix}"
        path.write_text(f"{head}\n\nCopy {i}.\n\n" + "\n\n".join([body] * repeat), encoding="utf-8")
        paths.append(path)
    return paths


# ------------------------------------------------------------------------------------------- running the CLI
def run_cli_timed(
    *args: str, timeout: float, env: dict[str, str] | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """:func:`tests.helpers.run_cli` with a short timeout (a hang fails the test in seconds, not in ten minutes) and
    no config file (a developer's ``~/.config/summarizer/config.toml`` must not change what the tests see)."""
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "160", "SUMMARIZER_CONFIG": os.devnull, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=timeout,
        check=False,
    )

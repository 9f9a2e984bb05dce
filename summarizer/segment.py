"""Deterministic structure of a bulletin: metadata, overview list, sections, paragraphs, sentences, citations.

Everything later steps ask of a model is scoped by this structure, so a small model only ever sees one
sentence or paragraph at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import dates
from .ingest import Source
from .models import Bulletin, Citation

OVERVIEW_HEADINGS = re.compile(
    r"^(?:overview|main points|highlights|key points|summary|executive summary|in brief|key developments|"
    r"key judge?ments|key findings|bottom line|top lines|top stories)\W*$",
    re.I,
)
_BULLET = re.compile(r"^[ \t]*(?:[\u2022\u25cf\u25aa\u25e6\u00b7\u2023\u2043*+]|-(?=\s)|\d{1,2}[.)](?=\s))[ \t]+")
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+")
_SOURCE_LINE = re.compile(r"^(?:Sources?|Via)\s*:\s*\[[^\]]+\]\([^()\s]+\)\s*$")
_NUMBERED_HEADING = re.compile(r"^\s*\d{1,2}\.\s+(?P<h>[A-Z][A-Z0-9 ,'&/\-]{2,80})\s*$")
"""A numbered section in capitals ("2. IRAQ"): a heading, not a list item."""
_LABEL_HEADING = re.compile(r"^\s*(?P<h>[A-Z][A-Z &/'-]{1,40}):\s*$")
"""A section label in capitals with a colon ("IRAN:")."""
_END_MATTER = re.compile(r"^(?:sources|references|notes|endnotes|footnotes)\W*$", re.I)
_FOOTNOTE = re.compile(r"(?m)^\s*\[(?P<n>\d{1,3})\]\s+(?P<source>[^\n]+?)\s*$")
_MARKER = re.compile(r"\[(?P<n>\d{1,3})\](?!\()")
_BOLD_LINE = re.compile(r"^\*\*(?P<h>[^*]+?)\*\*:?\s*$")
_PARENS = re.compile(r"\(([^()\n]{2,300})\)")
_BRACKETS = re.compile(r"\[([^\[\]\n]{4,300})\](?!\()")
"""A source in square brackets closing a digest item: "[Tasnim, 7 Nov; Reuters, 7 Nov]"."""
_MD_LINK = re.compile(r"\[(?P<text>[^\]\n]{1,120})\]\((?P<url>[^)\s]+)\)")
_ABBREV = re.compile(
    r"(?:\b(?:U\.S|U\.K|U\.N|E\.U|Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Maj|Capt|Sgt|St|No|Jr|Sr|vs|etc|al|i\.e|e\.g|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)|\b[A-Z])\.$"
)
_SENTENCE_END = re.compile(
    r"[.!?][\"')\]*]*(?:\[\d{1,3}\])*(?=\s+(?:-\s+)?[\"'(\[*]?[A-Z0-9\u0600-\u06ff])|[.!?][\"')\]*]*(?:\[\d{1,3}\])*\s*$"
)
_PERIOD = re.compile(
    r"(?P<a>[A-Z][a-z]+\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?)\s*(?:-|to|until)\s*"
    r"(?P<b>[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
)
_TITLE_DATE = re.compile(
    r"\s*[:,|-]\s*(?:[A-Z][a-z]+day,?\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\s*$"
)
_BYLINE = re.compile(r"(?im)^[*_\s]*(?P<pub>[A-Z][^\n|·*_]{2,60}?)\s*[|·].*?\b(?:editor\s*:|edited by)")
_WIRE = re.compile(r"(?m)^[A-Z][A-Z .'-]+,\s+[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?\s+\((?P<pub>[^()]{2,40})\)\s+-")
_DAY_RANGE = re.compile(r"\b(?P<a>\d{1,2})\s*-\s*(?P<b>\d{1,2})\s+(?P<m>[A-Z][a-z]+)\s+(?P<y>\d{4})\b")
_FULL_DATE = re.compile(r"[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}")
_PUBLISHER_WORDS = re.compile(r"(?i)\b(?:center|centre|institute|intelligence|itic|agency|news|foundation|council)\b")


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Paragraph:
    """One bullet or prose paragraph; offsets are into the normalised bulletin text."""

    start: int
    end: int
    text: str
    section: str | None
    kind: str  # "overview" | "body"
    citations: list[Citation] = field(default_factory=list)
    date_marks: list[tuple[int, int, date]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    def citation_for(self, sent: Sentence) -> Citation | None:
        """The source of a sentence: the first citation at or after its start, since a source closes what it cites."""
        return next((c for c in self.citations if c.start >= sent.start), None)


@dataclass
class Section:
    title: str
    start: int
    paragraphs: list[Paragraph] = field(default_factory=list)
    level: int = 0
    """Markdown heading depth (2 for "## Iraq"), 0 for a plain or bold heading."""


@dataclass
class Document:
    source: Source
    bulletin: Bulletin
    overview: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def paragraphs(self) -> list[Paragraph]:
        """Body paragraphs in document order (the overview excluded)."""
        return [p for s in self.sections for p in s.paragraphs]

    @property
    def anchor(self) -> tuple[date | None, date | None]:
        return self.bulletin.period_start, self.bulletin.period_end

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The body paragraph holding a text offset, such as where an extracted item's evidence starts."""
        return next((p for p in self.paragraphs if p.start <= offset < p.end), None)


@dataclass
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
        else:
            out.append(_Line(pos, pos, ""))
        pos += len(raw) + 1
    return out


def segment(source: Source) -> Document:
    """Parse normalised text into a :class:`Document`; never raises on odd input."""
    text = source.text
    lines = _lines(text)
    bulletin = metadata(text)
    bulletin.source = source.name
    bulletin.sha256 = source.sha256
    doc = Document(source=source, bulletin=bulletin)
    anchor = doc.anchor

    mode = "header"  # header | overview | body
    section: Section | None = None
    current: Paragraph | None = None
    title_seen = False
    for line in lines:
        if not line.text:
            current = None
            continue
        if not title_seen:
            title_seen = True
            continue
        if _SOURCE_LINE.match(line.text) and current is not None:
            current.end = line.end  # "Source: [Tasnim](url)" under a paragraph is its citation
            current.text = text[current.start : current.end]
            continue
        md = _MD_HEADING.match(line.text)
        if md and md[0].count("#") > 2 and section is not None and section.level == 2:
            current = None  # "### headline" of an item inside a "## section", like a bold item header
            continue
        heading = _heading(line.text)
        if heading is not None and _END_MATTER.match(heading):
            break  # "SOURCES": the footnotes' list, not the body
        if heading is not None:
            current = None
            if OVERVIEW_HEADINGS.match(heading):
                mode = "overview"
            else:
                mode = "body"
                section = Section(title=heading, start=line.start, level=md[0].count("#") if md else 0)
                doc.sections.append(section)
            continue
        bullet = _BULLET.match(line.text)
        body_start = line.start + bullet.end() if bullet else line.start
        if bullet is None and current is not None and not _ends_sentence(current.text):
            current.end = line.end
            current.text = text[current.start : current.end]
            continue
        if bullet is None and not _is_prose(line.text, mode):
            continue  # captions, datelines and stray header lines
        if mode == "header":
            mode = "body"
        kind = "overview" if mode == "overview" else "body"
        if kind == "body" and section is None:
            section = Section(title="", start=line.start)
            doc.sections.append(section)
        current = Paragraph(body_start, line.end, text[body_start : line.end], section.title if section else None, kind)
        (doc.overview if kind == "overview" else section.paragraphs).append(current)  # type: ignore[union-attr]

    notes = footnotes(text, anchor)
    for para in [*doc.overview, *doc.paragraphs]:
        para.citations, para.date_marks = citations(para, anchor, notes)
        para.sentences = sentences(text, para.start, para.end)
    return doc


def _heading(line: str) -> str | None:
    """Heading text if the line is one: a Markdown/bold header or a short line with no sentence ending."""
    numbered = _NUMBERED_HEADING.match(line) or _LABEL_HEADING.match(line)
    if numbered:
        return numbered["h"].strip()
    md = _MD_HEADING.match(line)
    if md:
        return line[md.end() :].strip("*# ").strip()
    bold = _BOLD_LINE.match(line)
    if bold:
        return bold["h"].strip()
    if _BULLET.match(line) or len(line) > 90 or line.endswith((".", ",", ";", ")", '"', "'", ":")):
        return None
    words = line.split()
    if not 1 <= len(words) <= 12 or not line[0].isupper():
        return None
    if _FULL_DATE.search(line) or re.search(r"\b(?:Editor|By|Published|Prepared|Compiled|[Ee]dited by)\b", line):
        return None
    return line


def _is_prose(line: str, mode: str) -> bool:
    words = len(line.split())
    if line.endswith(")") and words <= 20 and not _ends_sentence(line) and not re.search(r"\]\([^()\s]*\)$", line):
        return False  # an image caption repeating a citation
    if mode == "header":
        return words >= 12 and _ends_sentence(line)
    return words >= 6


def _ends_sentence(text: str) -> bool:
    return bool(re.search(r"[.!?][\"')\]]*\s*$", text))


def sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences, ignoring abbreviations and full stops inside parentheses."""
    out: list[Sentence] = []
    chunk = text[start:end]
    depth_at = _paren_depth(chunk)
    begin = 0
    for m in _SENTENCE_END.finditer(chunk):
        stop = m.end()
        if depth_at[m.start()] > 0 or _ABBREV.search(chunk[max(begin, m.start() - 6) : m.start() + 1]):
            continue
        piece = chunk[begin:stop].strip()
        if piece:
            lead = begin + (len(chunk[begin:stop]) - len(chunk[begin:stop].lstrip()))
            out.append(Sentence(start + lead, start + lead + len(piece), piece))
        begin = stop
    tail = chunk[begin:].strip()
    if tail:
        lead = begin + (len(chunk[begin:]) - len(chunk[begin:].lstrip()))
        out.append(Sentence(start + lead, start + lead + len(tail), tail))
    return out


def _paren_depth(chunk: str) -> list[int]:
    depth, out = 0, []
    for ch in chunk:
        if ch == "(":
            depth += 1
        out.append(depth)
        if ch == ")":
            depth = max(0, depth - 1)
    out.append(depth)
    return out


def _source(piece: str, anchor: tuple[date | None, date | None]) -> tuple[str, date | None, date | None] | None:
    """Outlet and dates of "Tasnim, April 2" or "Reuters, 3 September 2025"; None when the piece holds no date."""
    found = dates.MONTH_DAY.search(piece) or dates.DAY_MONTH.search(piece)
    if not found:
        return None
    first, last = dates.parse(piece, *anchor)
    return piece[: found.start()].strip(" ,"), first, last


def footnotes(text: str, anchor: tuple[date | None, date | None]) -> dict[str, Citation]:
    """The numbered sources list of a brief ("[2] Reuters, 3 September 2025"), by number."""
    notes = {}
    for m in _FOOTNOTE.finditer(text):
        outlet, first, last = _source(m["source"], anchor) or (m["source"].strip(" ,"), None, None)
        notes[m["n"]] = Citation(outlet=outlet, date=first, date_end=last, start=m.start(), end=m.end())
    return notes


def citations(
    para: Paragraph, anchor: tuple[date | None, date | None], notes: dict[str, Citation] | None = None
) -> tuple[list[Citation], list]:
    """Parenthesised sources "(Tasnim, April 2)", footnote markers "[2]" and bare date marks "(March 31)" in a
    paragraph."""
    cites: list[Citation] = []
    marks: list[tuple[int, int, date]] = []
    for m in (*_PARENS.finditer(para.text), *_BRACKETS.finditer(para.text)):
        inner_start = para.start + m.start(1)
        offset = 0
        for part in m[1].split(";"):
            part_start = inner_start + offset + (len(part) - len(part.lstrip()))
            offset += len(part) + 1
            piece = part.strip()
            dated = _source(piece, anchor)
            if dated is None:
                continue
            outlet, first, last = dated
            if not outlet:
                if first:
                    marks.append((part_start, part_start + len(piece), first))
                continue
            if len(outlet.split()) > 12:
                continue
            cites.append(
                Citation(outlet=outlet, date=first, date_end=last, start=part_start, end=part_start + len(piece))
            )
    for m in _MD_LINK.finditer(para.text):
        start = para.start + m.start("text")
        cites.append(Citation(outlet=m["text"], start=start, end=start + len(m["text"])))
    for m in _MARKER.finditer(para.text):
        note = (notes or {}).get(m["n"])
        if note is not None:
            start = para.start + m.start()
            cites.append(note.model_copy(update={"start": start, "end": start + len(m[0])}))
    cites.sort(key=lambda c: c.start)
    return cites, marks


def metadata(text: str) -> Bulletin:
    """Title, publisher, period and editor from the first lines of the bulletin."""
    head = text[:1500]
    first = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
    first = first.lstrip("#* ").rstrip("* ")
    title, publisher = first, None
    parts = [p.strip() for p in re.split(r"\s+[-|]\s+", first) if p.strip()]
    if len(parts) > 1:
        pub = next((p for p in parts if _PUBLISHER_WORDS.search(p)), None)
        if pub is not None:
            publisher = _clean_publisher(pub)
            title = next(p for p in reversed(parts) if p is not pub)
        else:
            title = parts[0]
    title = _TITLE_DATE.sub("", title)  # "Gulf Ledger Morning Round-up: Saturday, March 16, 2024"
    labelled = re.search(r"(?im)^\s*(?:publisher|published by)\s*:\s*(.+?)\s*$", head)
    byline = _BYLINE.search(head)  # "*Harbor Point Analytics · editor: Miriam Okafor*"
    wire = _WIRE.search(head)  # "TEHRAN, March 9, 2023 (Newswire) -"
    if labelled:
        publisher = labelled[1]
    elif publisher is None and byline:
        publisher = byline["pub"]
    elif publisher is None and wire:
        publisher = wire["pub"]
    bulletin = Bulletin(title=title or None, publisher=publisher)
    editor = re.search(r"(?i)\b(?:Editor\s*:|edited by)\s*([^\n|·]+?)\s*(?:[|·*_]|$)", head, re.M) or re.search(
        r"(?i)\bEditing by\s+([^\n|;·]+?)\s*$",
        text,
        re.M,  # a wire story's closing "Reporting by ...; Editing by X"
    )
    if editor:
        bulletin.editor = editor[1].strip("*_ ")
    prepared = re.search(
        r"(?im)^\s*(?:prepared|compiled|written) by\s*:?\s*(?P<who>[^,\n]+?)(?:,\s*(?P<org>[^\n]+?))?\s*$", head
    )
    if prepared:  # "Prepared by: Dr. Miriam Aldous, Halcyon Institute for Regional Security"
        bulletin.editor = bulletin.editor or re.sub(r"^the\s+", "", prepared["who"])
        bulletin.publisher = bulletin.publisher or prepared["org"]
    head = _DAY_RANGE.sub(r"\g<a> \g<m> \g<y> - \g<b> \g<m> \g<y>", head)  # "1-7 September 2025"
    period = _PERIOD.search(head)
    if period:
        end, _ = dates.parse(period["b"])
        start, _ = dates.parse(period["a"], end, end) if end else (None, None)
        if start and end and start <= end:
            bulletin.period_start, bulletin.period_end = start, end
    if bulletin.period_end is None:
        single = _FULL_DATE.search(head)
        if single:
            day, _ = dates.parse(single[0])
            bulletin.period_start = bulletin.period_end = day
    return bulletin


def _clean_publisher(text: str) -> str:
    text = re.sub(r"(?i)^.*?\bBY\s+", "", text)
    text = re.sub(r"\s*/\s*[A-Z ]+$", "", text).strip()
    if text.isupper():
        text = " ".join(w if w == "&" else w.capitalize() for w in text.split())
    return text

"""Text as it is published: hard-wrapped lines rejoined, page furniture and wire datelines recognised.

Copy from a web page or a wire feed is broken every 60-80 characters inside sentences and names, and it carries
lines that are not prose (a date line, a photo caption printed twice, "Powered by automated translation"). The
segmenter reads *logical* lines: the physical lines of one wrapped paragraph joined, with offsets still into the
text as read, so evidence keeps its line breaks and grounding points at the right characters.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from . import dates
from .lexicon import alternation, load

_LEXICON = load()


@dataclass
class Line:
    """One logical line: ``text`` is its whitespace-folded reading, ``start``/``end`` offsets into the raw text."""

    start: int
    end: int
    text: str
    last: int = 0
    """Length of its last physical line: a wrapped line was filled close to the width."""


_COMPOUND = alternation(_LEXICON.compound_heads)
_WORD_BREAK = re.compile(rf"(?<=[a-z])-[ \t]*\n[ \t]*(?=[a-z])(?!(?:{_COMPOUND})\b)")
"""A word hyphenated at a line end, as PDF text is ("sanc-\ntions"), and not a compound ("Iran-\nbacked")."""
_HYPHEN_BREAK = re.compile(r"(?<=\w)-[ \t]*\n[ \t]*(?=\w)")
"""A compound or a name broken at its own hyphen ("Iran-\nbacked", "al-\nZaydi")."""


_QUOTED_LINE = re.compile(r"\n[ \t]*>[ \t]?")
"""The mark opening each line of a passage an e-mail quotes."""


def flat(text: str) -> str:
    """A span read as one line: each line break, with the blank lines and indent around it, is one space; a word
    hyphenated at a line end is one word again; an e-mail's quotation marks (">" opening its lines) are gone."""
    if "\n" not in text:
        return text  # most spans are one line already: every rewrite below needs a line break
    text = _HYPHEN_BREAK.sub("-", _WORD_BREAK.sub("", _QUOTED_LINE.sub("\n", text)))
    return re.sub(r"[ \t]*\n\s*", " ", text)


def physical_lines(text: str) -> list[Line]:
    """Every line of the text, stripped, blank ones empty."""
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip()) if stripped else 0
        out.append(Line(pos + lead, pos + lead + len(stripped), stripped, len(stripped)))
        pos += len(raw) + 1
    return out


BULLET_MARKS = "\u2022\u25cf\u25aa\u25e6\u00b7\u2023\u2043\u25a0\u25ba\u27a2\uf0a7\uf0b7\uf0d8*+>"
"""Bullet glyphs, including those of PDF symbol fonts that text extraction leaves in a private-use area, and an
e-mail's quotation mark (">"), whose lines are one quoted passage."""
BULLET = rf"(?:[{BULLET_MARKS}]|-(?=\s)|\d{{1,2}}[.)](?=\s))"
"""A bullet or list number opening a line."""
_BULLET_START = re.compile(rf"^(?:{BULLET}|#)")
SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
FOOTNOTE_MARK = (
    rf"(?:\[\d{{1,3}}\](?!\()|[{SUPERSCRIPTS}]+|(?<=\D[.,;:!?\"')\]])\d{{1,3}}(?=\s|$)"
    r"|(?<=\b(?:19|20)\d\d\.)\d{1,3}(?=\s+[A-Z]))"
)
"""A footnote marker after a sentence: "[3]", a superscript number as PDF text gives it ("\u00b9\u2070"), or a plain
number glued to the closing punctuation, as PDF text flattens a superscript ('dollars."2'), even after a year
("since 2025.4 She added": no decimal is followed by a capitalised word)."""
_OPEN_END = re.compile(r"[^.!?:\"')\]]$")
SOURCE_LABEL = r"(?:Sources?|Via)\s*:"
"""The label a source is given ("Source:", "Sources:", "Via:")."""
_SOURCE_LABEL = re.compile(rf"^{SOURCE_LABEL}", re.I)
NOTES_LABEL = re.compile(r"(?:Speaker|Presenter)(?:'s)?\s+notes?:\s+(?=\S)", re.I)
"""The label of a slide's notes as exported with it: they open a paragraph of their own."""
MIN_WRAPS = 3
"""Lines broken inside a sentence a text needs before it is read as hard-wrapped."""
FILL = 0.6
"""Share of the wrap width a line must fill to have been broken by the width rather than ended by the writer."""


POST_HEADER = re.compile(
    r"^\W{0,3}\s*(?:(?P<kind>Reply\s+from|Reposted\s+by|(?:Reposted|Quoted)\s+with\s+comment\s+by)\s+)?"
    r"@(?P<handle>\w{2,30})"
    r"(?:\s+\((?P<who>[^()\n]{2,150})\))?\s+[\u00b7\u2022|]\s+(?P<stamp>[^\n]{4,60}?\d{1,2}:\d\d[^\n]{0,12})$"
)
"""A social-media post's header in a monitoring digest: "@handle (Name, office) · 15 May 2028, 05:12 UTC", a reply's
"Reply from @handle · ..." (the account named before), a repost's "Reposted by @handle (...) · ..." (with nothing of
its own to say, unless "with comment")."""


def wrap_width(lines: list[Line]) -> int | None:
    """The width a hard-wrapped text was broken at, or None for a text whose paragraphs are one line each."""
    broken = [
        a.last
        for a, b in pairwise(lines)
        if a.text
        and b.text
        and a.last >= 40
        and _OPEN_END.search(a.text)
        and not _BULLET_START.match(b.text)
        and not POST_HEADER.match(a.text)
    ]
    long_lines = sum(1 for line in lines if line.last >= 40)
    if len(broken) < MIN_WRAPS or len(broken) < 0.25 * long_lines:
        return None
    return sorted(broken)[(3 * len(broken)) // 4]  # not the longest: a headline run into the line under it


EMAIL_FIELD = re.compile(r"^(?:From|To|Cc|Bcc|Sent|Date|Subject|Reply-To):\s")
"""An e-mail's header field, one per line."""
MD_LINK = re.compile(r"\[(?P<text>[^\]\n]{1,120})\]\((?P<url>[^)\s]+)\)")
"""A Markdown link: its text names the page, as a citation or a breadcrumb step."""
TABLE_ROW = re.compile(r"^\|.*\|$")
"""A row of a Markdown table: "| 27 Nov | US Central Command | Said ... | CENTCOM |"."""


SECTION_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\S)")
"""A section's number before its heading ("2. IRAQ", "3.1 Iran"): no part of the heading's words."""


CHAT_LINE = re.compile(
    r"^(?:\[(?P<stamp>\d{1,2}[./]\d{1,2}[./]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)\]"
    r"|(?P<plain>\d{1,2}/\d{1,2}/\d{2,4},\s+\d{1,2}:\d{2}(?:\s*[AP]M)?)\s+-)"
    r"\s+[^\n:]{2,60}?:\s+(?=\S)"
)
"""A message in a chat's export, its stamp and its sender before it: "[05/06/2028, 09:05] Name: ..." (or "05/06/2028,
09:05 - Name: ..."). The sender is a member relaying, never the speaker of what they relay."""


def logical_lines(text: str) -> list[Line]:
    """The lines of a text with the physical lines of each hard-wrapped paragraph (or bullet) joined."""
    lines = physical_lines(text)
    width = wrap_width(lines)
    if width is None:
        return lines
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and _continues(text, prev, line, width):
            prev.end, prev.last = line.end, line.last
            prev.text = flat(text[prev.start : prev.end])
        else:
            out.append(line)
    return out


def _indent(text: str, start: int) -> int:
    """How far the physical line holding ``start`` is set in."""
    return start - text.rfind("\n", 0, start) - 1


def _continues(text: str, prev: Line, line: Line, width: int) -> bool:
    """Whether ``line`` goes on with ``prev``: both in one block, ``prev`` filled to the width, neither furniture."""
    if not prev.text or not line.text or prev.last < FILL * width or _BULLET_START.match(line.text):
        return False
    last = text[prev.end - prev.last : prev.end]
    if last.isupper() != line.text.isupper() or _SOURCE_LABEL.match(line.text) or NOTES_LABEL.match(line.text):
        return False  # a headline in capitals over its story, or an item's "Source:" line under its headline
    if POST_HEADER.match(last) or POST_HEADER.match(line.text):
        return False  # a post's header line over its text: a line of its own
    if CHAT_LINE.match(line.text):
        return False  # a chat's next message, under its stamp and sender
    if EMAIL_FIELD.match(line.text):
        return False  # "Subject: ..." under "From: ...": an e-mail's header fields, one per line
    if TABLE_ROW.match(last) or TABLE_ROW.match(line.text):
        return False  # a table's rows are filled to the width by their longest cell, not wrapped
    if _indent(text, line.start) > _indent(text, prev.end - prev.last):
        return False  # a first line set in: a new paragraph, or a bullet whose glyph the PDF text lost
    if _indent(text, line.start) > 0 and prev.start == prev.end - prev.last and ends_sentence(last):
        return False  # a one-line paragraph set in, then the next one set in alike ("The PRESIDING OFFICER. ...")
    return last != line.text and not is_furniture(last) and not is_furniture(line.text)


# --- furniture ------------------------------------------------------------------------------------------------------

_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_A_DATE = (
    rf"(?:\d{{1,2}}[/.]\d{{1,2}}[/.](?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d|{_MONTH},?\s+\d{{1,2}},?\s+(?:19|20)\d\d|"
    rf"\d{{1,2}}\s+{_MONTH},?\s+(?:19|20)\d\d)"
)
DATE_LINE = re.compile(
    r"^[*_]*(?:(?:date|dated|published|posted|updated|last update[d]?|issued|exported|saved|retrieved)\s*:?\s*)?"
    r"(?:(?P<clock>\d{1,2}[:.]\d\d)(?:\s*[AP]M)?,?\s+)?"
    rf"(?:{_WEEKDAY}(?:\s+|(?<=,)))?(?P<date>{_A_DATE})"
    r"(?:,?\s+(?:at\s+|-\s+)?(?P<time>\d{1,2}[:.]\d\d(?::\d\d)?)(?:\s*[AP]M)?(?:\s+(?:GMT|UTC|[A-Z]{2,4}))?)?"
    r"(?:\s+\([^()]{1,40}\))?[*_]*$",
    re.I,
)
"""A line that is only a date, perhaps with a label, a weekday and a time before or after it: "Tuesday 03/09/2024",
"Published: 12:47, February 11, 2023", "date 2023-03-14",
"Last Update: 14/03/2023 09:12", "27 January 2025 17:10", "Tue Apr 22, 2025 14:47 GMT", "2025-05-21 15:33:12"."""
_NOTE_HOLDER = rf"(?:{alternation(_LEXICON.note_holders)})(?:'s|s'|\u2019s)?\s+[Nn]ote\s*:"
NOTE_LABEL = re.compile(rf"\[{_NOTE_HOLDER}\s*|(?-i:Note):\s+(?=[A-Z])", re.I)
"""The label opening an editor's bracketed note ("[Monitor's note: The U.S. Treasury ...]") or a note in the text
("Note: Iran, which is not a member, rejected ..."): what follows is text."""
EDITORS_NOTE = re.compile(rf"^\[?{_NOTE_HOLDER}")
"""A note's label opening a line ("Editor's note: This interview was condensed ..."): the paper speaks, not the
last speaker."""
_FURNITURE = re.compile(
    rf"^[*_]*(?:(?!{NOTE_LABEL.pattern})\[[^\[\]]+\]|(?:{alternation(_LEXICON.furniture)})(?=\W|$).*)[*_]*$|\s>\s", re.I
)
"""A marker in brackets, a breadcrumb ("Home > Politics"), or a line opening as page furniture does."""
_SENTENCE_CLOSE = re.compile(rf"[.!?][\"')\]]*{FOOTNOTE_MARK}*\s*$")
CREDIT = re.compile(r"^\(?(?:Reporting|Writing|Editing|Additional reporting)\s+by\b")


def ends_sentence(text: str) -> bool:
    """Whether a text closes a sentence: a full stop, question or exclamation mark, perhaps inside quotes."""
    return bool(_SENTENCE_CLOSE.search(text))


def is_furniture(line: str) -> bool:
    """A line that is no prose and no heading: a date line, marker, breadcrumb, share link, credit or tagline."""
    return bool(
        DATE_LINE.match(line)
        or _FURNITURE.search(line)
        or CREDIT.match(line)
        or _PAGE_NUMBER.fullmatch(line)
        or _is_link_row(line)
        or ((". ." in line or "...." in line) and _DOT_LEADER.search(line) is not None)
    )


_DOT_LEADER = re.compile(r"\S\s*(?:\.\s){2,}\.?\s*\S|\S\s*\.{4,}\s*\S")
"""Dots leading from an entry to what it is listed with ("China . . . Mr. Zhou", "Background ........ 3"): a list
of members or contents, no prose."""


_PAGE_NUMBER = re.compile(
    r"(?:[^\n]{1,40}?\s[-|\u00b7]\s+(?=page\s))?(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|-\s*\d{1,4}\s*-"
    r"|(?:[-=]{2,}\s*)?slide\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-=]{2,})?"
    r"|\d{1,4}/\d{1,4}\s+\d{2}-\d{5}(?:\s+\([A-Z]\))?|\d{2}-\d{5}(?:\s+\([A-Z]\))?\s+\d{1,4}/\d{1,4}",
    re.I,
)
"""A page's number in its footer, as PDF text and exported slides keep it: "Page 2 of 6", "2/6", "- 3 -", "12",
"Confidential - page 4 of 12", "--- Slide 3 ---", a UN document's "2/4 28-09412" beside its job number."""


SEPARATOR = re.compile(r"\s[|\u00b7\u203a]\s")
"""Between the parts of a row of links or labels: " | ", " · ", " › "."""


def _is_link_row(line: str) -> bool:
    """Three or more short parts in a row ("Share on Facebook · Share on X · Share via Email", "World › Middle
    East › Iran"): links, never prose."""
    parts = SEPARATOR.split(line)
    return len(parts) >= 3 and all(len(part.split()) <= 4 for part in parts)


def date_of(line: str) -> date | None:
    """The date a date line gives, or the first part of a row of labels does ("Exported: 11.01.2027 23:57 | 15
    posts"): a weekday settles the order of a numeric date."""
    line = line if DATE_LINE.match(line) else SEPARATOR.split(line, 1)[0]
    m = DATE_LINE.match(line)
    if m is None:
        return None
    return dates.numeric(line) or dates.parse(re.sub(r"^([A-Za-z]+\.?),", r"\1", m["date"]))[0]  # "December, 01"


def repeated(paragraphs: list[str]) -> set[str]:
    """Texts printed more than once (a photo caption repeated as alt text and caption, a PDF page's running head
    with its page number): furniture, not prose. Look a text up by its :func:`repeat_key`."""
    counts = Counter(repeat_key(p) for p in paragraphs if len(p.split()) >= 3)
    return {p for p, n in counts.items() if n > 1 and len(p.split()) >= 3}


def repeat_key(text: str) -> str:
    """A text as its repeats are counted: a closing page number dropped ("Congressional Research Service 3"), its
    words in any order (facing pages mirror their running heads: "S/PV.9951 The situation 07/04/2028" on the left,
    "07/04/2028 The situation S/PV.9951" on the right)."""
    words = _CLOSING_NUMBER.sub("", " ".join(text.split())).split()
    return " ".join(sorted(words) if len(words) <= _RUNNING_HEAD else words)


_RUNNING_HEAD = 16
"""The most words a running head has: longer texts keep their order (and cost no sort)."""


_CLOSING_NUMBER = re.compile(r"\s+\d{1,4}$")


# --- datelines ------------------------------------------------------------------------------------------------------

PLACE_BYLINE = re.compile(
    r"(?P<place>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})\s+-\s+"
    r"(?:al-)?[A-Z][\w'.&-]*(?:\s+(?:al-)?[A-Z][\w'.&-]*){0,4}"
)
"""A line saying where a story was filed and by whom ("Baghdad - Salam al-Jaberi", "Baghdad - Rafidain Today"): no
heading and no title."""
DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'\-]+(?:(?:\s+|/)[A-Z][A-Z.'\-]+){0,3})|(?P<town>[A-Z][a-z]+)(?=\s*\())"
    r"(?:,\s+(?P<region>[A-Z][a-z][\w'.-]*(?:\s+(?:of\s+)?[A-Z][\w'.-]*){0,4})(?=\s+-\s))?"
    r"(?:\s*\[(?P<code>[A-Z]{2,3})\])?"
    rf"(?:(?:,\s*|\s+)(?P<date>{_MONTH}\s+\d{{1,2}}(?:[,.]\s*(?:19|20)\d\d)?|\d{{1,2}}\s+{_MONTH}(?:\s+(?:19|20)\d\d)?)\.?)?"
    r"(?:\s*\((?P<agency>[^()\n]{2,60})\)|\s*/(?P<slashed>[A-Z][\w-]{1,20})/)?"
    r"\s*(?P<sep>-|:|(?<=/)\.)\s+(?=\S)"
)
"""A wire dateline opening a paragraph: "TEHRAN, March 9, 2023 (Newswire) -", "ANKARA [TR], April 22 (A/B):",
"BRUSSELS (Agency) -", "CITY -", "TEHRAN March 22. 2023 (Agency) -", "MOSCOW, August 5. /TASS/.", and with the region
written out, "ERBIL, Kurdistan Region of Iraq -"."""

_AGENCY_ALONE = re.compile(
    rf"^(?P<agency>{alternation([m for m in _LEXICON.media if m[0].isupper() and m not in _LEXICON.outlet_words])})"
    r"\s+-\s+(?=[A-Z])"
)
"""A known agency's name, then a dash, opening a story ("Tasnim - Iran's army commander ..."): its dateline."""


@dataclass
class Dateline:
    """Where and when a wire item was filed, and by which agencies; ``end`` is where its text starts."""

    place: str
    end: int
    date_text: str | None = None
    agencies: list[str] = field(default_factory=list)


def dateline(text: str) -> Dateline | None:
    """The dateline opening ``text``, if it has one: a place in capitals with a date, a code or an agency, a town
    with an agency ("Tehran(IP):"), or an agency alone ("Tasnim - ")."""
    alone = _AGENCY_ALONE.match(text)
    if alone is not None:
        return Dateline(place="", end=alone.end(), agencies=[alone["agency"]])
    m = DATELINE.match(text)
    if m is None or (m["town"] and not re.fullmatch(r"[A-Z][\w.&'-]*(?:[\s/][A-Z][\w.&'-]*)*", m["agency"] or "")):
        return None  # "Kayhan (hardline daily): ...": a paper and what it is, in a press review
    if not (m["date"] or m["agency"] or m["slashed"] or m["code"] or (m["sep"] == "-" and len(m["place"]) > 2)):
        return None
    agencies = [a.strip() for a in re.split(r"[/;,]", m["agency"] or m["slashed"] or "") if a.strip()]
    written = re.sub(r"\.\s*(?=\d{4})", ", ", m["date"]) if m["date"] else None  # "March 22. 2023"
    return Dateline(place=m["place"] or m["town"], end=m.end(), date_text=written, agencies=agencies)

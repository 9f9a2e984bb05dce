"""Deterministic structure of a bulletin: metadata, overview list, sections, paragraphs, sentences, citations.

Everything later steps ask of a model is scoped by this structure, so a small model only ever sees one
sentence or paragraph at a time.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from urllib.parse import urlsplit

from . import dates
from .header import FULL_DATE, metadata, read_header
from .ingest import Source
from .layout import (
    BULLET,
    BULLET_MARKS,
    CHAT_LINE,
    EDITORS_NOTE,
    FOOTNOTE_MARK,
    MD_LINK,
    NOTE_LABEL,
    NOTES_LABEL,
    PLACE_BYLINE,
    POST_HEADER,
    SECTION_NUMBER,
    SEPARATOR,
    SOURCE_LABEL,
    SUPERSCRIPTS,
    TABLE_ROW,
    Dateline,
    Line,
    dateline,
    ends_sentence,
    flat,
    is_furniture,
    logical_lines,
    repeat_key,
    repeated,
)
from .lexicon import alternation, load, outlet, untitled, word_pattern
from .models import Bulletin, Citation

OVERVIEW_HEADINGS = re.compile(
    r"^(?:overview|main points|highlights|key points|summary|executive summary|in brief|key developments|"
    r"key judge?ments|key findings|key takeaways|takeaways|key events|key figures|key facts|bottom line|top lines|"
    r"top stories|headlines)"
    r"(?:\[\d{1,3}\])?\W*$",  # "Highlights[1]": a web page's footnote marker on the heading
    re.I,
)
_CUE_LABEL = re.compile(rf"(?:{alternation(load().reading_cues)}):", re.I)
"""A script's cue naming who reads what follows ("READER:", "ANCHOR:"): no heading."""
_BULLET = re.compile(rf"^[ \t]*{BULLET}[ \t]+")
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+")
_SOURCE_LINE = re.compile(rf"^{SOURCE_LABEL}\s*\[[^\]]+\]\([^()\s]+\)\s*$")
_PLACES = {*load().capital_cities, *load().cities, *load().countries}
_PAPER = re.compile(rf"(?:{alternation(load().media)})")
"""A section named by a known outlet alone: in a press review, the paper whose items follow."""
_CLOSING_SOURCE = re.compile(
    r"^Source:\s*(?P<outlet>[^,\n]{2,60}),\s+(?:[^,\n]{2,40},\s+)?in\s+[A-Z][a-z]+\s+(?:\d{4}\s+gmt\s+)?"
    r"(?P<day>\d{1,2}\s+[A-Z][a-z]{2})\s+(?P<year>\d{2}|\d{4})\s*$"
)
"""A monitoring service's line closing an item: "Source: IRNA news agency website, Tehran, in Persian 0915 gmt 9 Dec
26"."""
_OUTLET_KIND = re.compile(r"\s+(?:news agency\s+)?website$|\s+news agency$")
"""What kind of outlet a source line says it was ("IRNA news agency website"), in lower case: no part of the outlet's
name ("National News Agency")."""
_ENTRY_BYLINE = re.compile(r"(?:[A-Z][\w'\u2019.-]+\s+){1,3}[A-Z][\w'\u2019-]+(?:\s+in\s+[A-Z][\w ]{2,30})?")
"""A live entry's byline under its headline: a name, perhaps where it was written from."""
_EMBED_ACCOUNT = re.compile(r"(?:[A-Z][\w.'\u2019-]*\s+){1,5}@\w{2,30}")
"""The account line of a post embedded in an article ("Hilal Al Maawali @HilalAlMaawali"): the card's furniture; the
post's text under it goes on with the sentence that introduced it ("X posted on X:")."""
_POST = re.compile(r"^\[(?P<stamp>[^\[\]\n]{0,30}\d{1,2}:\d{2}(?::\d{2})?)\]\s+[^\n:]{2,60}:\s*$")
"""A channel post's header in an export: "[11.01.2027 08:14] Mideast Pulse:"."""
_TRANSLATION_NOTE = re.compile(r"^\[(?:Translated|Translation|Machine translation)\b[^\[\]\n]{0,60}\]$", re.I)
"""A digest's note on the language a post was written in: no part of the post."""
_QUOTE_CLOSED = re.compile(r"[\"\u201d]\s*$")
"""A post's quotation closed at the end of the text read so far: the post is over."""
_LABELLED_LINE = re.compile(r"^[A-Z][\w'\u2019 ]{2,30}:\s")
"""A line opening with its own label ("Analyst comment: ..."): the monitor's words, no longer the post's."""
_FORWARDED = re.compile(r"^Forwarded from\s+(?P<outlet>[^\n]{2,60}?)\s*$")
"""A channel post forwarded from another: the source of what it says."""
_ITEM_SOURCE = re.compile(rf"^{SOURCE_LABEL}\s*(?P<source>[^\[\]()\n]{{3,80}}?)\s*$")
"""A monitoring digest's source line under an item's headline ("Source: Al-Mayadeen, October 28, 2026"): the
citation of every paragraph of the item."""
COURTESY = rf"(?:{alternation(load().courtesy_titles)})\.?"
"""A courtesy title before a surname, with or without its dot ("Mr Cleverly", "Dr. Reza"): no part of the name."""
TURN_HONORIFIC = re.compile(
    rf"^(?:(?i:{alternation(load().courtesy_titles)})\.?|(?i:{alternation(load().turn_titles)}))\s+"
)
"""The honorific opening a transcript's turn label: the label without it is the speaker's surname."""
_RECORD_TURN = re.compile(
    rf"(?P<label>{TURN_HONORIFIC.pattern[1:]}[A-Z][A-Z'\-]{{2,}}"
    r"|The\s+(?:PRESIDING\s+OFFICER|(?:ACTING\s+)?PRESIDENT\s+pro\s+tempore|SPEAKER(?:\s+pro\s+tempore)?|CHAIR))"
    r"\.[ \t]+(?=[A-Z\"\[])"
)
"""A turn in the style of the Congressional Record: "Chairman HALVORSON. The subcommittee will ...", "The PRESIDING
OFFICER. The Senator from Idaho."."""
_TURN = re.compile(
    rf"(?P<label>{TURN_HONORIFIC.pattern[1:]}[A-Z][A-Z'\-]+(?:[ \t]+[A-Z][A-Z'\-]+)?|QUESTION|Q|MODERATOR)"
    r"(?:\s+\([^()\n]{1,40}\))?:[ \t]+(?=\S)"
)
"""A transcript's turn: "MR. HALVORSEN: ...", "QUESTION: ...", "MINISTER AL-RUBAIE (in Arabic, as interpreted): ..."
(the interpreter's note is no part of the label)."""
_SEATED_TURN = re.compile(
    rf"(?P<label>{COURTESY}\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{0,2}}(?:\s+\((?!spoke\b|speaking\b)[^()\n]{{2,60}}\))?"
    r"|The\s+(?:Acting\s+)?(?:President|Chair(?:man|woman|person)?))"
    r"(?:\s+\((?:spoke|speaking)\s+in\s+[A-Z]\w+\))?:[ \t]+(?=\S)"
)
"""A meeting record's turn, by courtesy title and surname with the seat the speaker holds ("Mr. Kessler (United
States of America): ...", "Ms. El-Sherif (Egypt) (spoke in Arabic): ..."), or the chair's ("The President (spoke in
French): ..."): the label keeps the seat, not the interpreter's note."""
_CLOSING_NOTE = re.compile(
    r"\((?:End|Close)\b[^()\n]{0,30}\)|\(The\s+(?:briefing|press\s+conference|meeting|session)\s+"
    r"(?:ended|concluded|closed|was\s+(?:concluded|adjourned))\b[^()\n]{0,60}\)"
)
"""A transcript's note that the proceedings are over ("(End: 12:47)"): the turns end with it."""
_DASH_TURN = re.compile(r"(?P<label>Q|R)\s+-\s+(?=\S)")
"""A briefing's question and answer as a French ministry prints them: "Q - ..." and "R - " (réponse)."""
_REPORTED_TURN = re.compile(
    r"(?:(?P<asker>(?:A|The)\s+(?:reporter|journalist|correspondent))|(?:The|A)\s+spokes(?:person|man|woman))"
    r"\s+(?:asked|answered|said|replied|responded)\s*:[ \t]+(?=\S)"
)
"""A question and its answer as a ministry prints them: "A reporter asked: ...", "The spokesperson answered: ..."."""
_NAMED_SPOKESPERSON = re.compile(r"\b[Ss]pokes(?:person|man|woman)\s+([A-Z][\w'-]+\s+[A-Z][\w'-]+)")
QUESTION_TURNS = load().question_turns
_FIELD_LABELS = load().field_labels
QUESTION_LABEL = "Question"
"""The turn label of a question whose asker is named apart ("Asked by X" over it)."""
BY_LINE = re.compile(
    r"(?m)^(?P<part>Asked|Answered)\s+by\s+(?P<label>[A-Z][\w'.-]*(?:\s+(?:(?:al|el)-)?[A-Z][\w'.-]*){1,3})[ \t]*$"
)
"""A written question's blocks in a parliament's record: "Asked by <Member>" over the question, "Answered by
<minister>" over the answer, each with the Member's seat or the minister's office on the line after."""
_ENTRY_TIME = re.compile(r"[*_]*\d{1,2}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+(?:GMT|UTC|[A-Z]{2,4}))?[*_]*")
"""A live page's entry time, alone on its line: "15:40 GMT", "**9.12am**"."""
_ANSWERED_ON = re.compile(r"^Answered\s+on\s+(?P<day>.{6,40})$")
"""The day a written answer was given: what the answer says, it said that day."""
_MEMBER = rf"(?:{COURTESY}\s+)?(?P<label>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{1,3}})"
OFFICE_TURN = re.compile(rf"The\s+(?P<office>[A-Z][^()\n:]{{2,80}}?)\s+\({_MEMBER}\):[ \t]+(?=\S)")
"""A parliamentary record's turn by an office holder, by office and name ("The Minister for the Middle East (Thomas
Brereton):"); the label is the name."""
_DEBATE_LABELS = (
    re.compile(rf"{_MEMBER}\s+\([^()\n]{{2,60}}\)\s+\([A-Z][\w/-]{{1,12}}\)(?:\s+\([^()\n]{{2,40}}\))?:[ \t]+(?=\S)"),
    OFFICE_TURN,
)
"""A parliamentary record's turn: a Member by name, constituency and party ("Priti Langford (Hertsmere) (Con):"), or
an office holder."""
_NAMED = r"[A-Z][a-z][\w'.-]*(?:\s+(?:(?:al|el|de|van|von)[ -])?[A-Z][\w'.-]*){%s}"
"""A person's name in its own case, words after the first as many as the ``%s`` allows ("Jean-Baptiste Morvan")."""
ATTRIBUTION = re.compile(rf"(?m)^(?P<name>{_NAMED % '1,3'}):\s+(?P<office>[a-z][^:\n]{{3,200}})$")
"""A commentator's line over their commentary ("Jane Doe: senior fellow at the X Center"), as expert reactions print."""
_ROLE_WORD = word_pattern(load().role_nouns, ignore_case=True)
CALL_TURN = re.compile(
    rf"(?m)^(?P<name>{_NAMED % '1,3'})\s+(?:--|[\u2013\u2014])\s+(?P<office>[^\n]{{2,80}}?)"
    r"(?P<asks>\s+(?:--|[\u2013\u2014])\s+Analyst)?$"
)
"""A call transcript's line over a turn: "Jane Doe -- Chief Executive Officer", "John Roe -- Bank -- Analyst" (an
analyst asks)."""
SPEECH_TURN = re.compile(
    rf"(?m)^(?P<label>{_NAMED % '0,3'})"
    r"(?:,\s+(?P<office>[^\n]{2,200}?)|\s+\([^()\n]{1,40}\)(?:,\s+(?P<kind>[^\n]{2,60}?))?)?"
    r"\.\s+[-\u2013\u2014]\s+(?:\([A-Z]{2}\)\s+)?(?=\S)"
)
"""A speech in a parliament's verbatim report: "Name, office. - ", "Name (Group). - (DE) ", "President. - "; a name
in capitals ("TAMPA, Fla. - ") is a dateline's place."""
_TIMED_TURN = re.compile(
    rf"[*_]*\[?\d{{1,2}}:\d{{2}}(?::\d{{2}})?\]?[ \t]+(?:{COURTESY}\s+)?"
    r"(?P<label>[A-Z][\w'.-]*(?:\s+(?:(?:al|el)-)?[A-Z][\w'.-]*){0,3})(?:\s+\([^()\n]{2,40}\))?:[*_]*[ \t]+(?=\S)"
)
"""A transcript's turn with its timestamp ("**[00:04:10] Thomas Reardon:** ...", "[00:00:08] HOST (Erin Walsh): ..."):
the time makes it a turn whatever the label's case."""
_SPOKEN_LABEL = re.compile(
    r"(?:[*_]{2})?(?P<asked>Q\d{1,3}\s+)?(?P<label>[A-Z][\w'.-]*(?:\s+(?:(?:al|el|ad|as|an|ash)-)?[A-Z][\w'.-]*){0,2}"
    r"(?:\s+question)?)"
    r"(?:,\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){1,3})?(?P<seat>\s+\([^()\n]{1,40}\))?"
    r"(?::(?:[*_]{2})?|(?:[*_]{2})?:)[ \t]+(?=\S)"
)
"""A turn label in an interview's own case ("Interviewer: ...", "Farahmandi: ..."), perhaps with the name of whoever
holds the office it names ("Official Spokesperson, Shri Kunal Bhardwaj:"), the number of the question it puts in a
committee's evidence ("Q7 Priya Nair:") or the body or asker it names in parentheses ("Bremer (AA):", "Follow-up
question (Keller):"): a turn only where the text is an interview (see :func:`_interview_labels`)."""
_OUTLET_LABEL = re.compile(
    r"(?:\*\*)?(?P<time>\d{1,2}[:.]\d\d(?:\s*(?:UTC|GMT))?)?(?:\*\*)?\s*[-:]?\s*"
    r"(?P<outlet>[A-Z][\w'.&-]*(?:\s+[A-Z][\w'.&-]*){0,4})(?:\s*\((?P<gloss>[^()\n]{1,60})\))?:[ \t]+(?=[A-Z\"'])"
)
"""A monitor's item opening with its time and source: "**06:12** - Tasnim: ...", "Shafaq News: ...", or a press
review's paper with what it is: "Kayhan (hardline daily): ..."."""
_NUMBERED_HEADING = re.compile(
    r"^\s*(?:\d{1,2}\.|\d{1,2}(?:\.\d{1,2})+|\d{1,2}(?=\s+[A-Z][a-z]))\s+(?P<h>[A-Z][A-Z0-9 ,'&/\-]{2,80}"
    r"|[A-Z][\w'&/-]*(?:\s+(?:[A-Z][\w'&/-]*|and|of|the|in|on|for|to|&)){0,5})\s*$"
)
"""A numbered section ("2. IRAQ", "1. Background", an encyclopedia's "3.1 United States"): a heading, not a list
item."""
_SUBSECTION = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+\.?\s+(?P<h>[A-Z][\w'&/-]*(?:\s+[\w'&/-]+){0,5})\s*$")
"""A subsection numbered by its section ("3.3 Other states"): a heading in any case."""
_SHORT_NUMBERED = re.compile(r"\s*\d{1,2}\.\s+(?P<h>[A-Z][^\n]{2,70}?)\s*")
"""A numbered line in sentence case, a section heading when it stands alone ("2. Tehran's messaging")."""
_NO_HEADING_END = (".", ",", ";", ")", '"', "'", ":")
"""How a line that goes on or ends a sentence ends: never a heading's end (a question may be one)."""
_PARAGRAPH_NUMBER = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}/)[ \t]+(?=\S)|[A-Z]\.[ \t]+(?=[a-z])")
"""A report's paragraph number ("2.3 Asked about ..."), a thread's post number ("3/ Treasury's ...") or a recital's
letter ("B.  whereas ..."): no part of what the paragraph says."""
_LABEL_HEADING = re.compile(r"^\s*(?P<h>[A-Z][A-Z &/'-]{1,40}):\s*$")
"""A section label in capitals with a colon ("IRAN:")."""
_END_MATTER = re.compile(
    r"^(?:sources|references|notes|endnotes|footnotes|see also|external links|further reading)\W*$", re.I
)
_FOOTNOTE = re.compile(rf"(?m)^\s*(?:\[(?P<n>\d{{1,3}})\]|(?P<sup>[{SUPERSCRIPTS}]+))\s*(?P<source>[^\n]+?)\s*$")
"""A footnote: "[3] Tasnim, May 2", or "\u00b3 Tasnim, May 2" at the foot of a PDF page."""
_WIKI_NOTE = re.compile(
    r'(?m)^[ \t]*(?P<n>\d{1,3})\.[ \t]+\^[ \t]*(?:[a-z][ \t]+)*"[^"\n]*"\.?[ \t]+(?P<source>[^\n]+?)\.[ \t]+'
    r"(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},\s+\d{4}|\d{4}-\d\d-\d\d)\b"
)
"""An encyclopedia's reference: '12. ^ a b "Headline". Outlet. 3 June 2028. Retrieved 10 June 2028.' (the headline
is the item's, the retrieval date the reader's)."""
_MARKER = re.compile(FOOTNOTE_MARK)
_PAGE_NOTES = re.compile(r"(?m)^_{5,}[ \t]*\n(?:\d{1,3}[ \t]+\S[^\n]*\n(?:[ \t]+\S[^\n]*\n)*)+")
"""A PDF page's footnotes: a rule of underscores over numbered notes, a note's further lines indented."""
_PAGE_NOTE = re.compile(r"(?m)^(?P<n>\d{1,3})[ \t]+(?P<source>\S[^\n]*(?:\n[ \t]+\S[^\n]*)*)")
_IBID = re.compile(r"(?i)ibid\.?")
_DIGITS = str.maketrans(SUPERSCRIPTS, "0123456789")
_BOLD_LINE = re.compile(r"^\*\*(?P<h>[^*]+?)\*\*:?\s*$")
_PARENS = re.compile(r"\(([^()\n]{2,300})\)")
_SOURCE_LABEL = re.compile(rf"\s*{SOURCE_LABEL}\s*", re.I)
_BRACKETS = re.compile(r"\[([^\[\]\n]{4,300})\](?!\()")
"""A source in square brackets closing a digest item: "[Tasnim, 7 Nov; Reuters, 7 Nov]"."""
_ABBREV = re.compile(
    r"(?:\b(?:U\.S|U\.K|U\.N|E\.U|Dr|Mr|Mrs|Ms|Prof|Gen|Brig|Adm|Cmdr|Cdr|Lt|Col|Maj|Capt|Sgt|Sen|Rep|Gov|Amb|Rev|"
    r"St|No|Jr|Sr|vs|etc|al|i\.e|e\.g|hon|Hon|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)|\b[A-Z])\.$"
)
_LEGAL_FORM_STOP = re.compile(rf"(?i)\b(?:{alternation(load().company_suffixes)})\.$")
"""A company's legal form, which ends a sentence only where no parenthesis follows it."""
_SENTENCE_END = re.compile(
    rf"[.!?][\"')\]*]*(?:[ ]?{FOOTNOTE_MARK})*\s*$"
    rf"|[.!?][\"')\]*]*(?:[ ]?{FOOTNOTE_MARK})*(?=\s+(?:-\s+)?[\"'(\[*]?[A-Z0-9\u0600-\u06ff])"
    r"|;(?=\s+whereas\b)"  # a resolution's recital goes on with a second "whereas": a clause of its own
)


@dataclass
class Sentence:
    """A sentence: ``text`` exactly as in the bulletin (line breaks and all), ``flat`` as the rules read it: one
    line, a Markdown link as its text ("[said in a statement](https://...)" is "said in a statement")."""

    start: int
    end: int
    text: str
    flat: str = ""

    def __post_init__(self) -> None:
        self.flat = MD_LINK.sub(r"\g<text>", self.flat or flat(self.text))


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
    dateline: Dateline | None = None
    """The wire dateline that opened the paragraph (its text starts after it)."""
    source: Citation | None = None
    """The agency of the item the paragraph belongs to, in a text that republishes agency copy under datelines."""
    lead: tuple[Paragraph, Sentence] | None = None
    """For a list item: the paragraph and sentence that introduce the list with a colon ("He discussed A and B:")."""
    turn: str | None = None
    """In a transcript, who has the floor: the label of the turn the paragraph is in ("MR. HALVORSEN")."""
    posted: date | None = None
    """The day of the channel post or live page entry the paragraph is in: what it tells undated happened then."""
    turn_day: date | None = None
    """The day the record says the turn was given ("Answered on 11 February 2027"), where it says one."""
    author: str | None = None
    """In a digest of social-media posts, the account whose post the paragraph is, as its header line names it
    ("Kazem Rahimpour, Minister of Foreign Affairs of Iran")."""
    cells: dict[str, tuple[int, int]] | None = None
    """A row of a table of statements: the offsets of its cells by what their column holds ("speaker", "said",
    "date", "source"; see the lexicon's ``table_columns``)."""

    @property
    def asks(self) -> bool:
        """A journalist's question in a transcript: what it quotes is no one's statement."""
        return self.turn is not None and self.turn.lower() in QUESTION_TURNS

    def citation_for(self, sent: Sentence) -> Citation | None:
        """The source of a sentence: the first citation at or after its start, since a source closes what it cites;
        else the item's dateline agency."""
        return next((c for c in self.citations if c.start >= sent.start), self.source)


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
    release: bool = False
    """An organisation's own press release: what it reports is said on its date unless a sentence says otherwise."""
    parliament: bool = False
    """A parliamentary record: a Member states what a turn says before the question it ends with."""
    speech: bool = False
    """A published speech: one speaker throughout, who takes positions with first-person verbs ("I call on")."""
    holes: list[tuple[int, int]] = field(default_factory=list)
    """Spans inside paragraphs that are no part of them: the foot, footnotes and running header of a page that
    breaks a paragraph."""
    occasion: date | None = None
    """The day a meeting's record says the meeting was held ("Held at Headquarters, New York, on Tuesday, 3 August
    2027"), which may be days before the record's own date: what the record tells, undated, was said then."""

    @property
    def text(self) -> str:
        return self.source.text

    @cached_property
    def reading(self) -> str:
        """The text as its sentences are read: each hole blanked, so offsets still point into :attr:`text`."""
        text = self.text
        for start, end in sorted(self.holes, reverse=True):
            text = text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]
        return text

    @property
    def paragraphs(self) -> list[Paragraph]:
        """Body paragraphs in document order (the overview excluded)."""
        return [p for s in self.sections for p in s.paragraphs]

    @property
    def anchor(self) -> tuple[date | None, date | None]:
        return self.bulletin.period_start, self.bulletin.period_end

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The body paragraph holding a text offset, such as where an extracted item's evidence starts."""
        paragraphs, starts = self._by_start
        at = bisect_right(starts, offset)
        para = paragraphs[at - 1] if at else None
        return para if para is not None and para.start <= offset < para.end else None

    def story_place(self, para: Paragraph) -> str | None:
        """The place of the dateline the paragraph's story was filed under ("TEHRAN (Agency) -" above it)."""
        paragraphs, starts = self._by_start
        before = paragraphs[: bisect_right(starts, para.start)]
        return next((p.dateline.place for p in reversed(before) if p.dateline), None)

    @cached_property
    def _by_start(self) -> tuple[list[Paragraph], list[int]]:
        """Body paragraphs by offset, built on first lookup: asked once per extracted item, after segmentation."""
        paragraphs = sorted(self.paragraphs, key=lambda p: p.start)
        return paragraphs, [p.start for p in paragraphs]


def segment(source: Source) -> Document:
    """Parse normalised text into a :class:`Document`; never raises on odd input."""
    text = source.text
    lines = logical_lines(text)
    header = read_header(text, lines)
    bulletin = header.bulletin
    bulletin.source = source.name
    bulletin.sha256 = source.sha256
    bulletin.publisher = bulletin.publisher or source.site
    members = _members(lines)
    doc = Document(source=source, bulletin=bulletin, release=header.release, parliament=bool(members))
    notes_at = [m.span() for m in _PAGE_NOTES.finditer(text)]
    used = header.used | {i for i, ln in enumerate(lines) if any(a <= ln.start < b for a, b in notes_at)}
    labels = _interview_labels(lines, members) or _broadcast_labels(lines)
    _Reader(doc, used, repeated([ln.text for ln in lines]), labels).read(lines)
    anchor = doc.anchor
    held = _HELD.search(text, 0, 3000)
    doc.occasion = dates.parse(held["day"], *anchor)[0] if held else None
    notes = footnotes(text, anchor)
    for para in [*doc.overview, *doc.paragraphs]:
        para.citations, para.date_marks = citations(para, anchor, notes, doc.reading)
        para.sentences = sentences(text, para.start, para.end, doc.reading)
        if para.cells is not None:
            _read_row(para, text, anchor)
    _attach_leads(doc)
    _item_sources(doc)
    return doc


_HELD = re.compile(
    rf"(?m)^(?:Meeting\s+)?[Hh]eld\s+(?:at|in)\s+[^\n]{{2,80}}?,\s+on\s+(?:[A-Z][a-z]+day,?\s+)?(?P<day>{FULL_DATE.pattern})"
)
"""A meeting record's line on where and when it was held."""
_RULE = re.compile(r"[-*_]{3,}")
_OPENING_MARKS = re.compile(
    r"(?:\.\.\.|\u2026)?\s*[\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\U0001f000-\U0001faff]*\s*"
)
"""Flags, emoji and arrows opening a social-media post, or the ellipsis opening a snippet cut from its story: no
part of what it says."""
_ALERT_SOURCE = re.compile(
    r"(?P<outlet>[A-Za-z][^\n.]{1,60}?)(?:\s+-\s+(?P<ago>\d{1,2}\s+(?:minutes?|hours?|days?)\s+ago))?"
)
"""A news alert's source line under a result's headline: "Al Jazeera English - 5 hours ago"."""
_ALERT_END = "Flag as irrelevant"
"""What closes each result of a news alert e-mail."""
_BOLD_LABEL = re.compile(r"^(?:\*\*|__)(?P<label>[A-Z][^*_:\n]{1,40}?)(?::\*\*|\*\*:|:__|__:)[ \t]+(?=\S)")
"""A newsletter's paragraph label in bold ("**Why it matters:** ..."): the paragraph's section, no part of it."""
_LEAD_LABEL = re.compile(rf"^[*_]*(?:{alternation(load().lead_labels)})\s*(?::[*_]*|[*_]+:)\s*(?=\S)", re.I)
"""A round-up's summarising lead: "**Key takeaway:** ...", "Bottom line: ..."."""


_DELIVERY = re.compile(
    r"[*_(\[]*(?:As\s+prepared\s+for\s+delivery|As\s+delivered|Check\s+against\s+delivery)[.)\]*_]*", re.I
)
"""The note a published speech carries under its heading: its text is the speaker's, first person throughout."""
_DELIVERY_NOTED = re.compile(rf"\({_DELIVERY.pattern}\)\s*$", re.I)
"""The same note closing the speech's title: "Remarks by X at the Y Forum (As Prepared for Delivery)"."""
_GIVER = re.compile(rf"(?:[Bb]y\s+)?(?P<name>{_NAMED % '1,3'}),\s+\S")
"""A speech's giver, named with their office under its title: "Alejandro Ferreyra, IAEA Director General"."""


_CUE_TIME = re.compile(r"\d{1,2}:\d\d:\d\d[,.]\d{1,3}\s*-->\s*\d{1,2}:\d\d:\d\d[,.]\d{1,3}(?:\s+\S.*)?")
"""A subtitle's timing line ("00:01:02,340 --> 00:01:05,120"): with the cue's number above it, no part of the text."""
_CUE_NUMBER = re.compile(r"\d{1,5}")
_SPEECH_BY = re.compile(
    r"\[(?:Speech|Address|Remarks|Sermon|Statement|Message)\s+(?:by|of)\s+(?P<by>[^\]\n]{3,120}(?:\n[^\]\n]{1,120})?)\]",
    re.I,
)
"""A transcriber's note naming whose speech the text is: "[Speech by Sheikh X,\nSecretary-General of Y]"."""
_STAGE_NOTE = re.compile(r"\[[^\]\n]{2,40}\]")
"""A transcriber's note on a line of its own: "[applause]", "[chanting]"."""


def _speaks(label: re.Match[str]) -> bool:
    """A speech's label names someone, not the place of a dateline ("Washington, D.C. - ", "Brussels, Belgium. - ")."""
    return label["label"] not in _PLACES


def _speech_giver(head: list[Line]) -> str | None:
    """The name of whoever gives a speech, from the last line of its heading that names someone with an office
    ("Alejandro Ferreyra, IAEA Director General"), or from its title ("Remarks by Under Secretary X at ...")."""
    givers = [m["name"] for line in head if (m := _GIVER.fullmatch(line.text) or _GIVER.match(line.text))]
    titled = [name for line in head if (m := _REMARKS_BY.match(line.text)) and (name := _name_closing(m["by"]))]
    return (givers or titled)[-1] if givers or titled else None


def _name_closing(words: str) -> str | None:
    """The name closing an office and its holder ("Under Secretary for ... Nadia K. Farrow"): the last two words, or
    three around an initial, none of them an office's."""
    parts = words.split()
    k = 3 if len(parts) >= 3 and _INITIAL.fullmatch(parts[-2]) else 2
    name = " ".join(parts[-k:])
    return name if len(parts) >= k and _NAMED_LINE.fullmatch(name) and not _ROLE_WORD.search(name) else None


_INITIAL = re.compile(r"[A-Z]\.")


_REMARKS_BY = re.compile(
    r"(?:Remarks|Speech|Address|Keynote|Statement)\b[^\n]{0,40}?\s+by\s+(?P<by>[^\n]+?)\s+"
    r"(?:at|to|before|on|during)\s+(?:the\s+)?[A-Z]"
)
"""A speech's title naming its giver before the occasion: "Remarks by Under Secretary X at the Y Forum"."""


_OPINION = re.compile(
    r"(?:[\w ]{1,30}\s*[|/:]\s*)?(?i:opinion|op-ed|guest essay|commentary|viewpoint|guest column)"
    r"(?:\s*[|/:]\s*[\w ]{1,30})?"
)
"""The rubric of a signed opinion piece ("Opinion | Guest Essay", "Op-Ed"): its author writes in the first person."""
_AUTHOR = re.compile(rf"By\s+(?P<name>{_NAMED % '1,3'})")
_HEAD_LINES = 30
"""How far into a text its rubric and byline are looked for."""


@dataclass(frozen=True)
class _Voice:
    """Lines of a text that are one speaker's own words: their first-person positions are theirs."""

    start: int
    """The line it opens with (a delivery note, a byline, a salutation): no part of the text."""
    speaker: str | None
    end: int | None = None
    """The line it closes with (a letter's "Sincerely,"), or None: to the end of the text."""


def _single_voice(lines: list[Line]) -> _Voice | None:
    """Where a text is one speaker's own words, and whose: a published speech from its delivery note (its giver
    named above it, if anyone is), a signed opinion piece from its byline, a letter from its salutation to its
    closing (signed by one, or by several who share a title)."""
    delivery = next(
        (
            i
            for i, line in enumerate(lines)
            if ("eliver" in line.text and _DELIVERY_NOTED.search(line.text)) or _DELIVERY.fullmatch(line.text)
        ),
        None,
    )
    if delivery is not None:
        return _Voice(delivery, _speech_giver(lines[: delivery + 1]))
    head = lines[:_HEAD_LINES]
    if any(_OPINION.fullmatch(line.text) for line in head):
        return next((_Voice(i, m["name"]) for i, line in enumerate(head) if (m := _AUTHOR.fullmatch(line.text))), None)
    signed = next((m for line in lines if (m := _SIGNED.fullmatch(line.text))), None)
    honour = next((i for i, line in enumerate(lines) if _HONOUR.search(line.text)), None)
    if signed is not None and honour is not None and honour > 0 and not lines[honour - 1].text:
        return _Voice(honour - 1, signed["name"])  # a letter to the UN: "I have the honour ...", "(Signed) X"
    dear = next((i for i, line in enumerate(lines) if _SALUTATION.fullmatch(line.text)), None)
    if dear is None:
        return None
    close = next((i for i in range(dear + 1, len(lines)) if _SIGN_OFF.fullmatch(lines[i].text)), None)
    if close is None:
        return None
    blocks = [i + 1 for i in range(close, len(lines) - 1) if not lines[i].text and lines[i + 1].text][:_LETTER_SIGNERS]
    signers = [(lines[i].text, lines[i + 1].text if i + 1 < len(lines) else "") for i in blocks]
    signers = [(name, title) for name, title in signers if _NAMED_LINE.fullmatch(name)]
    if len(signers) == 1:
        return _Voice(dear, signers[0][0], close)
    return _Voice(dear, _signed_as(signers, lines), close) if signers else None


def _signed_as(signers: list[tuple[str, str]], lines: list[Line]) -> str | None:
    """Who a letter signed by several speaks as: "the senators" for signers who all sign as "United States
    Senator", when the text calls them so; else no one the text names."""
    titles = {title.split()[-1].lower() for _, title in signers if title}
    if len(titles) != 1 or not all(title for _, title in signers):
        return None
    group = f"{titles.pop()}s"
    said = any(re.search(rf"\b{group}\b", line.text, re.I) for line in lines)
    return f"the {group}" if said else None


_SIGNED = re.compile(rf"\(Signed\)\s+(?P<name>{_NAMED % '1,3'})")
_HONOUR = re.compile(r"\bI\s+have\s+the\s+honou?r\s+to\b")
"""A diplomatic letter's opening and its signature as the UN circulates it: its "I" is the signatory."""
_SALUTATION = re.compile(r"Dear\s+[^\n]{2,80}?[:,]")
_SIGN_OFF = re.compile(
    r"(?:Yours\s+)?(?:[Ss]incerely|[Ff]aithfully|[Rr]espectfully)(?:\s+yours)?,?|(?:[Kk]ind|[Bb]est)\s+regards,?"
)
_NAMED_LINE = re.compile(_NAMED % "1,3")
_LETTER_SIGNERS = 40
"""How many signature blocks under a letter's closing are read for its signers."""


class _Reader:
    """Reads logical lines into the document's overview, sections and paragraphs, one line at a time."""

    def __init__(self, doc: Document, used: set[int], repeats: set[str], labels: dict[str, str]) -> None:
        self.doc, self.used, self.repeats, self.labels = doc, used, repeats, labels
        self.text = doc.text
        self.mode = "header"  # header | overview | body
        self.section: Section | None = None
        self.current: Paragraph | None = None
        self.lead: Paragraph | None = None
        """The paragraph a run of list items follows, while the run lasts."""
        self.item_source: Citation | None = None
        """The source line of the item being read, until the next heading."""
        self.turn: str | None = None
        """The transcript turn being read, until the next one."""
        self.attributed = False
        """Whether the turn is a commentator's, opened by their attribution line: a heading ends it."""
        self.unfinished: Paragraph | None = None
        """The last paragraph, while it stops in mid-sentence: a page break may have cut it."""
        self.skipped = False
        """Whether page furniture came since the last line taken."""
        self.columns: list[str | None] | None = None
        """What each column of the table being read holds, while its rows last."""
        self.alone = False
        """Whether the line being read stands alone: a blank line after it, and no list item after that."""
        self.runs_on = False
        """Whether the next line goes on in lower case: the line being read is part of a wrapped sentence."""
        self.post_day: date | None = None
        """The day of the channel post or live page entry being read, from its header."""
        self.live = False
        """Whether the text is a live page: entries opening with their time, alone on its line, more than once."""
        self.speeches = False
        """Whether the text is a verbatim report: three speeches or more opening "Name, office. - "."""
        self.entry_opened = False
        """Whether a live page's entry time came last: the line after it may be the entry's headline."""
        self.entry_headed = False
        """Whether a live page's entry headline came last: the line after it may be the entry's byline."""
        self.turn_day: date | None = None
        """The day the next written answer was given, from its "Answered on" line."""
        self.under_name = False
        """Whether the line before named who asks or answers: the line being read is their seat or office."""
        self.author: str | None = None
        """The account whose post is being read, from the post's header line until the post ends."""
        self.embedded = False
        """Whether an embedded post's account line came last, under the sentence introducing the post."""
        self.handles: dict[str, str] = {}
        """Who each account is, as a header named it: a reply's header gives only the handle."""

    def read(self, lines: list[Line]) -> None:
        self.live = sum(bool(_ENTRY_TIME.fullmatch(line.text)) for line in lines) > 1
        self.speeches = sum(bool((m := SPEECH_TURN.match(line.text)) and _speaks(m)) for line in lines) > 2
        voice = _single_voice(lines)
        self.subtitles = sum(bool(_CUE_TIME.fullmatch(line.text)) for line in lines) > 2
        self.alerts = sum(line.text.strip() == _ALERT_END for line in lines) > 1
        """Whether the text is a news alert's e-mail: results of a headline, a source line and a snippet."""
        self.cued = False
        """Whether a subtitle's cue has begun: from then on, every line is a subtitle's."""
        noted = _SPEECH_BY.search(self.text)
        given = _GIVER.match(untitled(flat(noted["by"])) + " ") if noted is not None else None
        if given is not None:  # "[Speech by X, office]": all that follows is X's, in the first person
            self.turn, self.doc.speech = given["name"], True
            self.used |= {i for i, line in enumerate(lines) if noted.start() <= line.start < noted.end()}
        for i, line in enumerate(lines):
            if voice is not None and i == voice.start:
                self.turn, self.doc.speech = voice.speaker, voice.speaker is not None  # what follows is its author's
                continue
            if voice is not None and i == voice.end:
                self.turn = None  # "Sincerely,": the signatures under it say nothing
                continue
            if self.subtitles and (_CUE_TIME.fullmatch(line.text) or _CUE_NUMBER.fullmatch(line.text)):
                self.skipped = self.cued = True  # a cue's number and timing: no part of what is said
                continue
            if self.cued and i not in self.used:
                self._subtitle(line)
                continue
            after = [other.text for other in lines[i + 1 : i + 3]]
            self.alone = (after[:1] == [""]) and not (after[1:] and _BULLET.match(after[1]))
            self.runs_on = bool(after) and after[0][:1].islower()  # "The latest sanctions hit seven" / "entities ..."
            if not line.text:
                if self.current is not None and not _goes_on(self.current.text):
                    self.current = None  # a paragraph ending in a colon, or in an open quotation, goes on
                self.columns = None
                continue
            if self.alerts and self._alert_result(lines, i):
                continue
            chat = CHAT_LINE.match(line.text)
            if chat is not None:  # "[05/06/2028, 09:05] Name: ...": a member's message, of that day, in their words
                self.current = self.lead = None
                self._new_section("", line.start, 0)  # a message is a story of its own: a pasted heading ends in it
                self.post_day = dates.numeric(chat["stamp"] or chat["plain"]) or self.post_day
                self._paragraph(line, None, chat.end())
                continue
            post = _POST.match(line.text)
            if post is not None:  # "[11.01.2027 08:14] Mideast Pulse:": a channel's next post, of that day
                self.current = self.lead = None
                self._new_section("", line.start, 0)
                self.post_day = dates.numeric(post["stamp"]) or dates.parse(post["stamp"], *self.doc.anchor)[0]
                continue
            if self._post_line(line):
                continue
            if self._live_entry(line):
                continue
            if TABLE_ROW.match(line.text):  # before furniture: a row's " | " is no row of links
                self._table_row(line)
                continue
            self.columns = None
            if self._written_question(line) or self._call_turn(line):  # before repeats: each turn names its own
                continue
            if _CLOSING_NOTE.fullmatch(line.text.strip()):
                self.current = self.turn = None  # "(End: 12:47)": what follows is no one's turn
                continue
            if _EMBED_ACCOUNT.fullmatch(line.text.strip()):  # "Jane Doe @janedoe": an embedded post's card
                self.embedded = self.current is not None and _goes_on(self.current.text)
                self.skipped = True
                continue
            if EDITORS_NOTE.match(line.text) and not self.doc.speech:
                self.current = self.turn = None  # "Editor's note: This interview was condensed ...": the paper's
            if (
                i in self.used
                or is_furniture(line.text)
                or repeat_key(line.text) in self.repeats
                or _is_footnote(line.text, self.doc.anchor)
            ):
                self.skipped = True
                if (
                    self.current is None
                    and is_furniture(line.text)
                    and not line.text.startswith("[")
                    and not self.doc.speech
                ):
                    self.turn = None  # "Share this clip: ..." between paragraphs, not "[...]": the interview is over
                continue
            if self.current is None and self._resumes(line):
                self.current = self.unfinished
                self._extend(line)
            elif not self.line(line):
                break
            self.skipped = False

    def _subtitle(self, line: Line) -> None:
        """A subtitle's line: it goes on with the sentence the cues before it began, or opens a paragraph; a blank
        line between cues is no paragraph's end, and a short line no caption."""
        if not line.text or _STAGE_NOTE.fullmatch(line.text):
            self.skipped = self.skipped or bool(line.text)  # "[applause]": no one's words
            return
        if self.current is not None and not ends_sentence(self.current.text):
            self._extend(line)
        else:
            self._paragraph(line, None)
        self.skipped = False

    def _resumes(self, line: Line) -> bool:
        """Whether ``line`` goes on with the sentence a page's foot, footnotes and header interrupted."""
        para = self.unfinished
        if not (self.skipped and para is not None and line.text[0].islower()):
            return False
        end = para.text.rstrip()
        return not ends_sentence(end) or _ABBREV.search(end[-7:]) is not None  # "... and said that no U.S."

    def line(self, line: Line) -> bool:
        """Take one line into the document; False at the end matter."""
        current = self.current
        if current is not None and (
            (line.text.startswith(">") and self.text[current.start - 2 : current.start].strip() == ">")
            or _SOURCE_LINE.match(line.text)  # "Source: [Tasnim](url)" under a paragraph is its citation
            or (_goes_on(current.text) and (line.text.startswith('"') or self.embedded))  # 'X said:' and the quotation
        ):
            self.embedded = False
            self._extend(line)
            return True
        closing = _CLOSING_SOURCE.match(line.text)
        if closing is not None and self.section is not None:
            self._cite_item(closing)
            return True
        item = _ITEM_SOURCE.match(line.text)
        found = _source(item["source"], self.doc.anchor) if item and current is None else None
        if found is not None:
            outlet, first, last = found
            self.item_source = Citation(outlet=outlet, date=first, date_end=last, start=line.start, end=line.end)
            return True
        if item is not None and self.section is not None and self.section.paragraphs:
            self._cite_above(item, line.start)  # "Source: IRNA" under a post: what it says came from there
            return True
        forwarded = _FORWARDED.match(line.text)
        if forwarded is not None:
            outlet = forwarded["outlet"]
            start = line.start + forwarded.start("outlet")
            self.item_source = Citation(outlet=outlet, date=self.post_day, start=start, end=start + len(outlet))
            return True
        md = _MD_HEADING.match(line.text)
        if _RULE.fullmatch(line.text):
            self.current = self.lead = self.turn = None  # a horizontal rule closes the item (or turn) above it
            self._new_section("", line.start, 0)
            return True
        if md and md[0].count("#") > 2 and not dates.names_a_day(line.text[md.end() :]):
            self.current = self.lead = self.item_source = None  # "### headline": an item, not a section
            if self.section is None or self.section.level != 2:
                self._new_section("", line.start, md[0].count("#"))
            return True
        byline = ATTRIBUTION.fullmatch(line.text) if self.alone and current is None else None
        if byline is not None and _ROLE_WORD.search(byline["office"]):
            self.current = self.lead = None  # "Jane Doe: senior fellow at X" over her commentary: hers, in her words
            self._new_section(line.text, line.start, 0)
            self.turn, self.attributed = byline["name"], True
            return True
        spoken = _SPOKEN_LABEL.match(line.text)
        heading = _heading(line.text) if spoken is None or spoken["label"] not in self.labels else None
        heading = None if self.runs_on else heading  # a wrapped sentence's first line, however short
        numbered = _SHORT_NUMBERED.fullmatch(line.text) if heading is None and self.alone else None
        if (
            numbered is not None
            and len(numbered["h"].split()) <= 8
            and not numbered["h"].endswith((*_NO_HEADING_END, "!", "?"))
        ):
            heading = numbered["h"]  # "2. Tehran's messaging" over its paragraphs, not a list's item
        listed = (current is not None and current.text.rstrip().endswith(":")) or self.lead is not None
        asking = self.turn is not None and self.turn.lower() in QUESTION_TURNS  # an analyst's short question
        if heading is not None and (_REPORTED_TURN.match(line.text) or (asking and heading.endswith("?"))):
            heading = None  # "A reporter asked: Will the measures affect trade?": a question, however short
        if heading is not None and listed and _BULLET.match(line.text):
            heading = None  # "... to the control list:" then "1. Cascade Ridge Avionics": an item, not a heading
        if _END_MATTER.match(heading or SECTION_NUMBER.sub("", line.text.strip())):
            return False  # "SOURCES", "5 See also": the footnotes' list or the links, not the body
        if heading is not None and self.mode == "overview" and _CUE_LABEL.fullmatch(line.text.strip()):
            return True  # "HEADLINES" over "READER:": a script's cue to its reader, the summary goes on under it
        if heading is not None:
            self.current = self.lead = self.unfinished = None
            if not self.doc.speech:  # a turn, or a commentator's words, end at the next heading; a speech goes on
                self.turn, self.attributed = None, False
            if OVERVIEW_HEADINGS.match(heading):
                self.mode = "overview"
            else:
                self.mode = "body"
                self._new_section(heading, line.start, md[0].count("#") if md else 0)
            return True
        label = _LEAD_LABEL.match(line.text)
        if label and self.mode != "overview":
            self._lead_paragraph(line.start + label.end(), line.end)
            return True
        bold = _BOLD_LABEL.match(line.text) if self.mode != "overview" else None
        if bold is not None:  # "**Why it matters:** ...": a section of one paragraph and the bullets under it
            self.current = self.lead = None
            self._new_section(bold["label"], line.start, 3)
            self._paragraph(line, None, bold.end())
            return True
        notes = NOTES_LABEL.match(line.text)
        if notes is not None:  # "Speaker notes: ...": a slide's notes, their own paragraph under the slide's title
            self.current = self.lead = None
            self._paragraph(line, None, notes.end())
            return True
        bullet = _BULLET.match(line.text)
        if bullet is None and current is not None and not ends_sentence(current.text) and not self._leaves_list(line):
            self._extend(line)
            return True
        if bullet is None and not self.runs_on and not _is_prose(line.text, self.mode):
            return True  # captions, stray header lines
        if bullet is None and self.turn is not None and current is None and _is_title(line.text):
            self.turn = None  # "Spokesman X: Sanctions Are A Medal Of Honor": the next clip's title ends the turns
            return True
        if bullet is None and current is None and self.mode == "overview" and self._bulleted_overview():
            self.mode = "body"  # "Key points" and its bullets, then a paragraph of prose: the body goes on
            if self.section is None:
                self._new_section("", line.start, 0)
        self._paragraph(line, bullet)
        aired = _AIRED.search(line.text)
        found = _source(f"{aired['outlet']}, {aired['date']}", self.doc.anchor) if aired else None
        if found is not None:  # "excerpts from an interview ..., which aired on Ofogh TV on November 16": its source
            outlet, first, last = found
            self.item_source = Citation(outlet=outlet, date=first, date_end=last, start=line.start, end=line.end)
        return True

    def _paragraph(self, line: Line, bullet: re.Match[str] | None, label_end: int = 0) -> None:
        if self.mode == "header":
            self.mode = "body"
        kind = "overview" if self.mode == "overview" or self._summary_bullet(bullet) else "body"
        start = line.start + (bullet.end() if bullet else label_end)
        start = _OPENING_MARKS.match(self.text, start).end()  # a post's flag before "Canada on Sunday imposed ..."
        spoken_at = _SPOKEN_LABEL.match(line.text)
        labelled = (  # "MINISTER AL-RUBAIE (in Arabic, as interpreted):", "Bremer (AA):" are no "PLACE (Agency):"
            _TURN.match(line.text)
            or _SEATED_TURN.match(line.text)
            or (spoken_at is not None and spoken_at["label"] in self.labels)
        )
        wire = dateline(line.text) if bullet is None and kind == "body" and not labelled else None
        if wire is not None:
            start = line.start + wire.end  # the story starts after "TEHRAN, March 9 (Agency) -"
        numbered = _PARAGRAPH_NUMBER.match(self.text, start) if bullet is None else None
        start = numbered.end() if numbered else start
        note = NOTE_LABEL.match(self.text, start) if bullet is None else None
        start = note.end() if note else start  # "[Monitor's note: ...]": the note's text, without its label
        turn = (
            (
                _TURN.match(self.text, start)
                or _RECORD_TURN.match(self.text, start)
                or _DASH_TURN.match(self.text, start)
                or _SEATED_TURN.match(self.text, start)
            )
            if bullet is None
            else None
        )
        if turn is None and self.labels:  # "Priti Langford (Hertsmere) (Con): ..."
            turn = next((m for r in _DEBATE_LABELS if (m := r.match(self.text, start))), None)
        speech = SPEECH_TURN.match(self.text, start) if self.speeches else None
        turn = turn or _TIMED_TURN.match(self.text, start) or (speech if speech and _speaks(speech) else None)
        turn = turn if kind == "body" and bullet is None else None
        spoken = (
            (_BROADCAST_LABEL.match(self.text, start) or _SPOKEN_LABEL.match(self.text, start))
            if turn is None and bullet is None
            else None
        )
        turn = turn or (spoken if spoken is not None and spoken["label"] in self.labels else None)
        if turn is not None:
            self.turn, start = self.labels.get(turn["label"], turn["label"]) or None, turn.end()
        reported = _REPORTED_TURN.match(self.text, start) if turn is None and bullet is None else None
        if reported is not None and kind == "body":  # "A reporter asked: ...", "The spokesperson answered: ..."
            self.turn = QUESTION_LABEL if reported["asker"] else self._spokesperson(line.start)
            start = reported.end()
        if kind == "body" and self.section is None:
            self._new_section("", line.start, 0)
        title = self.section.title if self.section else None
        label = _OUTLET_LABEL.match(self.text, start) if kind == "body" and turn is None else None
        source = self.item_source
        if label is not None and (
            label["gloss"] if bullet is None else (label["time"] or outlet().search(label["outlet"]))
        ):
            day = self.doc.anchor[0]  # a monitor's item from its source: cited on the monitor's day
            source = Citation(outlet=label["outlet"], date=day, start=label.start("outlet"), end=label.end("outlet"))
            start = label.end()
        para = Paragraph(start, line.end, self.text[start : line.end], title, kind, dateline=wire)
        para.source = source
        para.turn, para.posted, para.author = self.turn, self.post_day, self.author
        para.turn_day = self.turn_day if self.turn is not None else None
        self.unfinished = para
        if bullet is None:
            self.lead = para if para.text.rstrip().endswith(":") else None
        elif self.lead is not None:
            para.lead = (self.lead, Sentence(0, 0, ""))  # the introducing sentence is known once it is split
        self.current = para
        (self.doc.overview if kind == "overview" else self.section.paragraphs).append(para)  # type: ignore[union-attr]

    def _table_row(self, line: Line) -> None:
        """A table's header names its columns; a row of a table with a speaker and a statement column is one
        paragraph holding one statement, of one with an authority and a targets column one sanctions action. Other
        tables, and their rule rows, are no prose."""
        self.current = self.lead = None
        cells = _cells(line)
        texts = [self.text[a:b].strip("*_ ").lower() for a, b in cells]
        if self.columns is None:
            roles = [next((r for r, words in _COLUMNS.items() if t in words), None) for t in texts]
            self.columns = roles if {"speaker", "said"} <= set(roles) or {"authority", "targets"} <= set(roles) else []
            return
        if not self.columns or _TABLE_RULE.fullmatch(line.text) or len(cells) != len(self.columns):
            return
        if self.section is None:
            self._new_section("", line.start, 0)
        para = Paragraph(line.start, line.end, line.text, self.section.title, "body")  # type: ignore[union-attr]
        para.cells = {role: span for role, span in zip(self.columns, cells, strict=True) if role is not None}
        self.section.paragraphs.append(para)  # type: ignore[union-attr]

    def _extend(self, line: Line) -> None:
        assert self.current is not None
        if self.skipped:
            self.doc.holes.append((self.current.end, line.start))
        self.current.end = line.end
        self.current.text = self.text[self.current.start : self.current.end]
        if self.current.lead is None and not self.current.text.rstrip().endswith('"'):
            self.lead = self.current if self.current.text.rstrip().endswith(":") else None

    def _cite_item(self, closing: re.Match[str]) -> None:
        """A monitoring service's closing source line cites every paragraph of the item above it, whose headline and
        description are no section."""
        assert self.section is not None
        year = "20" + closing["year"] if len(closing["year"]) == 2 else closing["year"]
        day = dates.parse(f"{closing['day']} {year}", *self.doc.anchor)[0]
        outlet = _OUTLET_KIND.sub("", closing["outlet"]).strip()
        cited = Citation(outlet=outlet, date=day, start=closing.start("outlet"), end=closing.end("outlet"))
        for para in self.section.paragraphs:
            para.source, para.section = para.source or cited, None
        self.current = self.unfinished = None

    def _alert_result(self, lines: list[Line], i: int) -> bool:
        """A news alert's result: its headline (no statement) over its source line, which cites the snippet under
        them, dated the alert's day where it says how many hours ago it ran. The two may come joined as one wrapped
        line."""
        line = lines[i]
        if line.text.strip() == _ALERT_END:
            self.item_source = None  # the result is over: what follows is the next result, or the e-mail's footer
        if i in self.used or not line.text or (i and lines[i - 1].text) or i + 1 >= len(lines):
            return False
        raw = self.text[line.start : line.end]
        head, joined, tail = raw.rpartition("\n")
        at = line.start + len(head) + 1 if joined else lines[i + 1].start
        below = tail if joined else lines[i + 1].text
        source = _ALERT_SOURCE.fullmatch(below.strip()) if not ends_sentence(head if joined else raw) else None
        if source is None or below.strip() == _ALERT_END or not lines[i + (1 if joined else 2) :][:1]:
            return False
        self.current = self.lead = None
        day = self.doc.anchor[1] if source["ago"] else None
        self.item_source = Citation(outlet=source["outlet"], date=day, start=at, end=at + len(source["outlet"]))
        if not joined:
            self.used.add(i + 1)
        return True

    def _post_line(self, line: Line) -> bool:
        """A digest's post header opens a post of its account and day; a translation note under it is no part of
        the post; the post ends where its quotation closes or a labelled line ("Analyst comment:") begins."""
        header = POST_HEADER.match(line.text.strip())
        if header is not None:
            self.current = self.lead = None
            who = header["who"] or self.handles.get(header["handle"])
            if header["who"]:
                self.handles[header["handle"]] = header["who"]
            self.author = None if header["kind"] == "Reposted by" else who  # a repost without comment says nothing
            self.post_day = dates.parse(header["stamp"], *self.doc.anchor)[0] or self.post_day
            return True
        if self.author is None:
            return False
        if _TRANSLATION_NOTE.match(line.text.strip()):
            return True
        post = self.current if self.current is not None and self.current.author is not None else None
        if _LABELLED_LINE.match(line.text.strip()) or (post is not None and _QUOTE_CLOSED.search(post.text)):
            self.current, self.author = None, None
        return False

    def _live_entry(self, line: Line) -> bool:
        """A live page's entry time alone on its line ("15:40 GMT") opens an entry of the page's day, and the short
        line after it, if it ends no sentence, is the entry's headline."""
        opened, self.entry_opened = self.entry_opened, False
        headed, self.entry_headed = self.entry_headed, False
        if headed and _ENTRY_BYLINE.fullmatch(line.text.strip()):
            return True  # "Priya Raman in Washington" under the entry's headline: who wrote it, no heading
        if self.live and _ENTRY_TIME.fullmatch(line.text):
            self.current, self.lead, self.mode = None, None, "body"
            self._new_section("", line.start, 0)
            first, last = self.doc.anchor
            self.post_day, self.entry_opened = (last if first == last else None), True
            return True
        headline = line.text.strip("*#_ ")
        ends = headline.endswith(_NO_HEADING_END) and not re.search(r"\w['\"]$", headline)  # "... 'miscalculation'"
        if opened and self.section is not None and len(headline) <= 120 and not ends and not is_furniture(headline):
            self.section.title, self.entry_headed = headline, True
            return True
        return False

    def _written_question(self, line: Line) -> bool:
        """A line of a written question's block that is no prose: who asks (the question is theirs, and asks), who
        answers (the answer is their turn), the seat or office under the name, the day of the answer."""
        under_name, self.under_name = self.under_name, False
        by = BY_LINE.match(line.text)
        if by is not None:
            asked = by["part"] == "Asked"
            self.turn = QUESTION_LABEL if asked else by["label"]
            self.turn_day = None if asked else self.turn_day
            self.current = self.lead = None
            self.under_name = True
            return True
        if under_name and len(line.text) <= 120 and not ends_sentence(line.text):
            return True  # "Conservative, Tewkesbury", "Minister of State (Middle East and North Africa)"
        answered = _ANSWERED_ON.match(line.text)
        day = dates.parse(answered["day"], *self.doc.anchor)[0] if answered else None
        if day is not None:
            self.turn_day = day
        return day is not None

    def _cite_above(self, source: re.Match[str], at: int) -> None:
        """A source line (read from ``at``) under paragraphs cites those of the section no source covers yet: its
        first source ("Source: Al-Masirah TV, 8 June; UKMTO, 10 June"), on the day it gives, else the post's."""
        assert self.section is not None
        first = source["source"].split(";", 1)[0].strip()
        dated = _source(first, self.doc.anchor)
        outlet, day = (dated[0], dated[1]) if dated is not None and dated[0] else (first, self.post_day)
        start = at + source.start("source")
        cited = Citation(outlet=outlet, date=day, start=start, end=start + len(outlet))
        for para in reversed(self.section.paragraphs):
            if para.source is not None:
                break
            para.source = cited
        self.current = self.unfinished = None

    def _spokesperson(self, at: int) -> str:
        """Who "the spokesperson" answering is: the one the text named last before ``at`` ("MOFCOM Spokesperson Zhou
        Yiran Answers a Reporter's Question")."""
        named = _NAMED_SPOKESPERSON.findall(self.text, 0, at)
        return named[-1] if named else "Spokesperson"

    def _leaves_list(self, line: Line) -> bool:
        """Prose back at the margin under an indented bullet ("  • action coordinated with the United States" over
        "The UK has today sanctioned ..."): a paragraph of its own, however the bullet ended."""
        assert self.current is not None
        opens = self.text.rfind("\n", 0, self.current.start) + 1
        indented = self.text[opens : opens + 1] in (" ", "\t")
        at_margin = line.start == self.text.rfind("\n", 0, line.start) + 1
        return indented and at_margin and _BULLET.match(self.text[opens : self.current.start].lstrip()) is not None

    def _call_turn(self, line: Line) -> bool:
        """A call transcript's line over a turn, alone on its line ("Jane Doe -- Chief Executive Officer", or
        "Operator"): who has the floor from here on; an analyst's turn, and the operator's, ask."""
        if not self.alone or self.current is not None:
            return False
        call = CALL_TURN.fullmatch(line.text)
        if call is None and line.text != "Operator":
            return False
        self.current = self.lead = None
        self.turn = QUESTION_LABEL if call is None or call["asks"] else call["name"]
        return True

    def _summary_bullet(self, bullet: re.Match[str] | None) -> bool:
        """A bullet of the list a release opens with, under its standfirst and before its body ("UK sanctions 6
        individuals ...", "2 officers hit with asset freezes"): the release's own summary, as a "Key points" list."""
        if bullet is None or self.lead is not None or self.section is None or self.section.title:
            return False
        if self.doc.overview:
            return self.current is not None and self.current.kind == "overview"  # the same list goes on
        standfirst = self.current  # prose that ends a sentence, itself no bullet, the body's only paragraph so far
        first = self.section.paragraphs[0] if self.section.paragraphs else None
        if standfirst is None or first is not standfirst or standfirst.dateline is not None:
            return False
        if sum(len(sec.paragraphs) for sec in self.doc.sections) != 1:
            return False
        line_start = self.text.rfind("\n", 0, standfirst.start) + 1
        return ends_sentence(standfirst.text.rstrip()) and not _BULLET.match(self.text[line_start : line_start + 12])

    def _bulleted_overview(self) -> bool:
        """Whether the overview read so far is a list: each of its points a bullet."""
        starts = [self.text.rfind("\n", 0, p.start) + 1 for p in self.doc.overview]
        return bool(starts) and all(_BULLET.match(self.text[start : start + 12]) for start in starts)

    def _new_section(self, title: str, start: int, level: int) -> None:
        self.section = Section(title=title, start=start, level=level)
        self.item_source = self.unfinished = None
        if title and _PAPER.fullmatch(title):  # a press review's "Israel Hayom": what follows is that paper's, today's
            day = self.doc.anchor[1]
            self.item_source = Citation(outlet=title, date=day, start=start, end=start + len(title))
        self.doc.sections.append(self.section)

    def _lead_paragraph(self, start: int, end: int) -> None:
        """A summarising lead: one overview point per sentence."""
        for sent in sentences(self.text, start, end):
            self.doc.overview.append(Paragraph(sent.start, sent.end, sent.text, None, "overview"))
        self.current = None


_AIRED = re.compile(
    r"\b(?:aired|broadcast|was\s+broadcast|streamed)\s+on\s+(?P<outlet>[A-Z][\w'.&-]*(?:\s+[A-Z][\w'.&-]*){0,3})"
    r"(?:\s*\([^()]{1,30}\))?\s+on\s+(?P<date>[A-Z][a-z]+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
)
"""An interview's broadcast, introducing its excerpts: the outlet and day every turn after it is cited by."""


def _interview_labels(lines: list[Line], members: set[str]) -> dict[str, str]:
    """The turn labels of an interview, each with the turn it records: lines opening with a label that asks
    ("Interviewer:") and with another label ("Farahmandi:"), each at least twice. A press conference's journalists
    are labelled by their outlets ("AFP: ... ?"), labels whose every turn asks: each records a question. A monitor's
    "Tasnim: ..." items have no one answering. In a parliamentary record, every Member introduced by constituency and
    party or by office, and the Chair."""
    matched = [m for ln in lines if (m := _SPOKEN_LABEL.match(ln.text))]
    spoken = [(m["label"], m.string, bool(m["asked"])) for m in matched]
    counts = Counter(label for label, _, _ in spoken if label.lower() not in _FIELD_LABELS)  # "Address:" speaks not
    if members:  # a parliamentary record: its Members by name, and the Chair
        return {label: label for label in members | {label for label in counts if label.lower() in QUESTION_TURNS}}
    seated = {  # "Saalfeld (BMI):", "Chair Lindqvist:", "Deputy Spokesperson Hollweg:": labels when they first speak
        m["label"] for m in matched if m["seat"] or TURN_HONORIFIC.match(m["label"]) or _ROLE_WORD.match(m["label"])
    }
    labels = {label for label, n in counts.items() if n >= 2 or label in seated}
    asking = {label for label in labels if label.lower() in QUESTION_TURNS}
    turns = {label: [(text, asked) for named, text, asked in spoken if named == label] for label in counts}
    press = {  # a committee numbers the questions its members put; a press conference's journalists only ask
        label
        for label, said in turns.items()
        if any(asked for _, asked in said) or all("?" in text for text, _ in said)
    }
    if asking and labels - asking:
        return {label: label for label in labels} | {label: QUESTION_LABEL for label in press - labels}
    if sum(counts[label] for label in press) >= 2 and labels - press:
        return {label: QUESTION_LABEL if label in press else label for label in labels | press}
    return {}


_BROADCAST_LABEL = re.compile(
    r"(?P<label>[A-Z][A-Z'.\-]+(?:[ \t]+[A-Z][A-Z'.\-]+){1,3}),[ \t]+(?P<role>[A-Z0-9][A-Z0-9 .,'&/\-]{2,120}?)"
    r"(?P<seat>[ \t]+\([^()\n]{1,40}\))?:[ \t]+(?=\S)"
)
"""A broadcast transcript's first turn of a speaker, name and office in capitals ("ELLEN MARSH, U.S. SECRETARY OF
STATE: ..."); later turns carry the surname alone ("MARSH:", "HALE (voice-over):")."""
NARRATION = ""
"""The turn of a programme's own anchor or correspondent: their label is no part of the text, and what they tell in
their own voice is no one's statement, though the statements they report are."""


def _broadcast_labels(lines: list[Line]) -> dict[str, str]:
    """The speakers of a broadcast transcript, by full name and by surname: a guest or an official speaks in their
    own turns; the programme's own staff (an office with "anchor", "correspondent", "host") narrate."""
    found = [m for ln in lines if (m := _BROADCAST_LABEL.match(ln.text))]
    if len(found) < 2:
        return {}
    labels: dict[str, str] = {}
    for m in found:
        staff = any(word.lower() in QUESTION_TURNS for word in re.findall(r"[A-Za-z]+", m["role"]))
        labels[m["label"]] = labels[m["label"].split()[-1]] = NARRATION if staff else m["label"]
    return labels


def _members(lines: list[Line]) -> set[str]:
    """The Members a parliamentary record gives the floor to, by name."""
    return {m["label"] for ln in lines for r in _DEBATE_LABELS if (m := r.match(ln.text))}


_COLUMNS = load().table_columns
_TABLE_RULE = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?")
"""The rule under a table's header: "| --- | :---: |"."""


def _read_row(para: Paragraph, text: str, anchor: tuple[date | None, date | None]) -> None:
    """A table row is one sentence, dated by its date cell and cited by its source cell."""
    assert para.cells is not None
    para.sentences = [Sentence(para.start, para.end, para.text)]
    if "date" in para.cells:
        start, end = para.cells["date"]
        day = dates.parse(text[start:end], *anchor)[0]
        para.date_marks = [(start, end, day)] if day else []
    if "source" in para.cells:
        start, end = para.cells["source"]
        para.citations = [Citation(outlet=text[start:end], start=start, end=end)] if end > start else []


def _cells(line: Line) -> list[tuple[int, int]]:
    """The offsets of a table row's cells, without the spaces around each."""
    spans, at = [], line.start + 1
    for part in line.text[1:-1].split("|"):
        lead = len(part) - len(part.lstrip())
        spans.append((at + lead, at + len(part.rstrip())))
        at += len(part) + 1
    return spans


def _attach_leads(doc: Document) -> None:
    """Point each list item at the sentence that introduces its list: the last one of the paragraph before it."""
    for para in doc.paragraphs:
        if para.lead is not None:
            intro = para.lead[0]
            para.lead = (intro, intro.sentences[-1]) if intro.sentences else None


def _item_sources(doc: Document) -> None:
    """In a text that republishes agency items under datelines, each item's first agency is its source; the
    publisher's own agency ("TEHRAN (Taban) -" on Taban News Agency's page) is its byline, no source."""
    own = (doc.bulletin.publisher or "").split()
    others = [p for p in doc.paragraphs if p.dateline and p.dateline.agencies and p.dateline.agencies[0] not in own]
    if len(others) < 2:
        return  # one dateline: the publisher's own byline, no citation (a wire story)
    for section in doc.sections:
        source: Citation | None = None
        for para in section.paragraphs:
            wire = para.dateline
            if wire is not None and wire.agencies:
                day = dates.parse(wire.date_text or "", *doc.anchor)[0]
                agency = wire.agencies[0]
                cited = Citation(outlet=agency, date=day, start=para.start, end=para.start)
                source = cited if agency not in own else None
            para.source = source


def _is_title(line: str) -> bool:
    """A headline set in title case, with no sentence end: most of its words capitalised."""
    words = re.findall(r"[A-Za-z][\w'-]*", line)
    capitals = sum(1 for w in words if w[0].isupper())
    return len(words) >= 5 and capitals >= 0.8 * len(words) and not ends_sentence(line)


def _goes_on(text: str) -> bool:
    """A paragraph that a quotation paragraph after a blank line continues: one introducing it with a colon, or
    one whose quotation is left open, as a quotation running over paragraphs is printed."""
    end = text.rstrip()
    return end.endswith(":") or (text.count('"') % 2 == 1 and not end.endswith(_CLOSED))


_CLOSED = ('."', '?"', '!"')
"""How a quotation's last paragraph ends: whatever its count of marks (each paragraph of a long quotation opens one,
only the last closes it), the next paragraph starts afresh."""


def _is_footnote(line: str, anchor: tuple[date | None, date | None]) -> bool:
    """A footnote at a page's foot: a superscript number and its source, or "[3]" and a dated source."""
    m = _FOOTNOTE.fullmatch(line)
    return m is not None and (m["sup"] is not None or _source(m["source"], anchor) is not None)


def _heading(line: str) -> str | None:
    """Heading text if the line is one: a Markdown/bold header or a short line with no sentence ending."""
    if line.endswith(":") and OVERVIEW_HEADINGS.match(line.strip("*#_ ")):
        return line.strip("*#_ ").rstrip(":")  # "Headlines:" over the bulletin's own summary bullets
    byline = PLACE_BYLINE.fullmatch(line)
    if byline and byline["place"] in _PLACES:
        return None  # "Baghdad - Salam al-Jaberi": where and by whom it was filed
    numbered = _NUMBERED_HEADING.match(line) or _SUBSECTION.match(line) or _LABEL_HEADING.match(line)
    if numbered:
        return numbered["h"].strip()
    md = _MD_HEADING.match(line)
    if md:
        return line[md.end() :].strip("*# ").strip()
    bold = _BOLD_LINE.match(line)
    if bold:
        return bold["h"].strip().rstrip(":")  # "**What they're saying:**"
    if _BULLET.match(line) or len(line) > 90 or line.endswith(_NO_HEADING_END):
        return None
    if SEPARATOR.search(line):
        return None  # "Monitoring Services | Duty editor: X": parts of a header row, not a heading
    words = line.split()
    if not 1 <= len(words) <= 12 or not line[0].isupper():
        return None
    if FULL_DATE.search(line) or re.search(r"\b(?:Editor|By|Published|Prepared|Compiled|[Ee]dited by)\b", line):
        return None
    return line


_CLOSING_TAG = re.compile(r"\s+[\[(][^\[\]()\n]{1,60}[\])]$")


def _tag_closing(text: str) -> re.Match[str] | None:
    """A source tag closing a text after its last sentence ("... fire." [FCDO], "... killed." (Sabereen News)), as
    chronologies and digests name an entry's single source."""
    m = _CLOSING_TAG.search(text.rstrip())
    return m if m is not None and ends_sentence(text[: m.start()]) else None


_SENTENCE_WORDS = re.compile(r"^[A-Z][\w'-]*\s+(?:[\w'-]+\s+){0,6}?(?:[a-z]{3,}ed|has|have|had|is|are|was|were|will)\b")
"""A short line reading as a sentence: a subject, then a verb in the past tense or with its auxiliary ("Washington
sanctioned ...", "Iran has rejected ...")."""


def _is_prose(line: str, mode: str) -> bool:
    words = len(line.split())
    if line.endswith(")") and words <= 20 and not ends_sentence(line) and not re.search(r"\]\([^()\s]*\)$", line):
        return False  # an image caption repeating a citation
    if mode == "header":  # a sentence, or one opening a list; a short one only if its words are a sentence's
        return (words >= 12 or (words >= 6 and _SENTENCE_WORDS.search(line) is not None)) and (
            ends_sentence(line) or line.endswith(":") or _tag_closing(line) is not None  # '... days." [Al-Masirah]'
        )
    return words >= 6 or (words >= 3 and line.endswith(":"))  # "Foreign Minister X said:" opens a quotation


def sentences(text: str, start: int, end: int, reading: str | None = None) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences, ignoring abbreviations, full stops inside parentheses and those
    inside a quotation that closes later in the paragraph (one quoted passage is one statement). ``reading`` is the
    text with its holes blanked (:attr:`Document.reading`): sentences are found and read in it, and keep the text."""
    out: list[Sentence] = []
    chunk = (reading or text)[start:end]
    depth = _Depth(chunk)
    quotes = [i for i, ch in enumerate(chunk) if ch == '"']
    begin = 0
    for m in _SENTENCE_END.finditer(chunk):
        stop = m.end()
        if depth.at(m.start()) > 0 or _ABBREV.search(chunk[max(begin, m.start() - 6) : m.start() + 1]):
            continue
        legal = _LEGAL_FORM_STOP.search(chunk, max(begin, m.start() - 6), m.start() + 1)
        if legal and chunk[stop:].lstrip()[:1] == "(":
            continue  # "Aegeon Tankers Inc. (NYSE: AGTK) (the "Company") announced": the name goes on
        opened = bisect_left(quotes, stop)
        if opened % 2 and opened < len(quotes):  # inside a quotation that closes later
            continue
        piece = chunk[begin:stop].strip()
        if piece:
            lead = begin + (len(chunk[begin:stop]) - len(chunk[begin:stop].lstrip()))
            out.append(_sentence(text, start + lead, piece))
        begin = stop
    tail = chunk[begin:].strip()
    if tail:
        lead = begin + (len(chunk[begin:]) - len(chunk[begin:].lstrip()))
        out.append(_sentence(text, start + lead, tail))
    return out


def _sentence(text: str, start: int, read: str) -> Sentence:
    return Sentence(start, start + len(read), text[start : start + len(read)], flat(read))


class _Depth:
    """Parenthesis depth at increasing offsets of a chunk, reading only its parentheses (a walk over every character
    cost a tenth of a bulletin's segmentation). A ")" counts from the character after it."""

    def __init__(self, chunk: str) -> None:
        self.parens = [(m.start(), m[0]) for m in _PAREN.finditer(chunk)]
        self.next = 0
        self.depth = 0

    def at(self, offset: int) -> int:
        while self.next < len(self.parens) and self.parens[self.next][0] <= offset:
            where, ch = self.parens[self.next]
            if ch == ")" and where == offset:
                break
            self.depth = self.depth + 1 if ch == "(" else max(0, self.depth - 1)
            self.next += 1
        return self.depth


_PAREN = re.compile(r"[()]")


def _source(piece: str, anchor: tuple[date | None, date | None]) -> tuple[str, date | None, date | None] | None:
    """Outlet and dates of "Tasnim, April 2" or "Reuters, 3 September 2025"; None when the piece holds no date."""
    found = dates.MONTH_DAY.search(piece) or dates.DAY_MONTH.search(piece)
    if not found:
        return None
    first, last = dates.parse(piece, *anchor)
    return piece[: found.start()].strip(" ,"), first, last


def _closing_tag(body: str, m: re.Match[str], piece: str) -> tuple[str, None, None] | None:
    """The outlet of an undated source tag ``m`` when it closes the paragraph after its last sentence, with no date."""
    closing = _tag_closing(body)
    return (piece, None, None) if closing is not None and closing.end() == m.end() and _TAG.fullmatch(piece) else None


_TAG = re.compile(r"[A-Z][\w.&'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w.&'-]*){0,4}")
"""An outlet's name as a tag gives it: capitalised words ("Times of Israel", "Al-Masirah", "CENTCOM")."""


def cited_site(source: str) -> str | None:
    """The outlet a cited web address stands for ("https://www.irna dot ir/news/..." is IRNA), by its site or, for a
    channel, its site and first path part; "" for a platform where speakers post themselves; the site's own name when
    the lexicon knows none; None when ``source`` is no address."""
    url = _URL.match(_DOT.sub(".", source.strip()))
    if url is None:
        return None
    parts = urlsplit(url[0])
    host = (parts.hostname or "").removeprefix("www.")
    channel = f"{host}/{parts.path.strip('/').split('/', 1)[0]}".lower()
    parent = host.split(".", 1)[-1]
    return next((_WEB_OUTLETS[key] for key in (channel, host, parent) if key in _WEB_OUTLETS), host)


_URL = re.compile(r"https?://[^\s;]+")
_DOT = re.compile(r"\s+dot\s+")
"""An address written so it is no link ("irna dot ir")."""
_WEB_OUTLETS = load().web_outlets


def footnotes(text: str, anchor: tuple[date | None, date | None]) -> dict[str, Citation]:
    """The numbered sources list of a brief ("[2] Reuters, 3 September 2025"), by number; a list of sources under an
    "Endnotes" heading whose numbers a web page's rendering dropped is numbered in its order."""
    found = [(m["n"] or m["sup"], m) for m in _FOOTNOTE.finditer(text)]
    found += [(m["n"], m) for m in _WIKI_NOTE.finditer(text)]
    found += [(m["n"], m) for block in _PAGE_NOTES.finditer(text) for m in _PAGE_NOTE.finditer(text, *block.span())]
    end = _END_LIST.search(text)
    if end is not None:
        items = _LIST_ITEM.finditer(text, end.end())
        found += [(str(n), m) for n, m in enumerate(_contiguous(items, end.end()), 1)]
    notes: dict[str, Citation] = {}
    last: Citation | None = None
    for number, m in found:
        source = flat(m["source"]) if "date" not in m.groupdict() else f"{m['source']}, {m['date']}"
        if _IBID.fullmatch(source) and last is not None:
            notes.setdefault(number.translate(_DIGITS), last)  # "13 Ibid.": the note before
            continue
        site = cited_site(source)
        if site == "":
            continue  # a post on a platform (x.com, t.me): the speaker's own words, through no outlet
        outlet, first, until = (site, None, None) if site else _source(source, anchor) or (source, None, None)
        outlet = _GLOSS.sub("", outlet.split('"', 1)[0].strip(" ,"))  # not the title of the item cited
        last = Citation(outlet=outlet, date=first, date_end=until, start=m.start(), end=m.end())
        notes.setdefault(number.translate(_DIGITS), last)
    return notes


def _contiguous(items: Iterable[re.Match[str]], at: int) -> list[re.Match[str]]:
    """The list items that follow one another from ``at``, with nothing but line breaks between them."""
    out = []
    for m in items:
        if m.start() != at:
            break
        out.append(m)
        at = m.end() + 1
    return out


_END_LIST = re.compile(r"(?im)^[ \t]*(?:endnotes|notes|sources|references)[ \t]*:?[ \t]*\n")
_LIST_ITEM = re.compile(rf"(?m)^[ \t]*[{BULLET_MARKS}-][ \t]+(?P<source>[^\n]+?)[ \t]*$")
_GLOSS = re.compile(r"\s*\([^()]*\)$")


def citations(
    para: Paragraph,
    anchor: tuple[date | None, date | None],
    notes: dict[str, Citation] | None = None,
    reading: str | None = None,
) -> tuple[list[Citation], list]:
    """Parenthesised sources "(Tasnim, April 2)", footnote markers "[2]" and bare date marks "(March 31)" in a
    paragraph, read in ``reading`` (the text with its holes blanked) when given."""
    body = reading[para.start : para.end] if reading else para.text
    cites: list[Citation] = []
    marks: list[tuple[int, int, date]] = []
    for m in (*_PARENS.finditer(body), *_BRACKETS.finditer(body)):
        inner_start = para.start + m.start(1)
        offset = 0
        for part in m[1].split(";"):
            label = _SOURCE_LABEL.match(part)  # "(Source: GOV.UK, Jan 7)", "(Sources: IRNA; Tasnim, Jan 6)"
            skip = label.end() if label else len(part) - len(part.lstrip())
            part_start = inner_start + offset + skip
            offset += len(part) + 1
            piece = part[skip:].strip()
            dated = _source(piece, anchor) or (_closing_tag(body, m, piece) if len(m[1].split(";")) == 1 else None)
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
    for m in MD_LINK.finditer(body):
        start = para.start + m.start("text")
        cites.append(Citation(outlet=m["text"], start=start, end=start + len(m["text"])))
    for m in _MARKER.finditer(body):
        note = (notes or {}).get(m[0].strip("[]").translate(_DIGITS))
        if note is not None:
            start = para.start + m.start()
            cites.append(note.model_copy(update={"start": start, "end": start + len(m[0])}))
    cites.sort(key=lambda c: c.start)
    return cites, marks


__all__ = [
    "ATTRIBUTION",
    "CALL_TURN",
    "COURTESY",
    "OFFICE_TURN",
    "TURN_HONORIFIC",
    "Document",
    "Paragraph",
    "Section",
    "Sentence",
    "metadata",
    "segment",
]

"""When something was said or done: a bulletin dates a sentence in the sentence, in its paragraph or in a citation."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .. import dates
from ..layout import flat
from ..segment import Document, Paragraph, Sentence
from .words import PAPER_NOUN

DAY = "(?:" + "|".join(w.title() for w in dates.WEEKDAYS) + ")"
"""A weekday as written in a sentence ("Tuesday")."""
DATE = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?)"
WHEN = (
    rf"(?:(?:(?:on|last|this|early|late)\s+)?(?:on\s+)?{DAY}(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|"
    r"(?:late\s+|early\s+)?last\s+night|this\s+(?:morning|afternoon|evening)|"
    rf"earlier(?:\s+this\s+(?:week|month))?|the\s+(?:next|following|same)\s+day|a\s+day\s+later|on\s+{DATE})"
)
"""A day ("on Thursday", "yesterday", "on November 25"): between speaker and verb, or verb and content."""
_PAPER_OF = rf"[Ii]n\s+(?:its|a|an|his|her|their|the)\s+(?:\w+\s+)?{PAPER_NOUN}\b[^,.;]{{0,30}}?\s+of"
"""The paper a telling is in, and its day ("In its conclusions on Iraq of 12 October"): "the attack of 28 August"
and "took note of the statement of the Secretary-General of 10 March" date no telling of the sentence's subject."""
_ON_DATES = [re.compile(rf"\b(?:[Oo]n|an?|{_PAPER_OF})\s+({d.pattern})") for d in (dates.MONTH_DAY, dates.DAY_MONTH)]
"""A date the sentence gives, as "on March 21", "on 17 December 2026", "in a statement of 28 August" or "in a June 8
post" writes it."""
_OPENING_DATES = [
    *(re.compile(rf"\s*On\s+({d.pattern})") for d in (dates.MONTH_DAY, dates.DAY_MONTH)),
    *(re.compile(rf"\s*({d.pattern})\s*[-\u2013\u2014:]\s") for d in (dates.MONTH_DAY, dates.DAY_MONTH)),
]
"""A date opening the paragraph: "On March 21, ...", or a timeline's entry "3 May 2028 - ..."."""
_NEXT_DAY = re.compile(r"\b(?:the\s+(?:next|following)\s+day|a\s+day\s+later)\b")
"""A day counted from the date the paragraph opens with ("4 May 2028 - ... said the next day that ...")."""
_YESTERDAY = re.compile(r"\b(?:[Yy]esterday|[Ll]ast\s+night)\b")
_TODAY = re.compile(r"\b(?:[Tt]oday|[Tt]onight|[Tt]his (?:morning|afternoon|evening))\b")


def when(doc: Document, para: Paragraph, sent: Sentence, *, live: bool = False, said: str | None = None) -> date | None:
    """When something was said or done: a date in the sentence, "On March 21," opening the paragraph,
    "on Thursday" in a dated report, else the date of the citation covering the sentence, else that of the
    paragraph's last dated sentence before it ("He added that ..."). ``live`` words, spoken in a one-day
    transcript or an aired interview, are said on its day whatever day they name ("we welcome the agreement reached
    yesterday"). A day inside what was ``said`` dates what it tells of ("involved in the attack on Oct. 7"), not
    the telling."""
    start, end = doc.anchor
    if live and para.turn_day is not None:
        return para.turn_day  # a written answer, given on the day its record says
    aired = para.source.date if para.source is not None else None  # an interview's excerpts, said when aired
    if live and (aired or (start is not None and start == end)):
        return aired or start
    own = _dated(doc, para, sent, said)
    if own is not None:
        return own
    cite = para.citation_for(sent)
    if cite is not None and cite.date is not None:
        return cite.date
    if doc.occasion is not None:
        return doc.occasion  # a meeting's record: what it tells was said at the meeting
    entry = dates.heading_day(para.section or "", *doc.anchor)
    if entry is not None:
        return entry  # a timeline's "### 10 December": what is told under it happened that day
    if para.posted is not None:
        return para.posted  # a post or a live page's entry: what it tells, undated, it tells the day it was posted
    if any(c.date for p in doc.paragraphs for c in p.citations):
        return None  # where citations date what is said (a Spotlight), a statement no citation covers is undated
    earlier = [s for s in para.sentences if s.end <= sent.start]
    said = next((d for s in reversed(earlier) if (d := _dated(doc, para, s)) is not None), None)
    return said or (end if doc.release and start == end else None)  # a release speaks on its own date


REMARKS = re.compile(
    r"^(?P<who>He|She|They|The\s+\w+(?:\s+\w+)?|(?:[A-Z][\w'-]+\s+){0,3}[A-Z][\w'-]+)\s+(?:made|delivered)\s+"
    r"the\s+(?:remarks|comments|announcement)\b"
)
"""An agency's closing note on the occasion of what it just reported: "He made the remarks in a meeting ... on
Tuesday", "Nasser Kanaani made the remarks in a statement ..."."""


def remarks_day(doc: Document, para: Paragraph) -> date | None:
    """The day a paragraph opening "He made the remarks ..." (:data:`REMARKS`) gives the remarks reported before it."""
    return _dated(doc, para, para.sentences[0])


_YEAR_TOLD = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Tt]hroughout)\s+((?:19|20)\d\d)\b")


def _year_told(doc: Document, para: Paragraph, sent: Sentence) -> tuple[date | None, date | None]:
    """The period a date without a year falls in: the year the paragraph said it tells of before this sentence ("In
    2026, Iraq froze ... On October 21, the Treasury designated ..."), else the document's own period."""
    years = _YEAR_TOLD.findall(para.text[: max(0, sent.start - para.start)])
    return (date(int(years[-1]), 1, 1), date(int(years[-1]), 12, 31)) if years else doc.anchor


def _dated(doc: Document, para: Paragraph, sent: Sentence, said: str | None = None) -> date | None:
    """The date the sentence itself gives, outside what was ``said``, without looking at citations or other
    sentences."""
    marked = next((d for s, _, d in para.date_marks if sent.start <= s <= sent.end), None)
    if marked is not None:
        return marked
    at = sent.flat.find(said) if said else -1
    told = sent.flat if at < 0 else sent.flat[:at] + " " * len(said or "") + sent.flat[at + len(said or "") :]
    opening = flat(para.text)
    inline = next((m for r in _ON_DATES if (m := r.search(told))), None) or next(
        (m for r in _OPENING_DATES if (m := r.match(opening))), None
    )
    if inline:
        day = dates.parse(inline[1], *_year_told(doc, para, sent))[0]
        return day + timedelta(days=1) if day is not None and _NEXT_DAY.search(told) else day
    start, end = doc.bulletin.period_start, doc.bulletin.period_end
    day = end if start and end and (end - start).days < 7 else None  # a weekday names one day of a dated week
    one_day = start == end
    if para.posted is not None:  # a post's "today" is the day it was posted, not the digest's
        day, one_day = para.posted, True
    weekday = dates.WEEKDAY.search(told)
    if weekday and day:
        return dates.weekday_before(weekday["w"], day)
    if day and one_day and _YESTERDAY.search(told):
        return day - timedelta(days=1)
    if day and one_day and _TODAY.search(told):
        return day
    return None

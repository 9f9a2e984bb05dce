"""Dates as bulletins write them: without a year, resolved against the bulletin's own period."""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MONTH = (
    r"(?P<m>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
    r"|(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)[A-Z]*\.?)"
)
"""A month's name, as written in a sentence or in capitals ("12 NOVEMBER 2026")."""
# "March 21", "March 21-22", "March 31 - April 2", "March 28, 2020"
MONTH_DAY = re.compile(
    _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    r"(?:\s*-\s*(?:(?P<m2>[A-Z][a-z]+\.?)\s+)?(?P<d2>\d{1,2}))?"
    r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"
)
# "21 March 2020"
DAY_MONTH = re.compile(r"\b(?P<d>\d{1,2})\s+" + _MONTH + r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")
ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
WEEKDAY = re.compile(
    r"\b(?:[Oo]n|[Ll]ast|[Tt]his past|[Ll]ate|[Ee]arly|said|says|told|announced|stated|added)\s+(?P<w>"
    + "|".join(w.title() for w in WEEKDAYS)
    + r")\b(?!['’]s)"
)
"""A weekday as news writes a past day: "on Tuesday", "last Friday", and a wire's "said Tuesday"."""


NUMERIC = re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>(?:19|20)\d\d)\b")
_DAY_NAME = re.compile(r"\b(?P<w>Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b", re.I)


def numeric(text: str) -> date | None:
    """A numeric date ("03/09/2024") or an ISO one: day first, as most of the world writes it, unless a number
    over 12 or the weekday printed beside it says the month comes first."""
    iso = ISO.search(text)
    if iso:
        return _valid(int(iso["y"]), int(iso["m"]), int(iso["d"]))
    m = NUMERIC.search(text)
    if m is None:
        return None
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    day_first, month_first = _valid(year, b, a), _valid(year, a, b)
    named = _DAY_NAME.search(text)
    if named:
        wanted = next(i for i, w in enumerate(WEEKDAYS) if w.startswith(named["w"].lower()))
        fits = [d for d in (day_first, month_first) if d is not None and d.weekday() == wanted]
        if fits:
            return fits[0]
    return day_first or month_first


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def pick_year(month: int, day: int, anchor: date | None, end: date | None = None) -> date | None:
    """The date with this month and day nearest to the anchor period; None if it does not exist."""
    if anchor is None:
        return None
    end = end or anchor
    best: date | None = None
    for year in (end.year - 1, end.year, end.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if best is None or _distance(candidate, anchor, end) < _distance(best, anchor, end):
            best = candidate
    return best


def _distance(day: date, start: date, end: date) -> int:
    if start <= day <= end:
        return 0
    return min(abs((day - start).days), abs((day - end).days))


def _make(year: str | None, month: int | None, day: int, anchor: date | None, end: date | None) -> date | None:
    if month is None:
        return None
    if year:
        try:
            return date(int(year), month, day)
        except ValueError:
            return None
    return pick_year(month, day, anchor, end)


def parse(text: str, anchor: date | None = None, end: date | None = None) -> tuple[date | None, date | None]:
    """First date in ``text`` and, for a range, its last day; years come from the anchor period."""
    m = MONTH_DAY.search(text)
    if m:
        month = month_number(m["m"])
        first = _make(m["y"], month, int(m["d"]), anchor, end)
        last = None
        if m["d2"]:
            month2 = month_number(m["m2"]) if m["m2"] else month
            last = _make(m["y"], month2, int(m["d2"]), anchor, end)
            if first and last and last < first:
                last = _make(str(first.year + 1), month2, int(m["d2"]), anchor, end)
        return first, last
    m = DAY_MONTH.search(text)
    if m:
        return _make(m["y"], month_number(m["m"]), int(m["d"]), anchor, end), None
    m = ISO.search(text)
    if m:
        try:
            return date(int(m["y"]), int(m["m"]), int(m["d"])), None
        except ValueError:
            return None, None
    return None, None


def weekday_before(name: str, anchor: date) -> date:
    """The latest given weekday on or before the anchor: news reports say "on Thursday" of the past week."""
    target = WEEKDAYS.index(name.lower())
    return anchor - timedelta(days=(anchor.weekday() - target) % 7)


def names_a_day(text: str) -> bool:
    """Whether a heading names a day and nothing else ("10 December", "Wednesday, December 10"): a timeline's entry."""
    bare = _DAY_NAME.sub("", text.strip(" #*"), count=1).strip(" ,")
    return bool(MONTH_DAY.fullmatch(bare) or DAY_MONTH.fullmatch(bare))


def heading_day(text: str, anchor: date | None = None, end: date | None = None) -> date | None:
    """The day a timeline's entry heading names: what is told under it happened that day."""
    return parse(_DAY_NAME.sub("", text, count=1), anchor, end)[0] if names_a_day(text) else None

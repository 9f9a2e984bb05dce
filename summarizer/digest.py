"""Across a batch of results: who said what over time, who sanctioned whom, and when.

One bulletin answers "what happened this fortnight"; an analyst with a year of bulletins asks "what has Qaani said
since January" and "who designated whom, when". So statements are grouped per speaker and sanctions per authority,
spellings folded through the alias table (each actor appears once however the outlets wrote the name: "Britain",
"UK government" and "Foreign, Commonwealth and Development Office" are one authority), and everything is put in date
order. The same statement reported by several bulletins is shown once, with every source listed.

This module builds the :class:`Digest`; :mod:`summarizer.render.digest` turns it into a table, Markdown, HTML or JSON.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from rapidfuzz import fuzz, process

from .aliases import Aliases, key, load
from .errors import SummarizerError
from .merge import SAME_CONTENT, same_sanction
from .models import Bulletin, Sanction, Statement, Summary
from .render.text import period, squash
from .render.view import report_anchor
from .results import results_in
from .text import fold

FORMATS = ("table", "md", "html", "json")
TOP = 15
"""Speakers in the default summary view; ``--all`` lists every one with every statement."""


class DigestError(SummarizerError):
    """A digest that cannot be made; one line for the user."""


@dataclass(frozen=True)
class When:
    """When an item happened, as precisely as its bulletin says: the stated day, else the bulletin period."""

    start: dt.date | None = None
    end: dt.date | None = None
    approximate: bool = False
    """True when only the bulletin period is known: the item happened somewhere in that range."""

    @property
    def order(self) -> dt.date:
        """Sort position; undated items go last rather than first, where they would read as the oldest."""
        return self.start or self.end or dt.date.max

    def label(self) -> str:
        text = period(self.start, self.end)
        return f"{text} (period)" if self.approximate and text else text

    def within(self, since: dt.date | None, until: dt.date | None) -> bool:
        """Whether it may fall in [since, until]; an undated item cannot be placed in a window, so it is left out."""
        if since is None and until is None:
            return True
        first, last = self.start or self.end, self.end or self.start
        if first is None or last is None:
            return False
        return (until is None or first <= until) and (since is None or last >= since)


def _period_of(bulletin: Bulletin) -> When:
    if bulletin.period_start or bulletin.period_end:
        return When(bulletin.period_start, bulletin.period_end, approximate=True)
    return When()


@dataclass(frozen=True)
class Source:
    """A bulletin that reported a row: its name as shown, its result file, and the row's id in its HTML report."""

    label: str
    result: Path | None = None
    anchor: str = ""

    @property
    def bulletin(self) -> tuple[str, Path | None]:
        """Which bulletin, whatever the row: one bulletin is listed once per row."""
        return self.label, self.result


@dataclass
class Said:
    """One statement, and every bulletin that reported it."""

    when: When
    statement: Statement
    sources: list[Source]


@dataclass
class Speaker:
    """One actor: canonical name, the other spellings seen, their roles (most used first), what they said by date."""

    name: str
    spellings: list[str]
    roles: list[str]
    said: list[Said]

    @property
    def span(self) -> When:
        """First to last dated statement."""
        days = [d for s in self.said for d in (s.when.start, s.when.end) if d]
        return When(min(days), max(days)) if days else When()

    @property
    def latest(self) -> Said:
        """The most recent dated statement (the last one when none is dated)."""
        dated = [s for s in self.said if s.when.start or s.when.end]
        return dated[-1] if dated else self.said[-1]


@dataclass
class Imposed:
    """One sanctions action (authority in canonical spelling), and every bulletin that reported it."""

    when: When
    sanction: Sanction
    written: str
    """The authority as the bulletin wrote it."""
    sources: list[Source]


@dataclass
class Authority:
    """One sanctioning authority under one name, the spellings folded into it, and its actions by date."""

    name: str
    spellings: list[str]
    imposed: list[Imposed]

    @property
    def span(self) -> When:
        days = [d for i in self.imposed for d in (i.when.start, i.when.end) if d]
        return When(min(days), max(days)) if days else When()


@dataclass(frozen=True)
class Scope:
    """What the reader narrowed the digest to: one actor (any spelling), a date window."""

    speaker: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def describe(self) -> str:
        parts = [f"speaker {self.speaker}" if self.speaker else ""]
        parts += [f"since {self.since.isoformat()}" if self.since else ""]
        parts += [f"until {self.until.isoformat()}" if self.until else ""]
        return ", ".join(p for p in parts if p)


@dataclass
class Digest:
    bulletins: int
    start: dt.date | None = None
    end: dt.date | None = None
    speakers: list[Speaker] = field(default_factory=list)
    sanctions: list[Imposed] = field(default_factory=list)
    authorities: list[Authority] = field(default_factory=list)
    scope: Scope = field(default_factory=Scope)

    @property
    def statements(self) -> int:
        return sum(len(s.said) for s in self.speakers)


def source_label(summary: Summary) -> str:
    """How a bulletin is named in the digest: its file name (the link leads to its result and report)."""
    b = summary.bulletin
    return Path(b.source).name if b.source else squash(b.title) or "untitled bulletin"


def role_of(st: Statement) -> str:
    """Role and affiliation in one phrase, the affiliation left out where the role already names it.

    "Commander of the IRGC" needs no ", IRGC", nor "Iranian Foreign Minister" ", Iran".
    """
    role, org = squash(st.role), squash(st.affiliation)
    if not org:
        return role
    if not role:
        return org
    words = key(role).split()
    named = all(any(w.startswith(t[: max(4, len(t) - 2)]) for w in words) for t in key(org).split())
    return role if named else f"{role}, {org}"


def build(
    results: Sequence[Summary], names: Aliases, files: Sequence[Path] | None = None, scope: Scope | None = None
) -> Digest:
    """Group statements per canonical speaker and sanctions per canonical authority, in date order.

    ``files`` are the result files ``results`` were read from (so rows can link to them); ``scope`` narrows to one
    actor and a date window.
    """
    scope = scope or Scope()
    voices: dict[str, list[tuple[str, str, Said]]] = {}
    imposed: list[Imposed] = []
    for n, summary in enumerate(results):
        result = files[n] if files else None
        label = source_label(summary)
        period = _period_of(summary.bulletin)
        for i, st in enumerate(summary.statements, 1):
            when = When(st.said_on or st.cited_date) if (st.said_on or st.cited_date) else period
            if when.within(scope.since, scope.until):
                name = names.canonical(st.speaker_canonical or st.speaker)
                said = Said(when, st, [Source(label, result, report_anchor("statement", i))])
                voices.setdefault(key(name), []).append((st.speaker, name, said))
        for i, sa in enumerate(summary.sanctions, 1):
            when = When(sa.announced_on) if sa.announced_on else period
            if when.within(scope.since, scope.until):
                canonical = sa.model_copy(update={"authority": names.canonical(sa.authority)})
                imposed.append(
                    Imposed(when, canonical, sa.authority, [Source(label, result, report_anchor("sanction", i))])
                )

    speakers = [_speaker(entries, names) for entries in voices.values()]
    speakers.sort(key=lambda s: (-len(s.said), key(s.name)))
    imposed.sort(key=lambda i: (i.when.order, key(i.sanction.authority), i.sources[0].label))
    sanctions = _fold(imposed, _same_imposed)
    starts = [s.bulletin.period_start for s in results if s.bulletin.period_start]
    ends = [s.bulletin.period_end or s.bulletin.period_start for s in results if s.bulletin.period_start]
    digest = Digest(
        bulletins=len(results),
        start=min(starts, default=None),
        end=max((e for e in ends if e), default=None),
        speakers=speakers,
        sanctions=sanctions,
        scope=scope,
    )
    if scope.speaker:
        _narrow_to(digest, scope.speaker, names)
    digest.authorities = _authorities(digest.sanctions)
    return digest


def _speaker(entries: list[tuple[str, str, Said]], names: Aliases) -> Speaker:
    name = Counter(canon for _, canon, _ in entries).most_common(1)[0][0]
    spellings = sorted({squash(written) for written, _, _ in entries if key(written) != key(name)})
    roles = Counter(role_of(s.statement) for _, _, s in entries)
    # An organisation speaking for itself has itself as affiliation: not a role.
    roles = [r for r, _ in roles.most_common() if r and key(names.canonical(r)) != key(name)]
    said = sorted(
        (s for _, _, s in entries), key=lambda s: (s.when.order, s.sources[0].label, s.statement.evidence.start)
    )
    return Speaker(name, spellings, roles, _fold(said, _same_said))


def _authorities(sanctions: list[Imposed]) -> list[Authority]:
    grouped: dict[str, list[Imposed]] = {}
    for i in sanctions:
        grouped.setdefault(key(i.sanction.authority), []).append(i)
    found = []
    for items in grouped.values():
        name = items[0].sanction.authority
        spellings = sorted({squash(i.written) for i in items if key(i.written) != key(name)})
        found.append(Authority(name, spellings, items))
    found.sort(key=lambda a: (-len(a.imposed), key(a.name)))
    return found


def _narrow_to(digest: Digest, wanted: str, names: Aliases) -> None:
    """Keep one actor's statements and sanctions: the name as the alias table resolves it, else every actor whose
    name or spelling contains it as whole words ("Rezaei" finds Mohsen Rezaei)."""
    target = key(names.canonical(wanted))
    actors = {key(s.name): [s.name, *s.spellings] for s in digest.speakers}
    for a in digest.sanctions:
        actors.setdefault(key(a.sanction.authority), [a.sanction.authority]).append(a.written)
    keep = {target} & set(actors)
    if not keep and key(wanted):
        words = re.compile(rf"\b{re.escape(key(wanted))}\b")
        keep = {k for k, spellings in actors.items() if any(words.search(key(s)) for s in spellings)}
    if not keep:
        near = process.extract(wanted, [v[0] for v in actors.values()], scorer=fuzz.WRatio, limit=3, score_cutoff=60)
        hint = f"; closest: {', '.join(n for n, _, _ in near)}" if near else ""
        window = " in that window" if digest.scope.since or digest.scope.until else ""
        raise DigestError(f"no statements or sanctions by {wanted!r}{window}{hint}")
    if len(keep) == 1:
        digest.scope = replace(digest.scope, speaker=actors[next(iter(keep))][0])
    digest.speakers = [s for s in digest.speakers if key(s.name) in keep]
    digest.sanctions = [i for i in digest.sanctions if key(i.sanction.authority) in keep]


R = TypeVar("R", "Said", "Imposed")


def _fold(items: list[R], same: Callable[[R, R], bool]) -> list[R]:
    """One row per item reported by several bulletins, listing every source."""
    kept: list[R] = []
    for item in items:
        twin = next((k for k in kept if same(k, item)), None)
        if twin is None:
            kept.append(item)
        elif item.sources[0].bulletin not in {s.bulletin for s in twin.sources}:
            twin.sources.append(item.sources[0])
    return kept


def _same_said(a: Said, b: Said) -> bool:
    """Same day, near-identical words (as merge.py judges)."""
    return a.when == b.when and fuzz.ratio(fold(a.statement.content), fold(b.statement.content)) >= SAME_CONTENT


def _same_imposed(a: Imposed, b: Imposed) -> bool:
    """Only dated actions fold, since undated ones cannot be told apart."""
    return bool(a.sanction.announced_on and b.sanction.announced_on) and same_sanction(a.sanction, b.sanction)


_DAY = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def parse_day(text: str, *, last: bool = False) -> dt.date:
    """``2024``, ``2024-03`` or ``2024-03-16``: a year or month means its first day, or its last with ``last``."""
    match = _DAY.fullmatch(text.strip())
    if not match:
        raise DigestError(f"{text!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = int(match[1]), int(match[2] or (12 if last else 1)), match[3]
    try:
        if not 1 <= month <= 12:
            raise ValueError(month)
        if day:
            return dt.date(year, month, int(day))
        if not last:
            return dt.date(year, month, 1)
        return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    except ValueError:
        raise DigestError(f"{text!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY") from None


def load_dir(directory: Path, names: Aliases | None = None, scope: Scope | None = None) -> Digest:
    """The digest of every result in a ``summarize --out`` directory."""
    found = results_in(directory)
    if scope and scope.since and scope.until and scope.since > scope.until:
        raise DigestError(f"--since {scope.since} is after --until {scope.until}")
    try:
        table = names or load()
    except ValueError as exc:
        raise DigestError(str(exc)) from None
    return build([s for _, s in found], table, [p for p, _ in found], scope)


__all__ = [
    "FORMATS",
    "TOP",
    "Authority",
    "Digest",
    "DigestError",
    "Imposed",
    "Said",
    "Scope",
    "Source",
    "Speaker",
    "When",
    "build",
    "load_dir",
    "parse_day",
    "role_of",
]

"""The Markdown brief: one page an analyst can forward, every value from the bulletin backslash-escaped.

Statements read as the sentences they were in the bulletin ("*Hossein Salami*, Commander of the IRGC, **warned**
the United States against such action (Defa' Press, 28 Mar)."), each followed by a link to a final "Sources"
section that quotes its evidence with its line number in the bulletin. Links and anchors are plain ``<a id>``
elements and ``#`` fragments, so they work wherever the file is viewed, without the site or tool that made it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

from summarizer.models import Evidence, OverviewPoint, Sanction, Statement, Summary

from .text import (
    cue_parts,
    esc_md,
    line_span,
    period,
    provenance_line,
    role_line,
    sanction_reasons,
    sanction_scope,
    short_date,
    squash,
    statement_citation,
)

__all__ = ["to_markdown"]

_LEADING_CUES = ("according to",)
"""Cues that come before the speaker in English ("According to Salami, ..."), not after."""

_QUOTES = ('"', "“", "'", "‘", "«")

_SANCTION_HEAD = ("Authority", "Action", "Date", "Targets", "Reasons", "Source")


@dataclass(frozen=True)
class _Ref:
    """Where an item's evidence is: the anchor items link to in the Sources section, and how the link reads."""

    uid: str
    evidence: Evidence
    text: str | None

    @property
    def placed(self) -> bool:
        """Whether the span can be located in the text we have (pipeline bugs must not break the brief)."""
        ev, text = self.evidence, self.text
        return ev.status != "ungrounded" and (text is None or 0 <= ev.start < ev.end <= len(text))

    @property
    def label(self) -> str:
        ev, text = self.evidence, self.text
        return line_span(text, ev.start, ev.end) if text is not None else self.uid.upper()

    def link(self) -> str:
        return f"[{self.label}](#src-{self.uid})"

    def anchor(self) -> str:
        return f'<a id="{self.uid}"></a>'

    def source_entry(self) -> str:
        """One line of the Sources section: the evidence as the bulletin has it, and a link back to the item."""
        ev, text = self.evidence, self.text
        quote = text[ev.start : ev.end] if text is not None else ev.text
        where = f"{self.label}, chars {ev.start}–{ev.end}" if text is not None else f"chars {ev.start}–{ev.end}"
        fuzzy = " (approximate match)" if ev.status == "fuzzy" else ""
        return f'- <a id="src-{self.uid}"></a>[{self.uid.upper()}](#{self.uid}) · {where}{fuzzy}: “{esc_md(quote)}”'


_ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.)+$")
"""A final full stop that belongs to "U.S." or "e.g." and must stay."""
_TERMINAL = re.compile(r"[.?!][\"”’']?$")


def _sentence(body: str, cite: str) -> str:
    """``body (cite).``: trailing commas and the span's own full stop are dropped so the citation closes it."""
    body = body.rstrip(" ,;:")
    if body.endswith(".") and not _ABBREVIATION_END.search(body):
        body = body[:-1].rstrip(" ,;:")
    if cite:
        return f"{body} ({esc_md(cite)}){'' if body.endswith(('?', '!')) else '.'}"
    return body if _TERMINAL.search(body) else f"{body}."


def _statement(st: Statement, fmt: Callable[[date | None], str], full: bool) -> str:
    """The statement as prose: speaker (and role, on ``full``), the cue verb in bold, then the content as written.

    The words between cue and content are kept from the evidence ("stated **that** ...", "threatened the United
    States, stating that ..."), so the line reads as the bulletin's sentence rather than a fragment.
    """
    cue, bridge, content = cue_parts(st)
    speaker = squash(st.speaker)
    who = f"*{esc_md(speaker)}*" if speaker else "an unnamed source"
    role = role_line(st.role, st.affiliation, st.speaker) if full else ""
    said = esc_md(content)
    if cue.lower().startswith(_LEADING_CUES):
        body = f"**{esc_md(cue[0].upper() + cue[1:])}** {who}{', ' + esc_md(role) if role else ''}, {said}"
    else:
        who = _capital(who)  # it opens the sentence: "*The Treasury Department* said"
        if cue:
            # A direct quote with nothing between it and the verb is introduced as one: "**said**: “...”".
            middle = f" {esc_md(bridge)} " if bridge else (": " if content.startswith(_QUOTES) else " ")
            body = f"{who}{', ' + esc_md(role) + ',' if role else ''} **{esc_md(cue)}**{middle}{said}"
        else:
            body = f"{who}{', ' + esc_md(role) if role else ''}: {said}"
    return _sentence(body, statement_citation(st, fmt))


def _capital(phrase: str) -> str:
    """``phrase`` with its first letter upper-cased, past any Markdown emphasis marks."""
    at = next((i for i, ch in enumerate(phrase) if ch.isalpha()), None)
    return phrase if at is None else phrase[:at] + phrase[at].upper() + phrase[at + 1 :]


def _sanction_cells(sa: Sanction, fmt: Callable[[date | None], str]) -> list[str]:
    cells = (sa.action, fmt(sa.announced_on), sanction_scope(sa), sanction_reasons(sa))
    return [f"**{esc_md(sa.authority)}**", *map(esc_md, cells)]


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _sanction_summary(sa: Sanction, fmt: Callable[[date | None], str]) -> str:
    """One line for a sanction kept out of the table (not found in the text)."""
    authority, action, when, targets, reasons = _sanction_cells(sa, fmt)
    line = " ".join(p for p in (authority, action, targets) if p)
    body = f"{line}{f' ({when})' if when else ''}{f': {reasons}' if reasons else ''}"
    return _sentence(body, squash(sa.cited_outlet))


def _header(summary: Summary) -> list[str]:
    b = summary.bulletin
    lines = [f"# {esc_md(b.title) or 'Bulletin summary'}", ""]
    meta = [
        f"**{label}:** {value}"
        for label, value in (
            ("Publisher", esc_md(b.publisher)),
            ("Period", period(b.period_start, b.period_end)),
            ("Editor", esc_md(b.editor)),
            ("Source", esc_md(b.source)),
        )
        if value
    ]
    return lines + ([" · ".join(meta), ""] if meta else [])


def to_markdown(summary: Summary, text: str | None = None) -> str:
    """A one-page brief an analyst can forward; ``text`` (the bulletin's normalised text) gives line numbers.

    A speaker's role is given at their first statement only, as a news story names it once. Items whose evidence
    could not be found in the bulletin are kept, but only in a final "Unverified" list: a brief must not present
    them as facts, and silently dropping them would hide extraction problems.
    """
    b = summary.bulletin
    anchor = b.period_end or b.period_start
    fmt = partial(short_date, year=anchor.year if anchor else None)
    lines = _header(summary)
    sources: list[str] = []
    unverified: list[str] = []

    def ref(kind: str, n: int, evidence: Evidence) -> _Ref:
        return _Ref(f"{kind}{n}", evidence, text)

    overview: list[tuple[_Ref, OverviewPoint]] = [
        (ref("ov", n, p.evidence), p) for n, p in enumerate(summary.overview, 1)
    ]
    placed = [(r, p) for r, p in overview if r.placed]
    if placed:
        lines += ["## Overview", ""]
        lines += [f"{n}. {r.anchor()}{esc_md(p.text)} {r.link()}" for n, (r, p) in enumerate(placed, 1)]
        lines.append("")
        sources += [r.source_entry() for r, _ in placed]
    unverified += [f"- Overview: {esc_md(p.text)}" for r, p in overview if not r.placed]

    statements = [(ref("st", n, st.evidence), st) for n, st in enumerate(summary.statements, 1)]
    if any(r.placed for r, _ in statements):
        lines += ["## Statements", ""]
    named: set[str] = set()
    for r, st in statements:
        full = st.speaker not in named
        named.add(st.speaker)
        if r.placed:
            lines.append(f"- {r.anchor()}{_statement(st, fmt, full)} {r.link()}")
            sources.append(r.source_entry())
        else:
            unverified.append(f"- {_statement(st, fmt, True)}")
    if any(r.placed for r, _ in statements):
        lines.append("")

    sanctions = [(ref("sa", n, sa.evidence), sa) for n, sa in enumerate(summary.sanctions, 1)]
    rows = [(r, sa) for r, sa in sanctions if r.placed]
    if rows:
        lines += ["## Sanctions", "", _row(_SANCTION_HEAD), _row(["---"] * len(_SANCTION_HEAD))]
        for r, sa in rows:
            cells = _sanction_cells(sa, fmt)
            cite = esc_md(sa.cited_outlet)
            lines.append(_row([r.anchor() + cells[0], *cells[1:], f"{cite}{', ' if cite else ''}{r.link()}"]))
        lines.append("")
        sources += [r.source_entry() for r, _ in rows]
    unverified += [f"- {_sanction_summary(sa, fmt)}" for r, sa in sanctions if not r.placed]

    if unverified:
        lines += ["## Unverified (not found in the source text)", "", *unverified, ""]
    if not (summary.overview or summary.statements or summary.sanctions):
        lines += ["*Nothing was extracted from this bulletin.*", ""]
    if sources:
        where = "line numbers (L) and character offsets" if text is not None else "character offsets"
        lines += ["## Sources", "", f"Each item's evidence as the bulletin has it, with {where} in its text.", ""]
        lines += [*sources, ""]

    lines += ["---", "", f"*{esc_md(provenance_line(summary))}*", ""]
    return "\n".join(lines)

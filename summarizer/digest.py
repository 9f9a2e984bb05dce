"""Across a batch of results: who said what over time, and a timeline of sanctions actions.

One bulletin answers "what happened this fortnight"; an analyst with a year of bulletins asks "what has Qaani said
since January" and "who designated whom, when". So statements are grouped per speaker, spellings folded through the
alias table (each actor appears once however the outlets transliterated the name), and each speaker's statements
are put in date order. The same statement reported by several bulletins is shown once, with every source listed.

Like :mod:`summarizer.render`, every renderer treats extracted text as hostile: rich ``Text`` cells, Markdown
backslash escapes, HTML entities, and a self-contained HTML page that loads nothing.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from rapidfuzz import fuzz
from rich.console import Console
from rich.text import Text

from .aliases import Aliases, key, load
from .batch import load_results
from .errors import SummarizerError
from .merge import SAME_CONTENT, same_sanction
from .models import Bulletin, Sanction, Statement, Summary
from .render.htmlpage import action_pill, count_badge, items_table, muted, page, stype_pill, td
from .render.table import Col, panel, wide_table
from .render.text import countries, esc, esc_md, period, squash, stype_label, target_count, target_names
from .text import fold

FORMATS = ("table", "md", "html")


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


def _period_of(bulletin: Bulletin) -> When:
    if bulletin.period_start or bulletin.period_end:
        return When(bulletin.period_start, bulletin.period_end, approximate=True)
    return When()


@dataclass
class Said:
    """One statement, and every bulletin that reported it."""

    when: When
    statement: Statement
    sources: list[str]


@dataclass
class Speaker:
    """One actor: canonical name, the other spellings seen, and what they said in date order."""

    name: str
    spellings: list[str]
    said: list[Said]


@dataclass
class Imposed:
    """One sanctions action (authority in canonical spelling), and every bulletin that reported it."""

    when: When
    sanction: Sanction
    sources: list[str]


@dataclass
class Digest:
    bulletins: int
    start: dt.date | None = None
    end: dt.date | None = None
    speakers: list[Speaker] = field(default_factory=list)
    sanctions: list[Imposed] = field(default_factory=list)

    @property
    def statements(self) -> int:
        return sum(len(s.said) for s in self.speakers)


def source_label(summary: Summary) -> str:
    """How a bulletin is named in the digest: its file name (the full path is in the per-bulletin JSON)."""
    b = summary.bulletin
    return Path(b.source).name if b.source else squash(b.title) or "untitled bulletin"


def build(results: Sequence[Summary], names: Aliases) -> Digest:
    """Group statements per canonical speaker and order everything by date."""
    voices: dict[str, list[tuple[str, str, Said]]] = {}
    imposed: list[Imposed] = []
    for summary in results:
        label = source_label(summary)
        period = _period_of(summary.bulletin)
        for st in summary.statements:
            name = names.canonical(st.speaker_canonical or st.speaker)
            when = When(st.said_on or st.cited_date) if (st.said_on or st.cited_date) else period
            voices.setdefault(key(name), []).append((st.speaker, name, Said(when, st, [label])))
        for sa in summary.sanctions:
            when = When(sa.announced_on) if sa.announced_on else period
            canonical = sa.model_copy(update={"authority": names.canonical(sa.authority)})
            imposed.append(Imposed(when, canonical, [label]))

    speakers = []
    for entries in voices.values():
        name = Counter(canon for _, canon, _ in entries).most_common(1)[0][0]
        spellings = sorted({squash(written) for written, _, _ in entries if key(written) != key(name)})
        said = sorted(
            (s for _, _, s in entries), key=lambda s: (s.when.order, s.sources[0], s.statement.evidence.start)
        )
        speakers.append(Speaker(name, spellings, _fold(said, _same_said)))
    speakers.sort(key=lambda s: (-len(s.said), key(s.name)))

    imposed.sort(key=lambda i: (i.when.order, key(i.sanction.authority), i.sources[0]))
    starts = [s.bulletin.period_start for s in results if s.bulletin.period_start]
    ends = [s.bulletin.period_end or s.bulletin.period_start for s in results if s.bulletin.period_start]
    return Digest(
        bulletins=len(results),
        start=min(starts, default=None),
        end=max((e for e in ends if e), default=None),
        speakers=speakers,
        sanctions=_fold(imposed, _same_imposed),
    )


R = TypeVar("R", "Said", "Imposed")


def _fold(items: list[R], same: Callable[[R, R], bool]) -> list[R]:
    """One row per item reported by several bulletins, listing every source."""
    kept: list[R] = []
    for item in items:
        twin = next((k for k in kept if same(k, item)), None)
        if twin is None:
            kept.append(item)
        elif item.sources[0] not in twin.sources:
            twin.sources.append(item.sources[0])
    return kept


def _same_said(a: Said, b: Said) -> bool:
    """Same day, near-identical words (as merge.py judges)."""
    return a.when == b.when and fuzz.ratio(fold(a.statement.content), fold(b.statement.content)) >= SAME_CONTENT


def _same_imposed(a: Imposed, b: Imposed) -> bool:
    """Only dated actions fold, since undated ones cannot be told apart."""
    return bool(a.sanction.announced_on and b.sanction.announced_on) and same_sanction(a.sanction, b.sanction)


def load_dir(directory: Path, names: Aliases | None = None) -> Digest:
    """The digest of every result in a ``summarize --out`` directory."""
    if not directory.is_dir():
        raise DigestError(f"{directory}: no such results directory")
    results = load_results(directory)
    if not results:
        raise DigestError(
            f"{directory}: no results here; make some with: summarizer summarize BULLETINS --out {directory}"
        )
    try:
        table = names or load()
    except ValueError as exc:
        raise DigestError(str(exc)) from None
    return build(results, table)


# --- shared cell text ---------------------------------------------------------------------------------------------


def _kind(st: Statement) -> str:
    kind = stype_label(st.statement_type)
    return kind if st.modality == "asserted" else f"{kind} ({st.modality})"


def _sources(sources: list[str]) -> str:
    return ", ".join(sources)


def _heading(d: Digest) -> str:
    parts = [f"{d.bulletins} bulletin{'s' if d.bulletins != 1 else ''}"]
    if d.start or d.end:
        parts.append(period(d.start, d.end))
    parts += [f"{len(d.speakers)} speakers", f"{d.statements} statements", f"{len(d.sanctions)} sanctions actions"]
    return " · ".join(parts)


# --- terminal -----------------------------------------------------------------------------------------------------


_SAID_COLUMNS = (Col("Date"), Col("Type"), Col("Target", 2), Col("Statement", 6), Col("Source", 2))
_IMPOSED_COLUMNS = (
    Col("Date"),
    Col("Authority", 2),
    Col("Action"),
    Col("Count", justify="right"),
    Col("Targets", 3),
    Col("Countries", 1),
    Col("Source", 2),
)


def _heads(columns: Sequence[Col]) -> list[str]:
    """Column names, so the Markdown and HTML tables head their columns as the terminal one does."""
    return [c.name for c in columns]


def _date_cell(when: When) -> Text:
    return Text(when.label(), style="dim" if when.approximate else "")


def to_table(d: Digest, console: Console) -> None:
    """Print the digest with rich; every cell is a ``Text`` so bulletin text can never act as markup."""
    console.print(panel(Text(_heading(d)), "Digest"))
    for sp in d.speakers:
        title = Text(squash(sp.name), style="bold")
        title.append(f"  {len(sp.said)} statement{'s' if len(sp.said) != 1 else ''}", style="dim")
        caption = Text(f"also written: {', '.join(sp.spellings)}") if sp.spellings else None
        table = wide_table(title, _SAID_COLUMNS, caption=caption)
        for s in sp.said:
            st = s.statement
            cells = (_kind(st), squash(st.target), squash(st.content), _sources(s.sources))
            table.add_row(_date_cell(s.when), *map(Text, cells))
        console.print(table)
    if d.sanctions:
        table = wide_table(Text("Sanctions timeline", style="bold"), _IMPOSED_COLUMNS)
        for i in d.sanctions:
            sa = i.sanction
            cells = (
                squash(sa.authority),
                sa.action,
                target_count(sa),
                target_names(sa),
                countries(sa),
                _sources(i.sources),
            )
            table.add_row(_date_cell(i.when), *map(Text, cells))
        console.print(table)


# --- Markdown -----------------------------------------------------------------------------------------------------


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def to_markdown(d: Digest) -> str:
    """A digest to paste into a report: one section per speaker, then the sanctions timeline, all escaped."""
    lines = ["# Digest", "", esc_md(_heading(d)), "", "## Who said what", ""]
    for sp in d.speakers:
        lines += [f"### {esc_md(sp.name)}", ""]
        if sp.spellings:
            lines += [f"*Also written: {esc_md(', '.join(sp.spellings))}*", ""]
        lines += [_md_row(_heads(_SAID_COLUMNS)), _md_row(["---"] * len(_SAID_COLUMNS))]
        for s in sp.said:
            st = s.statement
            cells = [s.when.label(), _kind(st), st.target, st.content, _sources(s.sources)]
            lines.append(_md_row([esc_md(c) for c in cells]))
        lines.append("")
    if d.sanctions:
        lines += ["## Sanctions timeline", ""]
        lines += [_md_row(_heads(_IMPOSED_COLUMNS)), _md_row(["---"] * len(_IMPOSED_COLUMNS))]
        for i in d.sanctions:
            sa = i.sanction
            cells = [
                i.when.label(),
                sa.authority,
                sa.action,
                target_count(sa),
                target_names(sa),
                countries(sa),
                _sources(i.sources),
            ]
            lines.append(_md_row([esc_md(c) for c in cells]))
        lines.append("")
    lines += ["---", "", "*Dates marked (period) are the bulletin's period: the bulletin gave no day.*", ""]
    return "\n".join(lines)


# --- HTML ---------------------------------------------------------------------------------------------------------

_DIGEST_CSS = """
.also{color:var(--muted);font-size:12.5px;margin:-4px 0 8px}
.toc ol{columns:3 220px}
.c-src{width:14%;color:var(--muted);font-size:12.5px}
.approx{color:var(--muted)}
"""


def _date_td(when: When) -> str:
    return td(when.label(), "c-date approx" if when.approximate else "c-date")


def _said_row(s: Said) -> str:
    st = s.statement
    modality = muted(st.modality) if st.modality != "asserted" else ""
    kind = f"<td>{stype_pill(st.statement_type)}{modality}</td>"
    cells = [kind, td(squash(st.target)), td(squash(st.content), "c-text"), td(_sources(s.sources), "c-src")]
    return f"<tr>{_date_td(s.when)}{''.join(cells)}</tr>"


def _imposed_row(i: Imposed) -> str:
    sa = i.sanction
    cells = [
        td(squash(sa.authority)),
        f"<td>{action_pill(sa.action)}</td>",
        td(target_count(sa)),
        td(target_names(sa)),
        td(countries(sa)),
        td(_sources(i.sources), "c-src"),
    ]
    return f"<tr>{_date_td(i.when)}{''.join(cells)}</tr>"


def to_html(d: Digest) -> str:
    """One self-contained page (inline CSS, no script, nothing fetched); every value goes through html.escape."""
    toc = "".join(
        f'<li><a href="#sp{n}">{esc(sp.name)}</a> <span class="muted">{len(sp.said)}</span></li>'
        for n, sp in enumerate(d.speakers)
    )
    sections = []
    for n, sp in enumerate(d.speakers):
        also = f'<p class="also">Also written: {esc(", ".join(sp.spellings))}</p>' if sp.spellings else ""
        sections.append(
            f'<section class="card" id="sp{n}"><h3 class="part">{esc(sp.name)}{count_badge(len(sp.said))}</h3>'
            f"{also}{items_table(_heads(_SAID_COLUMNS), map(_said_row, sp.said))}</section>"
        )
    timeline = ""
    if d.sanctions:
        timeline = (
            '<section class="card" id="sanctions"><h3 class="part">Sanctions timeline'
            f"{count_badge(len(d.sanctions))}</h3>"
            f"{items_table(_heads(_IMPOSED_COLUMNS), map(_imposed_row, d.sanctions))}</section>"
        )
    body = f"""<div class="masthead"><h1>Digest</h1><span class="gen">{esc(_heading(d))}</span></div>
<nav class="toc"><div class="lbl">Who said what</div><ol>{toc}</ol>
{'<a href="#sanctions">Sanctions timeline</a>' if d.sanctions else ""}</nav>
{"".join(sections)}
{timeline}
<p class="foot">Self-contained page: nothing is loaded from the network. Dates marked (period) are the bulletin's
period: the bulletin gave no day.</p>"""
    return page(f"Digest: {_heading(d)}", body, css=_DIGEST_CSS)


def render(d: Digest, fmt: str) -> str:
    """The digest as text in ``fmt`` (one of :data:`FORMATS`); the table is laid out 140 columns wide."""
    if fmt == "md":
        return to_markdown(d)
    if fmt == "html":
        return to_html(d)
    with open(os.devnull, "w") as sink:
        console = Console(record=True, width=140, file=sink)
        to_table(d, console)
    return console.export_text()


__all__ = ["FORMATS", "Digest", "DigestError", "Imposed", "Said", "Speaker", "build", "load_dir", "render", "to_table"]

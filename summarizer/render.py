"""Turn a :class:`~summarizer.models.Summary` into what people read: JSON, a terminal view, a Markdown brief, HTML.

Every renderer treats bulletin text and extracted fields as hostile: bulletins are scraped from the web and an LLM
may echo anything it was given, so values are escaped for the target format (HTML entities, Markdown backslashes,
rich ``Text`` objects instead of markup strings) rather than trusted.

The HTML report is one self-contained file (inline CSS and JS, no network access, locked down by a CSP meta tag) so
it can be mailed, archived or opened on an air-gapped workstation and still look the same.
"""

from __future__ import annotations

import html
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from summarizer.models import STATEMENT_TYPES, Evidence, Sanction, Statement, Summary

__all__ = ["to_html", "to_json", "to_markdown", "to_table"]

# --------------------------------------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------------------------------------

_KINDS: dict[str, tuple[str, str, str]] = {
    # kind: (id prefix and label prefix, plural heading, singular label)
    "overview": ("OV", "Overview", "Overview point"),
    "statement": ("ST", "Statements", "Statement"),
    "sanction": ("SA", "Sanctions", "Sanction"),
}
_STATUS_MARK = {"exact": "✓", "fuzzy": "≈", "ungrounded": "✗"}


def _fmt_date(value: date | None) -> str:
    """ISO dates everywhere: unambiguous across the many locales bulletins are read in."""
    return value.isoformat() if value else ""


def _period(start: date | None, end: date | None) -> str:
    """One date for single-day documents, a range otherwise."""
    if start and end and start != end:
        return f"{start.isoformat()} – {end.isoformat()}"
    return _fmt_date(start or end)


def _citation(outlet: str | None, when: date | None) -> str:
    """``Tasnim, 2020-04-02``: the form analysts paste after a claim; empty when the bulletin gave no source."""
    return ", ".join(part for part in (_squash(outlet), _fmt_date(when)) if part)


def _statement_citation(st: Statement) -> str:
    return _citation(st.cited_outlet, st.cited_date or st.said_on)


def _sanction_citation(sa: Sanction) -> str:
    return _citation(sa.cited_outlet, sa.announced_on)


def _squash(value: str | None) -> str:
    """Collapse whitespace so a stray newline in a field cannot break a table row or a Markdown list item."""
    return " ".join(value.split()) if value else ""


def _statement_date(st: Statement) -> date | None:
    return st.said_on or st.cited_date


def _sanction_targets(sa: Sanction) -> str:
    """Stated count first (it is what the source says), then the named targets."""
    names = ", ".join(_squash(t.name) for t in sa.targets)
    count = str(sa.target_count) if sa.target_count is not None else ""
    if count and names:
        return f"{count} (incl. {names})"
    return count or names


def _is_placeable(ev: Evidence, text: str) -> bool:
    """Whether a span can be highlighted: grounded and inside the text (pipeline bugs must not crash the report)."""
    return ev.status != "ungrounded" and 0 <= ev.start < ev.end <= len(text)


def to_json(summary: Summary) -> str:
    """The contract as pretty JSON; indented because people diff and read these files, not just machines."""
    return summary.model_dump_json(indent=2)


# --------------------------------------------------------------------------------------------------------------------
# Terminal
# --------------------------------------------------------------------------------------------------------------------


def to_table(summary: Summary, console: Console) -> None:
    """Print a rich view of ``summary`` on ``console``.

    Cells are ``Text`` objects, never markup strings, so a bulletin containing ``[bold]`` or ``[/]`` prints as
    written instead of restyling (or crashing) the output.
    """
    b = summary.bulletin
    header = Text()
    header.append(_squash(b.title) or "Untitled bulletin", style="bold")
    for label, value in (
        ("Publisher", _squash(b.publisher)),
        ("Period", _period(b.period_start, b.period_end)),
        ("Editor", _squash(b.editor)),
        ("Source", _squash(b.source)),
    ):
        if value:
            header.append(f"\n{label}: ", style="dim")
            header.append(value)
    console.print(Panel(header, title="Bulletin", title_align="left", border_style="blue"))

    if summary.overview:
        lines = Text()
        for n, point in enumerate(summary.overview, 1):
            if n > 1:
                lines.append("\n")
            lines.append(f"{n:>2}. ", style="bold")
            lines.append(_squash(point.text), style="dim strike" if point.evidence.status == "ungrounded" else "")
        console.print(Panel(lines, title="Overview", title_align="left", border_style="cyan"))

    if summary.statements:
        table = Table(title="Statements", title_justify="left", show_lines=True, expand=True, header_style="bold")
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("Speaker", ratio=3, min_width=16, overflow="fold")
        table.add_column("Role", ratio=3, overflow="fold")
        table.add_column("Type", no_wrap=True)
        table.add_column("Statement", ratio=6, overflow="fold")
        table.add_column("Target", ratio=3, min_width=12, overflow="fold")
        table.add_column("Date", no_wrap=True)
        table.add_column("Outlet", ratio=2, min_width=8, overflow="fold")
        for n, st in enumerate(summary.statements, 1):
            style = "dim" if st.evidence.status == "ungrounded" else ""
            table.add_row(
                Text(f"{n}{_STATUS_MARK[st.evidence.status]}"),
                Text(_squash(st.speaker), style="bold"),
                Text(", ".join(p for p in (_squash(st.role), _squash(st.affiliation)) if p)),
                Text(st.statement_type.replace("_", " ")),
                Text(_squash(st.content)),
                Text(_squash(st.target)),
                Text(_fmt_date(_statement_date(st))),
                Text(_squash(st.cited_outlet)),
                style=style,
            )
        console.print(table)

    if summary.sanctions:
        table = Table(title="Sanctions", title_justify="left", show_lines=True, expand=True, header_style="bold")
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("Authority", ratio=2, overflow="fold")
        table.add_column("Action", no_wrap=True)
        table.add_column("Date", no_wrap=True)
        table.add_column("Count / targets", ratio=2, overflow="fold")
        table.add_column("Countries", ratio=1, min_width=9, overflow="fold")
        table.add_column("Reasons", ratio=5, overflow="fold")
        for n, sa in enumerate(summary.sanctions, 1):
            table.add_row(
                Text(f"{n}{_STATUS_MARK[sa.evidence.status]}"),
                Text(_squash(sa.authority), style="bold"),
                Text(sa.action),
                Text(_fmt_date(sa.announced_on)),
                Text(_sanction_targets(sa)),
                Text(", ".join(_squash(c) for c in sa.target_countries)),
                Text("; ".join(_squash(r) for r in sa.reasons)),
                style="dim" if sa.evidence.status == "ungrounded" else "",
            )
        console.print(table)

    if not (summary.overview or summary.statements or summary.sanctions):
        console.print(Text("Nothing was extracted from this bulletin.", style="yellow"))

    console.print(Text(_footer(summary), style="dim"))


def _footer(summary: Summary) -> str:
    """Provenance in one line, so a pasted screenshot or log still says how the numbers were produced."""
    p = summary.provenance
    u, g = p.usage, p.grounding
    parts = [f"backend {p.backend}", f"model {p.model or '—'}"]
    if p.prompt_version:
        parts.append(f"prompt {p.prompt_version}")
    tokens = f"tokens {u.prompt_tokens:,} in / {u.completion_tokens:,} out ({u.calls} calls, {u.cached_calls} cached)"
    parts.append(tokens)
    if u.cost_usd is not None:
        parts.append(f"${u.cost_usd:.4f}")
    parts.append(f"grounding {g.exact} exact / {g.fuzzy} fuzzy / {g.dropped} dropped")
    return " · ".join(parts)


# --------------------------------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def _md(value: str | None) -> str:
    """Backslash-escape Markdown syntax and raw HTML so bulletin text stays text wherever the brief is pasted."""
    return _MD_SPECIAL.sub(r"\\\1", _squash(value))


def _md_cite(citation: str) -> str:
    return f" — {_md(citation)}" if citation else ""


def _md_statement(st: Statement) -> str:
    who = f"**{_md(st.speaker)}**"
    role = ", ".join(p for p in (_md(st.role), _md(st.affiliation)) if p)
    if role:
        who += f" ({role})"
    kind = st.statement_type.replace("_", " ")
    extra = "" if st.modality == "asserted" else f", {st.modality}"
    target = f" → {_md(st.target)}" if st.target else ""
    return f"- {who} *\\[{kind}{extra}{target}\\]*: {_md(st.content)}{_md_cite(_statement_citation(st))}"


def _md_sanction(sa: Sanction) -> str:
    head = f"**{_md(sa.authority)}** — {sa.action}"
    targets = _sanction_targets(sa)
    if targets:
        head += f" {_md(targets)} target{'s' if sa.target_count != 1 else ''}"
    if sa.target_countries:
        head += f" in {_md(', '.join(sa.target_countries))}"
    if sa.announced_on:
        head += f" ({sa.announced_on.isoformat()})"
    details = []
    if sa.reasons:
        details.append("for " + "; ".join(_md(r) for r in sa.reasons))
    if sa.beneficiaries:
        details.append("benefiting " + ", ".join(_md(x) for x in sa.beneficiaries))
    if sa.programs:
        details.append("under " + ", ".join(_md(x) for x in sa.programs))
    body = (": " + ", ".join(details)) if details else ""
    return f"- {head}{body}{_md_cite(_sanction_citation(sa))}"


def to_markdown(summary: Summary) -> str:
    """A one-page brief an analyst can paste into a report.

    Items whose evidence could not be found in the bulletin are kept, but only in a final "Unverified" list: a brief
    must not present them as facts, and silently dropping them would hide extraction problems.
    """
    b = summary.bulletin
    lines = [f"# {_md(b.title) or 'Bulletin summary'}", ""]
    meta = [
        f"**{label}:** {value}"
        for label, value in (
            ("Publisher", _md(b.publisher)),
            ("Period", _period(b.period_start, b.period_end)),
            ("Editor", _md(b.editor)),
        )
        if value
    ]
    if meta:
        lines += [" · ".join(meta), ""]

    unverified: list[str] = []
    overview = [p for p in summary.overview if p.evidence.status != "ungrounded"]
    if overview:
        lines += ["## Overview", ""]
        lines += [f"{n}. {_md(p.text)}" for n, p in enumerate(overview, 1)]
        lines.append("")
    unverified += [f"- Overview: {_md(p.text)}" for p in summary.overview if p.evidence.status == "ungrounded"]

    for heading, items, fmt in (
        ("Statements", summary.statements, _md_statement),
        ("Sanctions", summary.sanctions, _md_sanction),
    ):
        grounded = [fmt(x) for x in items if x.evidence.status != "ungrounded"]  # type: ignore[arg-type]
        if grounded:
            lines += [f"## {heading}", "", *grounded, ""]
        unverified += [fmt(x) for x in items if x.evidence.status == "ungrounded"]  # type: ignore[arg-type]

    if unverified:
        lines += ["## Unverified (not found in the source text)", "", *unverified, ""]
    if not (summary.overview or summary.statements or summary.sanctions):
        lines += ["*Nothing was extracted from this bulletin.*", ""]

    lines += ["---", "", f"*{_md(_footer(summary))}*", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------------------------------

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
"""No fetches of any kind; only the page's own inline style and script. ``base-uri``/``form-action`` do not fall back
to ``default-src``, hence listed."""


def _e(value: object) -> str:
    """Escape for both element content and quoted attributes."""
    return html.escape("" if value is None else str(value), quote=True)


@dataclass(frozen=True)
class _Item:
    """One extracted record as the report sees it: where it is highlighted and how it is filtered."""

    kind: str
    uid: str
    label: str
    evidence: Evidence
    stype: str
    summary: str

    @property
    def attrs(self) -> str:
        """Attributes the filter script keys on; shared by rows, highlights and reference badges."""
        return f'data-kind="{_e(self.kind)}" data-stype="{_e(self.stype)}"'


def _items(summary: Summary, prefix: str) -> list[_Item]:
    items: list[_Item] = []
    for n, point in enumerate(summary.overview, 1):
        items.append(_Item("overview", f"{prefix}-ov{n}", f"OV{n}", point.evidence, "", _squash(point.text)))
    for n, st in enumerate(summary.statements, 1):
        text = f"{_squash(st.speaker)}: {_squash(st.content)}"
        items.append(_Item("statement", f"{prefix}-st{n}", f"ST{n}", st.evidence, st.statement_type, text))
    for n, sa in enumerate(summary.sanctions, 1):
        text = f"{_squash(sa.authority)} — {sa.action} {_sanction_targets(sa)}".strip()
        items.append(_Item("sanction", f"{prefix}-sa{n}", f"SA{n}", sa.evidence, "", text))
    return items


def _highlight(text: str, items: Sequence[_Item]) -> str:
    """Escaped source text with each item's span in ``<mark>`` elements.

    Spans may overlap arbitrarily, which nested tags cannot express, so the text is cut at every span boundary and
    each piece gets one ``<mark>`` per item covering it, nested outermost-first. Every item's marks concatenate to
    exactly its span; its first mark carries the id rows link to, and a reference badge after its last piece links
    back to the row (placed between pieces, so links never nest inside each other).
    """
    bounds = sorted({0, len(text), *(i.evidence.start for i in items), *(i.evidence.end for i in items)})
    ending: dict[int, list[_Item]] = defaultdict(list)
    for item in items:
        ending[item.evidence.end].append(item)
    # Outer marks first: earliest start, then longest span, then document order.
    ordered = sorted(items, key=lambda i: (i.evidence.start, -i.evidence.end))
    out: list[str] = []
    for a, b in itertools.pairwise(bounds):
        out += [_badge(i) for i in ending.get(a, ())]
        piece = _e(text[a:b])
        covering = [i for i in ordered if i.evidence.start <= a and b <= i.evidence.end]
        if not covering:
            out.append(piece)
            continue
        for item in covering:
            ident = f' id="{_e(item.uid)}-hl"' if item.evidence.start == a else ""
            status = f' data-status="{_e(item.evidence.status)}"'
            title = f' title="{_e(item.label)} · {_e(item.summary[:160])}"'
            out.append(
                f'<mark{ident} class="hl hl-{_e(item.kind)}" data-item="{_e(item.uid)}" {item.attrs}{status}{title}>'
            )
        out.append(piece)
        out.append("</mark>" * len(covering))
    out += [_badge(i) for i in ending.get(len(text), ())]
    return "".join(out)


def _badge(item: _Item) -> str:
    return (
        f'<a class="ref ref-{_e(item.kind)}" href="#{_e(item.uid)}" data-item="{_e(item.uid)}" {item.attrs}'
        f' title="Go to {_e(item.label)} in the table">{_e(item.label)}</a>'
    )


def _ref_cell(item: _Item, placed: bool) -> str:
    """First cell of a row: the label, linking to the highlight when there is one."""
    fuzzy = ""
    if item.evidence.status == "fuzzy":
        fuzzy = ' <span class="tag tag-fuzzy" title="Matched approximately">fuzzy</span>'
    label, kind, uid = _e(item.label), _e(item.kind), _e(item.uid)
    if placed:
        link = f'<a class="ref ref-{kind}" href="#{uid}-hl" title="Show in source">{label}</a>'
    else:
        link = f'<span class="ref ref-{kind} ref-none" title="Not in the source text">{label}</span>'
    return f'<td class="c-ref">{link}{fuzzy}</td>'


def _row(item: _Item, placed: bool, cells: Iterable[str]) -> str:
    uid = _e(item.uid)
    return f'<tr id="{uid}" data-item="{uid}" {item.attrs}>{_ref_cell(item, placed)}{"".join(cells)}</tr>'


def _td(value: object, cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f"<td{klass}>{_e(value)}</td>"


def _muted(value: str) -> str:
    return f'<div class="muted">{_e(value)}</div>' if value else ""


def _stype_pill(stype: str) -> str:
    return f'<span class="pill st-{_e(stype)}">{_e(stype.replace("_", " "))}</span>'


def _bulletin_html(summary: Summary, text: str, index: int, many: bool) -> str:
    """One bulletin: header card, then the highlighted source beside the item tables (stacked on narrow screens)."""
    prefix = f"b{index}"
    items = _items(summary, prefix)
    placed = {i.uid for i in items if _is_placeable(i.evidence, text)}
    by_uid = {i.uid: i for i in items}
    b = summary.bulletin

    overview_rows = [
        _row(by_uid[f"{prefix}-ov{n}"], True, [_td(_squash(point.text), "c-text")])
        for n, point in enumerate(summary.overview, 1)
        if f"{prefix}-ov{n}" in placed
    ]

    statement_rows = []
    for n, st in enumerate(summary.statements, 1):
        uid = f"{prefix}-st{n}"
        if uid not in placed:
            continue
        speaker = f'<td class="c-who"><strong>{_e(_squash(st.speaker))}</strong>'
        if st.speaker_canonical and st.speaker_canonical != st.speaker:
            speaker += f' <span class="muted">({_e(_squash(st.speaker_canonical))})</span>'
        speaker += _muted(", ".join(p for p in (_squash(st.role), _squash(st.affiliation)) if p)) + "</td>"
        target = f' <span class="target">→ {_e(_squash(st.target))}</span>' if st.target else ""
        facets = " · ".join(
            x
            for x in (
                f"cue: {_squash(st.cue)}" if st.cue else "",
                st.quote_type,
                "" if st.modality == "asserted" else st.modality,
            )
            if x
        )
        cited = _e(_squash(st.cited_outlet))
        if st.cited_date and st.cited_date != _statement_date(st):
            cited += _muted(_fmt_date(st.cited_date))
        statement_rows.append(
            _row(
                by_uid[uid],
                True,
                [
                    speaker,
                    f'<td class="c-text"><div class="lead">{_stype_pill(st.statement_type)}{target}</div>'
                    f"{_e(_squash(st.content))}{_muted(facets)}</td>",
                    _td(_fmt_date(_statement_date(st)), "c-date"),
                    f'<td class="c-outlet">{cited}</td>',
                ],
            )
        )

    sanction_rows = []
    for n, sa in enumerate(summary.sanctions, 1):
        uid = f"{prefix}-sa{n}"
        if uid not in placed:
            continue
        notes = []
        if sa.beneficiaries:
            notes.append("Benefiting: " + ", ".join(_squash(x) for x in sa.beneficiaries))
        if sa.programs:
            notes.append("Programmes: " + ", ".join(_squash(x) for x in sa.programs))
        reasons = "".join(f"<li>{_e(_squash(r))}</li>" for r in sa.reasons)
        reasons = f'<ul class="reasons">{reasons}</ul>' if reasons else ""
        countries = ", ".join(_squash(c) for c in sa.target_countries)
        sanction_rows.append(
            _row(
                by_uid[uid],
                True,
                [
                    f'<td class="c-who"><strong>{_e(_squash(sa.authority))}</strong>'
                    f"{_muted(_squash(sa.issuing_country))}</td>",
                    f'<td><span class="pill act-{_e(sa.action)}">{_e(sa.action)}</span></td>',
                    _td(_fmt_date(sa.announced_on), "c-date"),
                    f'<td class="c-targets">{_e(_sanction_targets(sa))}{_muted(countries)}</td>',
                    f'<td class="c-text">{reasons}{"".join(_muted(x) for x in notes)}</td>',
                    f'<td class="c-outlet">{_e(_squash(sa.cited_outlet))}</td>',
                ],
            )
        )

    dropped_rows = []
    for item in (i for i in items if i.uid not in placed):
        why = "not found in source" if item.evidence.status == "ungrounded" else "offsets outside the source text"
        quote = f'<div class="quote">“{_e(_squash(item.evidence.text))}”</div>' if item.evidence.text else ""
        dropped_rows.append(
            _row(
                item,
                False,
                [_td(_KINDS[item.kind][2]), f'<td class="c-text">{_e(item.summary)}{quote}</td>', _td(why, "c-why")],
            )
        )

    def table(kind: str, head: Sequence[str], rows: list[str]) -> str:
        if not rows:
            return ""
        ths = "".join(f"<th>{_e(h)}</th>" for h in ["Ref", *head])
        return (
            f'<h3 class="sec"><span class="swatch sw-{kind}"></span>{_e(_KINDS[kind][1])}'
            f' <span class="count">{len(rows)}</span></h3>'
            f'<div class="tablewrap"><table class="items t-{kind}"><thead><tr>{ths}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )

    tables = (
        "".join(
            [
                table("overview", ["Point"], overview_rows),
                table("statement", ["Speaker", "Statement", "Date", "Outlet"], statement_rows),
                table("sanction", ["Authority", "Action", "Date", "Targets", "Reasons", "Outlet"], sanction_rows),
            ]
        )
        or '<p class="empty">No grounded items were extracted from this bulletin.</p>'
    )
    dropped_html = ""
    if dropped_rows:
        dropped_html = (
            '<section class="card dropped"><h3 class="part">Ungrounded / dropped'
            f' <span class="count">{len(dropped_rows)}</span></h3>'
            '<p class="note">Extracted, but the evidence could not be located in the bulletin text. Not highlighted;'
            " verify before use.</p>"
            '<div class="tablewrap"><table class="items t-dropped"><thead><tr><th>Ref</th><th>Record</th>'
            f"<th>Content and claimed evidence</th><th>Reason</th></tr></thead><tbody>{''.join(dropped_rows)}"
            "</tbody></table></div></section>"
        )

    meta = "".join(
        f"<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>"
        for k, v in (
            ("Publisher", _squash(b.publisher)),
            ("Period", _period(b.period_start, b.period_end)),
            ("Editor", _squash(b.editor)),
            ("Source", _squash(b.source)),
            ("Language", b.language),
        )
        if v
    )
    p, g, u = summary.provenance, summary.provenance.grounding, summary.provenance.usage

    def v(value: object) -> str:
        return f"<span class='v'>{_e(value)}</span>"

    chips = [f"backend {v(p.backend)}", f"model {v(p.model or '—')}"]
    if p.prompt_version:
        chips.append(f"prompt {v(p.prompt_version)}")
    chips.append(f"tokens {v(f'{u.prompt_tokens:,}')} in / {v(f'{u.completion_tokens:,}')} out")
    chips.append(f"grounding {v(g.exact)} exact · {v(g.fuzzy)} fuzzy · {v(g.dropped)} dropped")
    if b.sha256:
        chips.append(f"sha256 <span class='v' title='{_e(b.sha256)}'>{_e(b.sha256[:12])}</span>")

    number = f'<span class="bnum">Bulletin {index + 1}</span>' if many else ""
    marked = _highlight(text, [i for i in items if i.uid in placed])
    return f"""
<article class="bulletin" id="{prefix}">
  <header class="card head">
    {number}<h2>{_e(_squash(b.title) or "Untitled bulletin")}</h2>
    <dl class="meta">{meta}</dl>
    <p class="prov">{" <span class='sep'>|</span> ".join(chips)}</p>
  </header>
  <div class="split">
    <section class="card source" aria-label="Source text">
      <h3 class="part">Source text <span class="hint">click a highlight or its badge to jump to the row</span></h3>
      <div class="text">{marked}</div>
    </section>
    <div class="side">
      <section class="card extracted"><h3 class="part">Extracted items</h3>{tables}</section>
      {dropped_html}
    </div>
  </div>
</article>"""


def _filters(all_items: Sequence[_Item]) -> str:
    """Checkboxes for record and statement types (only those present, with counts) plus the colour legend."""
    kinds = Counter(i.kind for i in all_items)
    stypes = Counter(i.stype for i in all_items if i.kind == "statement")
    kind_boxes = "".join(
        f'<label class="chk"><input type="checkbox" data-filter="kind" value="{kind}" checked>'
        f'{_e(heading)} <span class="n">{kinds.get(kind, 0)}</span></label>'
        for kind, (_, heading, _) in _KINDS.items()
    )
    present = [s for s in STATEMENT_TYPES if s in stypes] + sorted(s for s in stypes if s not in STATEMENT_TYPES)
    stype_boxes = (
        "".join(
            f'<label class="chk"><input type="checkbox" data-filter="stype" value="{_e(s)}" checked>'
            f'{_stype_pill(s)} <span class="n">{stypes[s]}</span></label>'
            for s in present
        )
        or '<span class="muted">none</span>'
    )
    return f"""
<div class="toolbar" role="region" aria-label="Filters and legend">
  <fieldset><legend>Record type</legend>{kind_boxes}</fieldset>
  <fieldset><legend>Statement type</legend>{stype_boxes}</fieldset>
  <fieldset class="legend"><legend>Legend</legend>
    <span class="lg"><mark class="hl hl-overview">Overview</mark></span>
    <span class="lg"><mark class="hl hl-statement">Statement</mark></span>
    <span class="lg"><mark class="hl hl-sanction">Sanction</mark></span>
    <span class="lg"><mark class="hl hl-statement" data-status="fuzzy">fuzzy match</mark></span>
    <span class="lg"><mark class="hl hl-overview"><mark class="hl hl-statement">overlap</mark></mark></span>
    <span class="lg"><span class="ref ref-statement">ST1</span> link to row</span>
  </fieldset>
  <div class="status" id="filter-status" aria-live="polite"></div>
</div>"""


_CSS = """
:root{--ink:#1d2530;--muted:#5f6b7a;--line:#e3e7ec;--bg:#f3f4f6;--card:#fff;--accent:#2f4a6d;
--ov:#4f79a8;--ov-bg:rgba(79,121,168,.15);--st:#b58328;--st-bg:rgba(222,168,62,.22);
--sa:#a24d5c;--sa-bg:rgba(170,80,96,.14);--focus:#ffe38f}
*{box-sizing:border-box}
html{scroll-behavior:smooth}
body{margin:0;background:var(--bg);color:var(--ink);
font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;
-webkit-font-smoothing:antialiased}
[id]{scroll-margin-top:16px}
mark[id]{scroll-margin-top:72px}
.page{max-width:1560px;margin:0 auto;padding:0 24px 40px}
.masthead{display:flex;align-items:baseline;justify-content:space-between;padding:22px 2px 12px;gap:16px}
.masthead h1{font-size:19px;font-weight:650;margin:0;letter-spacing:-.01em}
.masthead .gen{color:var(--muted);font-size:12.5px}
.toolbar{display:flex;flex-wrap:wrap;gap:8px 28px;align-items:flex-start;background:var(--card);
border:1px solid var(--line);border-radius:10px;padding:10px 16px;margin-bottom:14px;
box-shadow:0 1px 2px rgba(16,24,40,.04)}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend,.lbl{font-size:10.5px;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);font-weight:600;
padding:0;margin-bottom:4px}
.chk{display:inline-flex;align-items:center;gap:6px;margin:0 12px 3px 0;cursor:pointer;font-size:13px;
white-space:nowrap}
.chk input{margin:0;accent-color:var(--accent)}
.chk .n{color:var(--muted);font-size:11.5px;font-variant-numeric:tabular-nums}
.legend .lg{margin-right:10px;font-size:12.5px;color:var(--muted);white-space:nowrap}
.legend mark.hl{cursor:auto;padding:1px 3px}
.status{margin-left:auto;align-self:center;color:var(--muted);font-size:12.5px;font-variant-numeric:tabular-nums}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:7px;vertical-align:0}
.sw-overview{background:var(--ov)}.sw-statement{background:var(--st)}.sw-sanction{background:var(--sa)}
.toc{margin:0 0 14px;padding:12px 16px;background:var(--card);border:1px solid var(--line);border-radius:10px}
.toc ol{margin:4px 0 0;padding-left:22px}
.toc a{color:var(--accent)}
.bulletin{margin-bottom:30px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin-bottom:14px;
box-shadow:0 1px 2px rgba(16,24,40,.04)}
.head h2{margin:2px 0 10px;font-size:22px;line-height:1.25;font-weight:680;letter-spacing:-.015em}
.bnum{font-size:11px;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);font-weight:600}
.meta{display:flex;flex-wrap:wrap;gap:6px 30px;margin:0 0 10px}
.meta dt{font-size:10.5px;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);font-weight:600}
.meta dd{margin:0;font-size:13.5px}
.prov{margin:0;padding-top:10px;border-top:1px solid var(--line);color:var(--muted);font-size:12px}
.prov .v{color:var(--ink);font-weight:600;font-variant-numeric:tabular-nums}
.prov .sep{color:#c8ced6;margin:0 5px}
.split{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,7fr);gap:14px;align-items:start}
.split>.card,.side>.card{margin-bottom:14px}
.source{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto}
h3.part{margin:0 0 10px;font-size:14.5px;font-weight:650}
h3.part .hint{font-weight:400;color:var(--muted);font-size:12px;margin-left:6px}
h3.sec{margin:18px 0 6px;font-size:11.5px;text-transform:uppercase;letter-spacing:.07em;color:#3c4757;font-weight:650}
.extracted h3.sec:first-of-type{margin-top:6px}
.count{display:inline-block;min-width:20px;padding:0 6px;margin-left:4px;border-radius:9px;background:#eef0f3;
color:var(--muted);font-size:11px;font-weight:600;text-align:center;letter-spacing:0;vertical-align:1px}
.tablewrap{overflow-x:auto}
table.items{width:100%;border-collapse:collapse;font-size:13px}
.items th{text-align:left;font-size:10.5px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);
font-weight:600;padding:6px 8px;border-bottom:1px solid #d5dae1;white-space:nowrap;background:#fafbfc}
.items td{padding:8px;border-bottom:1px solid var(--line);vertical-align:top}
.items tbody tr:last-child td{border-bottom:0}
.items tbody tr:hover td{background:#f8f9fb}
.items tr:target td,.items tr.is-target td,.items tr.is-active td{background:#fff7dc}
.items tr.is-off,.ref.is-off{display:none}
.c-ref{white-space:nowrap;width:1%}
.c-date{white-space:nowrap;font-variant-numeric:tabular-nums;width:1%}
.c-who{width:24%}
.c-outlet{width:11%}
.t-sanction .c-who{width:17%}.t-sanction .c-text{width:32%}.c-targets{width:22%}
.muted{color:var(--muted);font-size:12px}
.lead{margin-bottom:2px}
.target{color:var(--muted);font-size:12.5px;margin-left:4px}
.c-why{color:var(--sa);white-space:nowrap}
.reasons{margin:0;padding-left:16px}
.quote{margin-top:4px;color:var(--muted);font-style:italic}
.pill{display:inline-block;padding:0 8px;border-radius:10px;font-size:11.5px;line-height:18px;white-space:nowrap;
background:#eef0f3;color:#3c4757}
.st-threaten{background:#f6e4da;color:#8a3f1c}.st-accuse_condemn{background:#f5e0e0;color:#8b2e36}
.st-demand_appeal{background:#ece5f4;color:#5b3a80}.st-reject_deny{background:#e4e8ef;color:#3b4a63}
.st-praise_support{background:#e2efe5;color:#2f6a3f}.st-intent_to_cooperate{background:#ddefed;color:#22615d}
.st-claim_responsibility{background:#f2e1ea;color:#7c2c55}.st-assessment{background:#e3ebf5;color:#2f5480}
.st-neutral{background:#eef0f3;color:#4b5563}
.act-designate{background:#f5e0e0;color:#8b2e36}.act-delist{background:#e2efe5;color:#2f6a3f}
.act-amend{background:#e3ebf5;color:#2f5480}.act-threaten{background:#f6e4da;color:#8a3f1c}
.tag{display:inline-block;margin-left:4px;padding:0 4px;border-radius:4px;font-size:10px;line-height:16px}
.tag-fuzzy{border:1px dashed var(--muted);color:var(--muted)}
a.ref,span.ref{display:inline-block;font:600 10.5px/16px ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",
monospace;padding:0 5px;border-radius:4px;text-decoration:none;border:1px solid currentColor;background:#fff}
.ref-overview{color:var(--ov)}.ref-statement{color:var(--st)}.ref-sanction{color:var(--sa)}
.ref-none{opacity:.75;border-style:dashed}
a.ref:hover{background:#f4f5f7}
.text a.ref{margin:0 2px;vertical-align:2px;font-size:9.5px;line-height:14px;padding:0 3px}
.source .text{white-space:pre-wrap;overflow-wrap:anywhere;
font:15px/1.7 Charter,"Bitstream Charter","Iowan Old Style","Palatino Linotype",Georgia,"Noto Serif","DejaVu Serif",
serif;color:#242c37}
mark.hl{color:inherit;border-radius:2px;padding:1px 0;cursor:pointer;transition:background .15s}
mark.hl-overview{background:var(--ov-bg);box-shadow:inset 0 -2px 0 var(--ov)}
mark.hl-statement{background:var(--st-bg);box-shadow:inset 0 -2px 0 var(--st)}
mark.hl-sanction{background:var(--sa-bg);box-shadow:inset 0 -2px 0 var(--sa)}
mark.hl[data-status="fuzzy"]{box-shadow:none;border-bottom:2px dashed var(--muted)}
mark.hl.is-off{background:transparent;box-shadow:none;border-bottom:0;cursor:auto}
mark.hl.is-active,mark.hl.is-target,mark.hl:target{background:var(--focus);box-shadow:inset 0 -2px 0 #c99a06}
.dropped{border-color:#ecd6da;background:#fffbfb}
.dropped .note{margin:0 0 8px;color:var(--muted);font-size:12.5px}
.empty{color:var(--muted)}
.foot{color:var(--muted);font-size:12px;text-align:center;margin-top:8px}
@media (max-width:1100px){.split{grid-template-columns:minmax(0,1fr)}
.source{position:static;max-height:none;order:2}}
@media print{.split{grid-template-columns:minmax(0,1fr)}.source{position:static;max-height:none;overflow:visible}
.card{box-shadow:none}.toolbar{display:none}html{scroll-behavior:auto}}
"""

# Plain ES5-style DOM code: no libraries, no network, works from file://. It only reads attributes the renderer
# wrote (data-kind, data-stype, data-item) and never turns document text into HTML.
_JS = """
(function () {
  "use strict";
  var body = document.body;
  window.addEventListener("error", function () { body.setAttribute("data-js-error", "1"); });
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-kind][data-item]"));
  var rows = items.filter(function (el) { return el.tagName === "TR"; });
  var status = document.getElementById("filter-status");

  function selected(group) {
    var set = {};
    boxes.forEach(function (box) {
      if (box.getAttribute("data-filter") === group && box.checked) { set[box.value] = true; }
    });
    return set;
  }
  function apply() {
    var kinds = selected("kind"), stypes = selected("stype"), shown = 0;
    items.forEach(function (el) {
      var kind = el.getAttribute("data-kind");
      var on = kinds[kind] === true && (kind !== "statement" || stypes[el.getAttribute("data-stype")] === true);
      el.classList.toggle("is-off", !on);
      if (on && el.tagName === "TR") { shown += 1; }
    });
    if (status) { status.textContent = "Showing " + shown + " of " + rows.length + " items"; }
  }
  // Links such as report.html?kind=statement&stype=threaten open with only those boxes ticked.
  var params = new URLSearchParams(window.location.search);
  ["kind", "stype"].forEach(function (group) {
    var wanted = params.getAll(group);
    if (wanted.length === 0) { return; }
    boxes.forEach(function (box) {
      if (box.getAttribute("data-filter") === group) { box.checked = wanted.indexOf(box.value) !== -1; }
    });
  });
  boxes.forEach(function (box) { box.addEventListener("change", apply); });

  function related(uid) {
    return document.querySelectorAll('[data-item="' + uid.replace(/[^A-Za-z0-9_-]/g, "") + '"]');
  }
  function activate(uid, on) {
    Array.prototype.forEach.call(related(uid), function (el) {
      if (el.tagName === "MARK" || el.tagName === "TR") { el.classList.toggle("is-active", on); }
    });
  }
  items.forEach(function (el) {
    var uid = el.getAttribute("data-item");
    if (el.tagName === "TR" || el.tagName === "MARK") {
      el.addEventListener("mouseenter", function () { activate(uid, true); });
      el.addEventListener("mouseleave", function () { activate(uid, false); });
    }
    if (el.tagName === "MARK") {
      el.addEventListener("click", function (ev) {
        if (el.classList.contains("is-off")) { return; }
        ev.stopPropagation();
        window.location.hash = uid;
      });
    }
  });
  // A fragment names a row ("b0-st3") or its first highlight ("b0-st3-hl"); focus every piece of that item,
  // since overlapping spans split one item's highlight into several marks.
  var focused = [];
  function focusFromHash() {
    focused.forEach(function (el) { el.classList.remove("is-target"); });
    var uid = decodeURIComponent(window.location.hash.slice(1)).replace(/-hl$/, "");
    focused = uid ? Array.prototype.slice.call(related(uid)) : [];
    focused.forEach(function (el) { el.classList.add("is-target"); });
  }
  window.addEventListener("hashchange", focusFromHash);
  focusFromHash();
  apply();
  body.setAttribute("data-report-ready", String(rows.length));
})();
"""


def to_html(items: list[tuple[Summary, str]]) -> str:
    """One self-contained HTML report for one or many bulletins.

    ``items`` pairs each summary with the normalised text its offsets point into. Each bulletin gets its header,
    its items in tables (ungrounded ones in a separate section), and its source text with every grounded span
    highlighted and cross-linked to its row. Ids are prefixed per bulletin (``b0-st3``) so many fit in one page.
    """
    many = len(items) > 1
    all_items: list[_Item] = []
    sections = []
    for index, (summary, text) in enumerate(items):
        all_items += _items(summary, f"b{index}")
        sections.append(_bulletin_html(summary, text, index, many))
    if len(items) == 1:
        title = f"{_squash(items[0][0].bulletin.title) or 'Bulletin'} — summary"
    else:
        title = f"{len(items)} bulletin summaries"
    toc = ""
    if many:
        links = "".join(
            f'<li><a href="#b{n}">{_e(_squash(s.bulletin.title) or "Untitled bulletin")}</a>'
            f' <span class="muted">{_e(_period(s.bulletin.period_start, s.bulletin.period_end))}</span></li>'
            for n, (s, _) in enumerate(items)
        )
        toc = f'<nav class="toc"><div class="lbl">Bulletins</div><ol>{links}</ol></nav>'
    backends = sorted({s.provenance.backend for s, _ in items})
    generated = f"Generated by summarizer · backend {', '.join(backends)}" if backends else "Generated by summarizer"
    body = f"""<div class="masthead"><h1>{_e(title)}</h1><span class="gen">{_e(generated)}</span></div>
{_filters(all_items)}
{toc}
{"".join(sections) or '<p class="empty">No bulletins.</p>'}
<p class="foot">Self-contained report: no external resources are loaded. Offsets refer to the normalised text.</p>"""
    return page(title, body, script=_JS)


def page(title: str, body: str, *, css: str = "", script: str = "", csp: str = CSP) -> str:
    """A self-contained HTML page: inline CSS and script only, under a CSP that forbids every fetch."""
    tail = f"<script>{script}</script>\n" if script else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_e(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title>
<style>{_CSS}{css}</style>
</head>
<body>
<div class="page">
{body}
</div>
{tail}</body>
</html>
"""

"""The HTML report: each bulletin's source text, every grounded span highlighted, beside its items in tables.

A highlight, its table row and its reference badges are cross-linked by id, so a reader can go from a claim to its
evidence and back; ``static/report.js`` filters them by record and statement type. Items whose evidence is not in
the text get their own section: shown, so extraction problems stay visible, but never highlighted.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from summarizer.models import STATEMENT_TYPES, Evidence, OverviewPoint, Sanction, Statement, Summary

from .htmlpage import action_pill, asset, count_badge, items_table, muted, page, stype_pill, td
from .text import countries, esc, fmt_date, period, sanction_targets, squash, statement_date

__all__ = ["to_html"]


@dataclass(frozen=True)
class _Kind:
    """How one record type appears: ids and labels (``ST3``), headings, and its table's columns after ``Ref``."""

    code: str
    heading: str
    singular: str
    columns: tuple[str, ...]


_KINDS: dict[str, _Kind] = {
    "overview": _Kind("OV", "Overview", "Overview point", ("Point",)),
    "statement": _Kind("ST", "Statements", "Statement", ("Speaker", "Statement", "Date", "Outlet")),
    "sanction": _Kind("SA", "Sanctions", "Sanction", ("Authority", "Action", "Date", "Targets", "Reasons", "Outlet")),
}


@dataclass(frozen=True)
class _Item:
    """One extracted record as the report sees it: where it is highlighted and how it is filtered."""

    kind: str
    uid: str
    label: str
    evidence: Evidence
    stype: str
    summary: str
    record: OverviewPoint | Statement | Sanction = field(compare=False)

    @property
    def attrs(self) -> str:
        """Attributes the filter script keys on; shared by rows, highlights and reference badges."""
        return f'data-kind="{esc(self.kind)}" data-stype="{esc(self.stype)}"'


def _items(summary: Summary, prefix: str) -> list[_Item]:
    """Every record of one bulletin, numbered per kind (``b0-st3`` / ``ST3``), in document order per kind."""
    records: list[tuple[str, Sequence[OverviewPoint | Statement | Sanction]]] = [
        ("overview", summary.overview),
        ("statement", summary.statements),
        ("sanction", summary.sanctions),
    ]
    items: list[_Item] = []
    for kind, found in records:
        code = _KINDS[kind].code
        for n, record in enumerate(found, 1):
            uid, label = f"{prefix}-{code.lower()}{n}", f"{code}{n}"
            items.append(_Item(kind, uid, label, record.evidence, _stype(record), _gist(record), record))
    return items


def _stype(record: OverviewPoint | Statement | Sanction) -> str:
    return record.statement_type if isinstance(record, Statement) else ""


def _gist(record: OverviewPoint | Statement | Sanction) -> str:
    """One line naming the record: a highlight's tooltip, and the content of a dropped item's row."""
    if isinstance(record, Statement):
        return f"{squash(record.speaker)}: {squash(record.content)}"
    if isinstance(record, Sanction):
        return f"{squash(record.authority)} — {record.action} {sanction_targets(record)}".strip()
    return squash(record.text)


def _is_placeable(ev: Evidence, text: str) -> bool:
    """Whether a span can be highlighted: grounded and inside the text (pipeline bugs must not crash the report)."""
    return ev.status != "ungrounded" and 0 <= ev.start < ev.end <= len(text)


# --- source pane ----------------------------------------------------------------------------------------------------


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
        piece = esc(text[a:b])
        covering = [i for i in ordered if i.evidence.start <= a and b <= i.evidence.end]
        if not covering:
            out.append(piece)
            continue
        for item in covering:
            ident = f' id="{esc(item.uid)}-hl"' if item.evidence.start == a else ""
            status = f' data-status="{esc(item.evidence.status)}"'
            title = f' title="{esc(item.label)} · {esc(item.summary[:160])}"'
            out.append(
                f'<mark{ident} class="hl hl-{esc(item.kind)}" data-item="{esc(item.uid)}" {item.attrs}{status}{title}>'
            )
        out.append(piece)
        out.append("</mark>" * len(covering))
    out += [_badge(i) for i in ending.get(len(text), ())]
    return "".join(out)


def _badge(item: _Item) -> str:
    return (
        f'<a class="ref ref-{esc(item.kind)}" href="#{esc(item.uid)}" data-item="{esc(item.uid)}" {item.attrs}'
        f' title="Go to {esc(item.label)} in the table">{esc(item.label)}</a>'
    )


def _source_pane(text: str, placed: Sequence[_Item]) -> str:
    return (
        '<section class="card source" aria-label="Source text">\n'
        '      <h3 class="part">Source text <span class="hint">click a highlight or its badge to jump to the row</span>'
        "</h3>\n"
        f'      <div class="text">{_highlight(text, placed)}</div>\n'
        "    </section>"
    )


# --- item tables ----------------------------------------------------------------------------------------------------


def _ref_cell(item: _Item, placed: bool) -> str:
    """First cell of a row: the label, linking to the highlight when there is one."""
    fuzzy = ""
    if item.evidence.status == "fuzzy":
        fuzzy = ' <span class="tag tag-fuzzy" title="Matched approximately">fuzzy</span>'
    label, kind, uid = esc(item.label), esc(item.kind), esc(item.uid)
    if placed:
        link = f'<a class="ref ref-{kind}" href="#{uid}-hl" title="Show in source">{label}</a>'
    else:
        link = f'<span class="ref ref-{kind} ref-none" title="Not in the source text">{label}</span>'
    return f'<td class="c-ref">{link}{fuzzy}</td>'


def _row(item: _Item, placed: bool, cells: Iterable[str]) -> str:
    uid = esc(item.uid)
    return f'<tr id="{uid}" data-item="{uid}" {item.attrs}>{_ref_cell(item, placed)}{"".join(cells)}</tr>'


def _statement_cells(st: Statement) -> list[str]:
    speaker = f'<td class="c-who"><strong>{esc(squash(st.speaker))}</strong>'
    if st.speaker_canonical and st.speaker_canonical != st.speaker:
        speaker += f' <span class="muted">({esc(squash(st.speaker_canonical))})</span>'
    speaker += muted(", ".join(p for p in (squash(st.role), squash(st.affiliation)) if p)) + "</td>"
    target = f' <span class="target">→ {esc(squash(st.target))}</span>' if st.target else ""
    facets = " · ".join(
        x
        for x in (
            f"cue: {squash(st.cue)}" if st.cue else "",
            st.quote_type,
            "" if st.modality == "asserted" else st.modality,
        )
        if x
    )
    cited = esc(squash(st.cited_outlet))
    if st.cited_date and st.cited_date != statement_date(st):
        cited += muted(fmt_date(st.cited_date))
    return [
        speaker,
        f'<td class="c-text"><div class="lead">{stype_pill(st.statement_type)}{target}</div>'
        f"{esc(squash(st.content))}{muted(facets)}</td>",
        td(fmt_date(statement_date(st)), "c-date"),
        f'<td class="c-outlet">{cited}</td>',
    ]


def _sanction_cells(sa: Sanction) -> list[str]:
    notes = []
    if sa.beneficiaries:
        notes.append("Benefiting: " + ", ".join(squash(x) for x in sa.beneficiaries))
    if sa.programs:
        notes.append("Programmes: " + ", ".join(squash(x) for x in sa.programs))
    reasons = "".join(f"<li>{esc(squash(r))}</li>" for r in sa.reasons)
    reasons = f'<ul class="reasons">{reasons}</ul>' if reasons else ""
    return [
        f'<td class="c-who"><strong>{esc(squash(sa.authority))}</strong>{muted(squash(sa.issuing_country))}</td>',
        f"<td>{action_pill(sa.action)}</td>",
        td(fmt_date(sa.announced_on), "c-date"),
        f'<td class="c-targets">{esc(sanction_targets(sa))}{muted(countries(sa))}</td>',
        f'<td class="c-text">{reasons}{"".join(muted(x) for x in notes)}</td>',
        f'<td class="c-outlet">{esc(squash(sa.cited_outlet))}</td>',
    ]


def _cells(item: _Item) -> list[str]:
    """The cells after ``Ref``, in the order of the kind's columns."""
    record = item.record
    if isinstance(record, Statement):
        return _statement_cells(record)
    if isinstance(record, Sanction):
        return _sanction_cells(record)
    return [td(squash(record.text), "c-text")]


def _item_tables(placed: Sequence[_Item]) -> str:
    """One table per kind for the highlighted items; kinds with none are left out."""
    tables = []
    for kind, spec in _KINDS.items():
        rows = [_row(i, True, _cells(i)) for i in placed if i.kind == kind]
        if rows:
            tables.append(
                f'<h3 class="sec"><span class="swatch sw-{kind}"></span>{esc(spec.heading)} {count_badge(len(rows))}'
                f"</h3>{items_table(['Ref', *spec.columns], rows, kind)}"
            )
    return "".join(tables) or '<p class="empty">No grounded items were extracted from this bulletin.</p>'


def _dropped_row(item: _Item) -> str:
    why = "not found in source" if item.evidence.status == "ungrounded" else "offsets outside the source text"
    quote = f'<div class="quote">“{esc(squash(item.evidence.text))}”</div>' if item.evidence.text else ""
    cells = [td(_KINDS[item.kind].singular), f'<td class="c-text">{esc(item.summary)}{quote}</td>', td(why, "c-why")]
    return _row(item, False, cells)


def _dropped_section(dropped: Sequence[_Item]) -> str:
    """Items that cannot be highlighted, with the evidence the extractor claimed, so they can be checked by hand."""
    if not dropped:
        return ""
    head = ["Ref", "Record", "Content and claimed evidence", "Reason"]
    return (
        f'<section class="card dropped"><h3 class="part">Ungrounded / dropped {count_badge(len(dropped))}</h3>'
        '<p class="note">Extracted, but the evidence could not be located in the bulletin text. Not highlighted;'
        " verify before use.</p>"
        f"{items_table(head, map(_dropped_row, dropped), 'dropped')}</section>"
    )


# --- bulletin -------------------------------------------------------------------------------------------------------


def _header_card(summary: Summary, index: int, many: bool) -> str:
    """Title, bulletin metadata, and how the items were produced (backend, tokens, grounding, input hash)."""
    b, p = summary.bulletin, summary.provenance
    g, u = p.grounding, p.usage
    meta = "".join(
        f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>"
        for k, v in (
            ("Publisher", squash(b.publisher)),
            ("Period", period(b.period_start, b.period_end)),
            ("Editor", squash(b.editor)),
            ("Source", squash(b.source)),
            ("Language", b.language),
        )
        if v
    )

    def v(value: object) -> str:
        return f"<span class='v'>{esc(value)}</span>"

    chips = [f"backend {v(p.backend)}", f"model {v(p.model or '—')}"]
    if p.prompt_version:
        chips.append(f"prompt {v(p.prompt_version)}")
    chips.append(f"tokens {v(f'{u.prompt_tokens:,}')} in / {v(f'{u.completion_tokens:,}')} out")
    chips.append(f"grounding {v(g.exact)} exact · {v(g.fuzzy)} fuzzy · {v(g.dropped)} dropped")
    if b.sha256:
        chips.append(f"sha256 <span class='v' title='{esc(b.sha256)}'>{esc(b.sha256[:12])}</span>")

    number = f'<span class="bnum">Bulletin {index + 1}</span>' if many else ""
    provenance = " <span class='sep'>|</span> ".join(chips)
    return (
        '<header class="card head">\n'
        f"    {number}<h2>{esc(squash(b.title) or 'Untitled bulletin')}</h2>\n"
        f'    <dl class="meta">{meta}</dl>\n'
        f'    <p class="prov">{provenance}</p>\n'
        "  </header>"
    )


def _bulletin_html(summary: Summary, text: str, items: Sequence[_Item], index: int, many: bool) -> str:
    """One bulletin: header card, then the highlighted source beside the item tables (stacked on narrow screens)."""
    placed = [i for i in items if _is_placeable(i.evidence, text)]
    dropped = [i for i in items if not _is_placeable(i.evidence, text)]
    return f"""
<article class="bulletin" id="b{index}">
  {_header_card(summary, index, many)}
  <div class="split">
    {_source_pane(text, placed)}
    <div class="side">
      <section class="card extracted"><h3 class="part">Extracted items</h3>{_item_tables(placed)}</section>
      {_dropped_section(dropped)}
    </div>
  </div>
</article>"""


# --- filters --------------------------------------------------------------------------------------------------------

_LEGEND = """<fieldset class="legend"><legend>Legend</legend>
    <span class="lg"><mark class="hl hl-overview">Overview</mark></span>
    <span class="lg"><mark class="hl hl-statement">Statement</mark></span>
    <span class="lg"><mark class="hl hl-sanction">Sanction</mark></span>
    <span class="lg"><mark class="hl hl-statement" data-status="fuzzy">fuzzy match</mark></span>
    <span class="lg"><mark class="hl hl-overview"><mark class="hl hl-statement">overlap</mark></mark></span>
    <span class="lg"><span class="ref ref-statement">ST1</span> link to row</span>
  </fieldset>"""


def _checkbox(group: str, value: str, label: str, n: int) -> str:
    return (
        f'<label class="chk"><input type="checkbox" data-filter="{group}" value="{esc(value)}" checked>'
        f'{label} <span class="n">{n}</span></label>'
    )


def _filters(all_items: Sequence[_Item]) -> str:
    """Checkboxes for record and statement types (only those present, with counts) plus the colour legend."""
    kinds = Counter(i.kind for i in all_items)
    stypes = Counter(i.stype for i in all_items if i.kind == "statement")
    kind_boxes = "".join(_checkbox("kind", k, esc(spec.heading), kinds.get(k, 0)) for k, spec in _KINDS.items())
    present = [s for s in STATEMENT_TYPES if s in stypes] + sorted(s for s in stypes if s not in STATEMENT_TYPES)
    stype_boxes = "".join(_checkbox("stype", s, stype_pill(s), stypes[s]) for s in present)
    return f"""
<div class="toolbar" role="region" aria-label="Filters and legend">
  <fieldset><legend>Record type</legend>{kind_boxes}</fieldset>
  <fieldset><legend>Statement type</legend>{stype_boxes or '<span class="muted">none</span>'}</fieldset>
  {_LEGEND}
  <div class="status" id="filter-status" aria-live="polite"></div>
</div>"""


def _toc(bulletins: Sequence[tuple[Summary, str]]) -> str:
    links = "".join(
        f'<li><a href="#b{n}">{esc(squash(s.bulletin.title) or "Untitled bulletin")}</a>'
        f' <span class="muted">{esc(period(s.bulletin.period_start, s.bulletin.period_end))}</span></li>'
        for n, (s, _) in enumerate(bulletins)
    )
    return f'<nav class="toc"><div class="lbl">Bulletins</div><ol>{links}</ol></nav>'


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
        found = _items(summary, f"b{index}")
        all_items += found
        sections.append(_bulletin_html(summary, text, found, index, many))
    if len(items) == 1:
        title = f"{squash(items[0][0].bulletin.title) or 'Bulletin'} — summary"
    else:
        title = f"{len(items)} bulletin summaries"
    backends = sorted({s.provenance.backend for s, _ in items})
    generated = f"Generated by summarizer · backend {', '.join(backends)}" if backends else "Generated by summarizer"
    body = f"""<div class="masthead"><h1>{esc(title)}</h1><span class="gen">{esc(generated)}</span></div>
{_filters(all_items)}
{_toc(items) if many else ""}
{"".join(sections) or '<p class="empty">No bulletins.</p>'}
<p class="foot">Self-contained report: no external resources are loaded. Offsets refer to the normalised text.</p>"""
    # report.js is plain ES5-style DOM code: no libraries, no network, works from file://. It only reads attributes
    # this module wrote (data-kind, data-stype, data-item) and never turns document text into HTML.
    return page(title, body, script=asset("report.js"))

"""An index over a results directory: every bulletin with its counts and dates, searchable and filterable, each
linking to its own HTML report.

``results/`` holds one JSON per bulletin, which nobody reads file by file. The index is one self-contained page
(inline CSS and JS, the same CSP as the report) written next to the results, with each bulletin's report in
``reports/``. Reports need the source text their offsets point into; it is re-read from the path the result
recorded and used only if its hash still matches, so a moved or edited source is named in the index, not
highlighted wrongly. Filters are facets computed here from the results (canonical speakers and authorities through
the alias table, statement types, publisher as the text family); the script only shows and hides rows, and keeps
the filters in the URL so a filtered view can be bookmarked or sent.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from summarizer import ingest
from summarizer.aliases import Aliases, key
from summarizer.errors import SummarizerError
from summarizer.files import atomic_write
from summarizer.models import STATEMENT_TYPES, Summary
from summarizer.results import results_in

from .html import to_html
from .htmlpage import asset, items_table, muted, page
from .text import esc, fmt_date, period, squash, stype_label

__all__ = ["REPORTS", "Entry", "href", "index_html", "report_anchor", "report_path", "write_view"]

REPORTS = "reports"
"""Folder, next to the index, holding one report per bulletin."""

_CODES = {"overview": "ov", "statement": "st", "sanction": "sa"}


def report_path(result: Path) -> Path:
    """Where ``summarizer view`` writes the report of the bulletin whose result is ``result``."""
    return result.parent / REPORTS / f"{result.stem}.html"


def report_anchor(kind: str, n: int) -> str:
    """The id of the ``n``-th (1-based) record of ``kind`` in a one-bulletin report, so other pages can link to it."""
    return f"b0-{_CODES[kind]}{n}"


def href(target: Path, base: Path, anchor: str = "") -> str:
    """A relative URL from a page in ``base`` to ``target``; percent-encoded, so a file name can never be a scheme."""
    rel = os.path.relpath(target.resolve(), base.resolve()).replace(os.sep, "/")
    return quote(rel, safe="/") + (f"#{quote(anchor)}" if anchor else "")


@dataclass
class Entry:
    """One bulletin in the index: its result file, its summary, and its report or why there is none."""

    result: Path
    summary: Summary
    report: Path | None = None
    problem: str = ""
    facets: dict[str, list[str]] = field(default_factory=dict)


def _source_text(summary: Summary, directory: Path, sources: Path | None) -> tuple[str | None, str]:
    """The normalised source text if it can be re-read unchanged, else why not.

    A relative path is relative to where ``summarize`` ran, which results do not record: it is tried from here, from
    beside the results directory, and by file name in ``sources``. The hash check makes any guess safe.
    """
    source = summary.bulletin.source
    if not source or source == "-":
        return None, "no source file recorded (read from stdin)"
    if "://" in source:
        return None, f"source is a URL, not re-fetched: {source}"
    path = Path(source)
    candidates = [path] if path.is_absolute() else [path, directory.parent / path]
    if sources is not None:
        candidates.append(sources / path.name)
    found = next((p for p in candidates if p.is_file()), None)
    if found is None:
        return None, f"source file not found: {source} (run from where it was summarised, or pass --sources DIR)"
    try:
        read = ingest.read(found)
    except SummarizerError as exc:
        return None, f"source file unreadable: {exc}"
    if summary.bulletin.sha256 and read.sha256 != summary.bulletin.sha256:
        return None, f"source file changed since it was summarised: {source}"
    return read.text, ""


def _facets(summary: Summary, names: Aliases) -> dict[str, list[str]]:
    """What a bulletin can be filtered by; names are canonical, so every spelling of an actor selects it."""
    statements, sanctions = summary.statements, summary.sanctions
    speakers = Counter(names.canonical(st.speaker_canonical or st.speaker) for st in statements)
    b = summary.bulletin
    return {
        "speaker": [n for n, _ in speakers.most_common()],
        "stype": sorted({st.statement_type for st in statements}),
        "authority": sorted({names.canonical(sa.authority) for sa in sanctions}),
        "family": [squash(b.publisher)] if b.publisher and squash(b.publisher) else [],
    }


def _search_text(summary: Summary, facets: dict[str, list[str]], label: str) -> str:
    """Everything the search box matches, casefolded and also in the alias key form (accents and dots folded)."""
    b = summary.bulletin
    parts = [b.title, b.publisher, label, *facets["speaker"], *facets["authority"]]
    for st in summary.statements:
        parts += [st.speaker, st.role, st.affiliation, st.target, st.content]
    for sa in summary.sanctions:
        parts += [sa.authority, *(t.name for t in sa.targets), *sa.target_countries, *sa.reasons]
    parts += [p.text for p in summary.overview]
    text = " ".join(squash(p) for p in parts if p)
    return f"{text.casefold()} {key(text)}"


# --- page ---------------------------------------------------------------------------------------------------------

_FACETS = (("speaker", "Speaker"), ("stype", "Statement type"), ("authority", "Sanctioning authority"))


def _select(facet: str, label: str, counts: Counter[str], order: Sequence[str]) -> str:
    options = "".join(
        f'<option value="{esc(v)}">{esc(stype_label(v) if facet == "stype" else v)} ({counts[v]})</option>'
        for v in order
    )
    return (
        f'<label class="fl"><span class="lbl">{esc(label)}</span>'
        f'<select id="f-{facet}" data-facet="{facet}"><option value="">any</option>{options}</select></label>'
    )


def _toolbar(entries: Sequence[Entry]) -> str:
    """Search box, one select per facet present in the results (with bulletin counts), and a date window."""
    fields = [
        '<label class="fl grow"><span class="lbl">Search</span><input id="f-q" type="search" data-facet="q"'
        ' placeholder="names, places, words" autocomplete="off"></label>'
    ]
    facets = [*_FACETS, ("family", "Family (publisher)")]
    for facet, label in facets:
        counts = Counter(v for e in entries for v in e.facets[facet])
        if not counts:
            continue  # e.g. no bulletin names its publisher: no family filter rather than an empty one
        if facet == "stype":
            order = [s for s in STATEMENT_TYPES if s in counts] + sorted(s for s in counts if s not in STATEMENT_TYPES)
        else:
            order = sorted(counts, key=lambda v: (-counts[v], v.casefold()))
        fields.append(_select(facet, label, counts, order))
    fields.append(
        '<label class="fl"><span class="lbl">From</span><input id="f-from" type="date" data-facet="from"></label>'
        '<label class="fl"><span class="lbl">To</span><input id="f-to" type="date" data-facet="to"></label>'
    )
    return (
        '<form class="toolbar viewbar" role="search" aria-label="Search and filters">'
        f'{"".join(fields)}<a class="clear" href="?">clear</a>'
        '<div class="status" id="view-status" aria-live="polite"></div></form>'
    )


def _names(values: list[str], shown: int = 4) -> str:
    more = f' <span class="muted">+{len(values) - shown} more</span>' if len(values) > shown else ""
    return esc(", ".join(values[:shown])) + more


def _row(entry: Entry, base: Path) -> str:
    s, b = entry.summary, entry.summary.bulletin
    label = Path(b.source).name if b.source else entry.result.name
    title = esc(squash(b.title) or label)
    if entry.report is not None:
        link = f'<a class="rlink" href="{esc(href(entry.report, base))}" data-report>{title}</a>'
    else:
        link = f"<strong>{title}</strong>"
    note = f'<div class="problem">No report: {esc(entry.problem)}</div>' if entry.problem else ""
    result = f'<a class="muted" href="{esc(href(entry.result, base))}">{esc(label)} · result JSON</a>'
    data = {
        "data-text": _search_text(s, entry.facets, label),
        "data-start": fmt_date(b.period_start or b.period_end),
        "data-end": fmt_date(b.period_end or b.period_start),
        **{f"data-{k}": json.dumps(v, ensure_ascii=False) for k, v in entry.facets.items()},
    }
    attrs = " ".join(f'{k}="{esc(v)}"' for k, v in data.items())
    cells = [
        f'<td class="c-text">{link}<div>{result}</div>{note}</td>',
        f"<td>{esc(entry.facets['family'][0] if entry.facets['family'] else '')}</td>",
        f'<td class="c-date">{esc(period(b.period_start, b.period_end))}</td>',
        f'<td class="c-num">{len(s.statements)}</td>',
        f'<td class="c-num">{len(s.sanctions)}</td>',
        f'<td class="c-who">{_names(entry.facets["speaker"])}{muted(_stypes(s))}</td>',
        f"<td>{_names(entry.facets['authority'])}</td>",
    ]
    return f'<tr class="brow" {attrs}>{"".join(cells)}</tr>'


def _stypes(summary: Summary) -> str:
    counts = Counter(stype_label(st.statement_type) for st in summary.statements)
    return " · ".join(f"{t} {n}" for t, n in counts.most_common(3))


def _newest_first(entry: Entry) -> tuple[bool, int, str]:
    day = entry.summary.bulletin.period_start or entry.summary.bulletin.period_end
    return day is None, -day.toordinal() if day else 0, entry.result.name


def index_html(entries: Sequence[Entry], base: Path, title: str) -> str:
    """The index page; links are relative to ``base``, the folder the page is written to."""
    ordered = sorted(entries, key=_newest_first)
    starts = [d for e in entries for d in (e.summary.bulletin.period_start, e.summary.bulletin.period_end) if d]
    missing = sum(1 for e in entries if e.report is None)
    gen = [f"{len(entries)} bulletins", period(min(starts), max(starts)) if starts else ""]
    gen += [f"{sum(len(e.summary.statements) for e in entries)} statements"]
    gen += [f"{sum(len(e.summary.sanctions) for e in entries)} sanctions actions"]
    gen += [f"{missing} without a report" if missing else ""]
    head = ["Bulletin", "Family", "Period", "Statements", "Sanctions", "Speakers", "Authorities"]
    empty = '<p class="empty" id="view-empty" hidden>No bulletin matches these filters.</p>'
    summary = " · ".join(g for g in gen if g)
    body = f"""<div class="masthead"><h1>{esc(title)}</h1><span class="gen">{esc(summary)}</span></div>
{_toolbar(entries)}
<section class="card">{items_table(head, (_row(e, base) for e in ordered), "index")}{empty}</section>
<p class="foot">Self-contained page: nothing is loaded from the network. Each title opens that bulletin's report;
filters are kept in the address, so a filtered view can be bookmarked or sent.</p>"""
    return page(title, body, css=asset("view.css"), script=asset("view.js"))


def _entries(
    found: Iterable[tuple[Path, Summary]], directory: Path, names: Aliases, sources: Path | None
) -> list[Entry]:
    """One entry per result, writing its report when the source text can be re-read unchanged."""
    entries = []
    for result, summary in found:
        entry = Entry(result, summary, facets=_facets(summary, names))
        text, entry.problem = _source_text(summary, directory, sources)
        if text is not None:
            entry.report = report_path(result)
            atomic_write(entry.report, to_html([(summary, text)]), private=False)
        entries.append(entry)
    return entries


def write_view(
    directory: Path, output: Path | None, names: Aliases, sources: Path | None = None
) -> tuple[Path, list[Entry]]:
    """Write the index (``directory/index.html`` unless ``output``) and each bulletin's report; return both.

    ``sources`` is a folder to find source files in by name when their recorded paths do not lead to them.

    Raises :class:`SummarizerError` when ``directory`` holds no results.
    """
    found = results_in(directory)
    target = output or directory / "index.html"
    if sources is not None and not sources.is_dir():
        raise SummarizerError(f"{sources}: no such sources directory")
    entries = _entries(found, directory, names, sources)
    atomic_write(target, index_html(entries, target.parent, f"Results: {directory.resolve().name}"), private=False)
    return target, entries

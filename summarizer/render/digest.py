"""The digest (:mod:`summarizer.digest`) as a terminal table, Markdown, a self-contained HTML page, or JSON.

By default a summary: the most active speakers (roles, statement types, date span, latest statement), every
sanctioning authority under one name, and the sanctions timeline. With ``top=None`` every speaker gets a section
with every statement. Each row's sources link to the bulletin's report row when ``summarizer view`` has written
reports, else to its result JSON, by relative links (from the output file's folder), so the digest can be moved
together with the results. Tables are described once (columns, then rows of :class:`Cell`) and drawn per format;
extracted text is hostile everywhere: rich ``Text``, Markdown escapes, HTML entities, percent-encoded links.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.style import Style
from rich.text import Text

from summarizer.digest import Digest, Imposed, Said, Source, Speaker, When
from summarizer.models import Target

from .htmlpage import action_pill, count_badge, items_table, muted, page, stype_pill
from .table import Col, panel, wide_table
from .text import countries, esc, esc_md, fmt_date, period, squash, stype_label, target_count, target_names
from .view import href, report_path

__all__ = ["Links", "render", "to_html", "to_json", "to_markdown", "to_table"]

LATEST_CHARS = 160
"""The latest statement is cut to this length in the summary view; the full text is one ``--all`` away."""


class Links:
    """Where a source points: its row in the bulletin's report when one has been written, else its result file.

    ``base`` is the folder the digest will be read from (the output file's), so links stay relative.
    """

    def __init__(self, base: Path | None = None) -> None:
        self.base = base or Path.cwd()
        self._made: dict[Path, bool] = {}

    def report(self, src: Source) -> str | None:
        if src.result is None:
            return None
        report = report_path(src.result)
        if report not in self._made:
            self._made[report] = report.is_file()
        return href(report, self.base, src.anchor) if self._made[report] else None

    def result(self, src: Source) -> str | None:
        return href(src.result, self.base) if src.result is not None else None

    def href(self, src: Source) -> str | None:
        return self.report(src) or self.result(src)

    def uri(self, src: Source) -> str | None:
        """An absolute ``file://`` link for terminals that make links clickable."""
        if src.result is None:
            return None
        report = report_path(src.result)
        if self.report(src):
            return f"{report.resolve().as_uri()}#{src.anchor}"
        return src.result.resolve().as_uri()


@dataclass(frozen=True)
class Cell:
    """One table cell: text, or a statement type / sanctions action (a pill in HTML), or links to sources."""

    text: str = ""
    pill: str = ""
    """``stype`` or ``action``: ``text`` is then the value, drawn as a coloured pill in HTML."""
    note: str = ""
    sources: tuple[Source, ...] = ()


_HTML_CLASS = {"Date": "c-date", "Dates": "c-date", "Statement": "c-text", "Latest statement": "c-text",
               "Source": "c-src", "Sources": "c-src", "Statements": "c-num", "Actions": "c-num", "Count": "c-num",
               "#": "c-num"}  # fmt: skip


def _plain(cell: Cell) -> str:
    if cell.sources:
        return ", ".join(s.label for s in cell.sources)
    text = stype_label(cell.text) if cell.pill == "stype" else cell.text
    return f"{text} ({cell.note})" if cell.note else text


def _kind(said: Said) -> Cell:
    st = said.statement
    return Cell(st.statement_type, "stype", "" if st.modality == "asserted" else st.modality)


def _types(sp: Speaker, shown: int = 3) -> str:
    counts = Counter(stype_label(s.statement.statement_type) for s in sp.said)
    return ", ".join(f"{t} {n}" for t, n in counts.most_common(shown))


def _cut(text: str, limit: int = LATEST_CHARS) -> str:
    text = squash(text)
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


# --- the tables, once ---------------------------------------------------------------------------------------------

_TOP = (Col("#", justify="right"), Col("Speaker", 2), Col("Role", 2), Col("Statements", justify="right"),
        Col("Types", 2), Col("Dates"), Col("Latest statement", 5), Col("Source", 2))  # fmt: skip
_SAID = (Col("Date"), Col("Type"), Col("Target", 2), Col("Statement", 6), Col("Sources", 2))
_AUTHORITIES = (Col("Authority", 2), Col("Actions", justify="right"), Col("Dates"), Col("Also written", 4))
_IMPOSED = (Col("Date"), Col("Authority", 2), Col("Action"), Col("Count", justify="right"), Col("Targets", 3),
            Col("Countries", 1), Col("Sources", 2))  # fmt: skip


def _top_rows(speakers: Sequence[Speaker]) -> list[list[Cell]]:
    rows = []
    for n, sp in enumerate(speakers, 1):
        latest = sp.latest
        text = f"{latest.when.label()}: {_cut(latest.statement.content)}" if latest.when.label() else ""
        rows.append([Cell(str(n)), Cell(sp.name), Cell("; ".join(sp.roles[:2])), Cell(str(len(sp.said))),
                     Cell(_types(sp)), Cell(sp.span.label()), Cell(text or _cut(latest.statement.content)),
                     Cell(sources=tuple(latest.sources))])  # fmt: skip
    return rows


def _said_rows(sp: Speaker) -> list[list[Cell]]:
    return [
        [Cell(s.when.label()), _kind(s), Cell(squash(s.statement.target)), Cell(squash(s.statement.content)),
         Cell(sources=tuple(s.sources))]
        for s in sp.said
    ]  # fmt: skip


def _authority_rows(d: Digest) -> list[list[Cell]]:
    return [[Cell(a.name), Cell(str(len(a.imposed))), Cell(a.span.label()), Cell(", ".join(a.spellings))]
            for a in d.authorities]  # fmt: skip


def _imposed_rows(d: Digest) -> list[list[Cell]]:
    return [[Cell(i.when.label()), Cell(squash(i.sanction.authority)), Cell(i.sanction.action, "action"),
             Cell(target_count(i.sanction)), Cell(target_names(i.sanction)), Cell(countries(i.sanction)),
             Cell(sources=tuple(i.sources))] for i in d.sanctions]  # fmt: skip


def _heading(d: Digest) -> str:
    parts = [f"{d.bulletins} bulletin{'s' if d.bulletins != 1 else ''}"]
    if d.start or d.end:
        parts.append(period(d.start, d.end))
    parts += [f"{len(d.speakers)} speakers", f"{d.statements} statements", f"{len(d.sanctions)} sanctions actions"]
    parts.append(f"{len(d.authorities)} sanctioning authorities")
    if d.scope.describe():
        parts.append(f"only {d.scope.describe()}")
    return " · ".join(parts)


def _top_title(d: Digest, top: int) -> str:
    shown = min(top, len(d.speakers))
    return f"Top {shown} of {len(d.speakers)} speakers, by statements"


def _more(d: Digest, top: int | None) -> str:
    if top is None or len(d.speakers) <= top:
        return ""
    return f"{len(d.speakers) - top} more speakers; --all lists every speaker with every statement."


_DATES_NOTE = "Dates marked (period) are the bulletin's period: the bulletin gave no day."


# --- terminal -----------------------------------------------------------------------------------------------------


def _approximate(name: str, cell: Cell) -> bool:
    """A date cell holding the bulletin's period rather than a day: shown quieter."""
    return name == "Date" and cell.text.endswith("(period)")


def _rich_cell(name: str, cell: Cell, links: Links) -> Text:
    if not cell.sources:
        return Text(_plain(cell), style="dim" if _approximate(name, cell) else "")
    out = Text()
    for n, src in enumerate(cell.sources):
        uri = links.uri(src)
        out.append(", " if n else "")
        out.append(src.label, style=Style(link=uri) if uri else "")
    return out


def _rich(title: str | Text, cols: Sequence[Col], rows: list[list[Cell]], links: Links, caption: str = "") -> Any:
    table = wide_table(title, cols, caption=Text(caption) if caption else None)
    for row in rows:
        table.add_row(*(_rich_cell(c.name, x, links) for c, x in zip(cols, row, strict=True)))
    return table


_TOP_TERMINAL = (Col("#", justify="right"), Col("Speaker", 3), Col("Said", justify="right"), Col("Types", 2),
                 Col("Latest statement", 6))  # fmt: skip


def _years(when: When) -> str:
    first, last = when.start or when.end, when.end or when.start
    if not first or not last:
        return ""
    return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"


def _rich_top(d: Digest, top: int, links: Links) -> Any:
    """The summary table folded to five columns for a terminal: role under the name, source under the statement."""
    table = wide_table(Text(_top_title(d, top), style="bold"), _TOP_TERMINAL,
                       caption=Text(_more(d, top)) if _more(d, top) else None)  # fmt: skip
    for n, (sp, row) in enumerate(zip(d.speakers[:top], _top_rows(d.speakers[:top]), strict=True), 1):
        who = Text(sp.name, style="bold")
        if sp.roles:
            who.append("\n" + sp.roles[0], style="dim")
        said = Text(str(len(sp.said)))
        said.append(f"\n{_years(sp.span)}", style="dim")
        latest = Text(row[6].text)
        latest.append("\n")
        source = _rich_cell("Source", row[7], links)
        source.stylize("dim")
        latest.append_text(source)
        table.add_row(Text(str(n)), who, said, Text(row[4].text), latest)
    return table


def to_table(d: Digest, console: Console, links: Links | None = None, top: int | None = None) -> None:
    """Print the digest with rich; every cell is a ``Text`` so bulletin text can never act as markup."""
    links = links or Links()
    console.print(panel(Text(_heading(d)), "Digest"))
    if top is not None:
        console.print(_rich_top(d, top, links))
    else:
        for sp in d.speakers:
            title = Text(squash(sp.name), style="bold")
            title.append(f"  {len(sp.said)} statement{'s' if len(sp.said) != 1 else ''}", style="dim")
            about = [f"role: {'; '.join(sp.roles)}" if sp.roles else "", f"also written: {', '.join(sp.spellings)}"]
            caption = "   ".join(a for a in about if not a.endswith(": "))
            console.print(_rich(title, _SAID, _said_rows(sp), links, caption))
    if d.authorities:
        console.print(_rich(Text("Sanctioning authorities", style="bold"), _AUTHORITIES, _authority_rows(d), links))
        console.print(_rich(Text("Sanctions timeline", style="bold"), _IMPOSED, _imposed_rows(d), links))


# --- Markdown -----------------------------------------------------------------------------------------------------


def _md_cell(cell: Cell, links: Links) -> str:
    if not cell.sources:
        return esc_md(_plain(cell))
    out = []
    for src in cell.sources:
        target = links.href(src)
        out.append(f"[{esc_md(src.label)}]({target})" if target else esc_md(src.label))
    return ", ".join(out)


def _md_table(cols: Sequence[Col], rows: list[list[Cell]], links: Links) -> list[str]:
    lines = ["| " + " | ".join(c.name for c in cols) + " |", "|" + "|".join(" --- " for _ in cols) + "|"]
    lines += ["| " + " | ".join(_md_cell(c, links) for c in row) + " |" for row in rows]
    return [*lines, ""]


def to_markdown(d: Digest, links: Links | None = None, top: int | None = None) -> str:
    """A digest to paste into a report: top speakers (or every speaker's section), authorities, timeline; escaped."""
    links = links or Links()
    lines = ["# Digest", "", esc_md(_heading(d)), ""]
    if top is not None:
        lines += [f"## {_top_title(d, top)}", "", *_md_table(_TOP, _top_rows(d.speakers[:top]), links)]
        if _more(d, top):
            lines += [f"*{esc_md(_more(d, top))}*", ""]
    else:
        lines += ["## Who said what", ""]
        for sp in d.speakers:
            lines += [f"### {esc_md(sp.name)}", ""]
            if sp.roles:
                lines += [f"Role: {esc_md('; '.join(sp.roles))}", ""]
            if sp.spellings:
                lines += [f"*Also written: {esc_md(', '.join(sp.spellings))}*", ""]
            lines += _md_table(_SAID, _said_rows(sp), links)
    if d.authorities:
        lines += ["## Sanctioning authorities", "", *_md_table(_AUTHORITIES, _authority_rows(d), links)]
        lines += ["## Sanctions timeline", "", *_md_table(_IMPOSED, _imposed_rows(d), links)]
    lines += ["---", "", f"*{_DATES_NOTE} Sources link to the bulletin's report row or its result file.*", ""]
    return "\n".join(lines)


# --- HTML ---------------------------------------------------------------------------------------------------------

_DIGEST_CSS = """
.also{color:var(--muted);font-size:12.5px;margin:-4px 0 8px}
.speakers{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:3px 28px;list-style:none;
margin:6px 0 0;padding:0}
.speakers li{display:flex;align-items:baseline;gap:6px;min-width:0}
.speakers .rank{flex:none;min-width:2.4em;text-align:right;color:var(--muted);font-variant-numeric:tabular-nums}
.speakers a{min-width:0;overflow-wrap:anywhere}
.speakers .n{flex:none;color:var(--muted);font-size:12px}
.toc .jump{display:flex;flex-wrap:wrap;gap:4px 18px;margin-top:8px}
.items td{overflow-wrap:break-word}
.c-src{width:14%;color:var(--muted);font-size:12.5px}
.c-src a{color:var(--accent)}
.c-num{text-align:right;font-variant-numeric:tabular-nums;width:1%;white-space:nowrap}
.approx{color:var(--muted)}
"""


def _html_cell(name: str, cell: Cell, links: Links) -> str:
    klass = _HTML_CLASS.get(name, "")
    if _approximate(name, cell):
        klass += " approx"
    attr = f' class="{klass.strip()}"' if klass.strip() else ""
    if cell.sources:
        parts = []
        for src in cell.sources:
            target = links.href(src)
            parts.append(f'<a href="{esc(target)}">{esc(src.label)}</a>' if target else esc(src.label))
        return f"<td{attr}>{', '.join(parts)}</td>"
    if cell.pill:
        pill = stype_pill(cell.text) if cell.pill == "stype" else action_pill(cell.text)
        return f"<td{attr}>{pill}{muted(cell.note)}</td>"
    return f"<td{attr}>{esc(cell.text)}</td>"


def _html_table(cols: Sequence[Col], rows: list[list[Cell]], links: Links, variant: str = "") -> str:
    html_rows = ("<tr>" + "".join(_html_cell(c.name, x, links) for c, x in zip(cols, row, strict=True)) + "</tr>"
                 for row in rows)  # fmt: skip
    return items_table([c.name for c in cols], html_rows, variant)


def _card(ident: str, title: str, count: int, inner: str, extra: str = "") -> str:
    head = f'<h3 class="part">{esc(title)}{count_badge(count)}</h3>'
    return f'<section class="card" id="{ident}">{head}{extra}{inner}</section>'


def to_html(d: Digest, links: Links | None = None, top: int | None = None) -> str:
    """One self-contained page (inline CSS, no script, nothing fetched); every value goes through html.escape."""
    links = links or Links()
    jumps = ['<a href="#speakers">Top speakers</a>'] if top is not None else []
    if d.authorities:
        jumps += ['<a href="#authorities">Sanctioning authorities</a>', '<a href="#sanctions">Sanctions timeline</a>']
    sections = []
    if top is not None:
        shown = d.speakers[:top]
        more = f'<p class="also">{esc(_more(d, top))}</p>' if _more(d, top) else ""
        sections.append(
            _card("speakers", _top_title(d, top), len(shown), _html_table(_TOP, _top_rows(shown), links), more)
        )
        nav = ""
    else:
        items = "".join(
            f'<li><span class="rank">{n + 1}.</span><a href="#sp{n}">{esc(sp.name)}</a>'
            f'<span class="n">{len(sp.said)}</span></li>'
            for n, sp in enumerate(d.speakers)
        )
        nav = f'<div class="lbl">Who said what</div><ol class="speakers">{items}</ol>'
        for n, sp in enumerate(d.speakers):
            about = f'<p class="also">Role: {esc("; ".join(sp.roles))}</p>' if sp.roles else ""
            if sp.spellings:
                about += f'<p class="also">Also written: {esc(", ".join(sp.spellings))}</p>'
            sections.append(_card(f"sp{n}", sp.name, len(sp.said), _html_table(_SAID, _said_rows(sp), links), about))
    if d.authorities:
        sections.append(_card("authorities", "Sanctioning authorities", len(d.authorities),
                              _html_table(_AUTHORITIES, _authority_rows(d), links)))  # fmt: skip
        sections.append(_card("sanctions", "Sanctions timeline", len(d.sanctions),
                              _html_table(_IMPOSED, _imposed_rows(d), links)))  # fmt: skip
    toc = f'<nav class="toc">{nav}<div class="jump">{"".join(jumps)}</div></nav>'
    body = f"""<div class="masthead"><h1>Digest</h1><span class="gen">{esc(_heading(d))}</span></div>
{toc}
{"".join(sections)}
<p class="foot">Self-contained page: nothing is loaded from the network. {esc(_DATES_NOTE)}</p>"""
    return page(f"Digest: {_heading(d)}", body, css=_DIGEST_CSS)


# --- JSON ---------------------------------------------------------------------------------------------------------

JSON_VERSION = 1
"""Bumped when a key is renamed or removed; new keys may appear without a bump."""


def _when(when: When) -> dict[str, Any]:
    return {"start": fmt_date(when.start) or None, "end": fmt_date(when.end) or None, "approximate": when.approximate}


def _sources(sources: Sequence[Source], links: Links) -> list[dict[str, Any]]:
    return [{"bulletin": s.label, "result": links.result(s), "report": links.report(s)} for s in sources]


def _target(t: Target) -> dict[str, Any]:
    return {"name": t.name, "kind": t.kind, "country": t.country}


def to_json(d: Digest, links: Links | None = None) -> str:
    """Everything, in a stable structure: always every speaker and statement (a program should not get a top-N)."""
    links = links or Links()
    data = {
        "digest_version": JSON_VERSION,
        "bulletins": d.bulletins,
        "period": {"start": fmt_date(d.start) or None, "end": fmt_date(d.end) or None},
        "scope": {
            "speaker": d.scope.speaker,
            "since": fmt_date(d.scope.since) or None,
            "until": fmt_date(d.scope.until) or None,
        },
        "counts": {
            "speakers": len(d.speakers),
            "statements": d.statements,
            "sanctions": len(d.sanctions),
            "authorities": len(d.authorities),
        },
        "speakers": [
            {
                "name": sp.name,
                "spellings": sp.spellings,
                "roles": sp.roles,
                "statements": len(sp.said),
                "span": _when(sp.span),
                "said": [_said(s, links) for s in sp.said],
            }
            for sp in d.speakers
        ],
        "authorities": [
            {"name": a.name, "spellings": a.spellings, "actions": len(a.imposed), "span": _when(a.span)}
            for a in d.authorities
        ],
        "sanctions": [_imposed(i, links) for i in d.sanctions],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _said(s: Said, links: Links) -> dict[str, Any]:
    st = s.statement
    return {
        "when": _when(s.when),
        "type": st.statement_type,
        "modality": st.modality,
        "quote_type": st.quote_type,
        "cue": st.cue,
        "target": st.target,
        "content": st.content,
        "speaker_as_written": st.speaker,
        "role": st.role,
        "affiliation": st.affiliation,
        "sources": _sources(s.sources, links),
    }


def _imposed(i: Imposed, links: Links) -> dict[str, Any]:
    sa = i.sanction
    return {
        "when": _when(i.when),
        "authority": sa.authority,
        "authority_as_written": i.written,
        "action": sa.action,
        "target_count": sa.target_count,
        "targets": [_target(t) for t in sa.targets],
        "countries": sa.target_countries,
        "programs": sa.programs,
        "reasons": sa.reasons,
        "sources": _sources(i.sources, links),
    }


def render(d: Digest, fmt: str, links: Links | None = None, top: int | None = None) -> str:
    """The digest as text in ``fmt`` (table, md, html or json); the table is laid out 140 columns wide."""
    if fmt == "json":
        return to_json(d, links)
    if fmt == "md":
        return to_markdown(d, links, top)
    if fmt == "html":
        return to_html(d, links, top)
    with open(os.devnull, "w") as sink:
        console = Console(record=True, width=140, file=sink)
        to_table(d, console, links, top)
    return console.export_text()

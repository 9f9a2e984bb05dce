"""The terminal view, built with rich.

Cells are ``Text`` objects, never markup strings, so a bulletin containing ``[bold]`` or ``[/]`` prints as written
instead of restyling (or crashing) the output; control characters are dropped by :func:`.text.squash` before any
value reaches a cell. :mod:`summarizer.digest` builds its tables with the same helpers.

The view is sized to the terminal it is printed on (``console.width``), so one bulletin fits on a few screens at 80
columns: statements take the full width, each run of statements by one speaker closed by a single line naming
speaker and role, and table columns are as wide as their content up to a share of the terminal. Text wraps only at
spaces; a token too long for its column is cut with an ellipsis rather than broken mid-word, because a broken word
reads as two words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from summarizer.models import Sanction, Statement, Summary

from .text import (
    cue_parts,
    fmt_date,
    mentions,
    period,
    provenance_line,
    role_line,
    sanction_reasons,
    sanction_scope,
    squash,
    statement_citation,
    stype_label,
)

__all__ = ["Col", "fit_width", "panel", "to_table", "wide_table"]

STATUS_MARK = {"exact": "✓", "fuzzy": "≈", "ungrounded": "✗"}

OVERFLOW: Literal["ellipsis"] = "ellipsis"
"""How a wrapping column treats a token longer than itself: cut with "…", never folded mid-word."""

# A rule under the header and between row groups, no outer frame: each frame line and edge column would cost the
# reader a line or a character of text on every screen.
_RULED = box.Box("    \n    \n ── \n    \n ── \n ── \n    \n    \n")


@dataclass(frozen=True)
class Col:
    """A column of a :func:`wide_table`: ``ratio`` 0 keeps its width (numbers, dates, labels) and never wraps;
    the others share the remaining width and wrap at spaces, cutting a token too long for them with an ellipsis."""

    name: str
    ratio: int = 0
    min_width: int | None = None
    justify: Literal["left", "right"] = "left"


def wide_table(
    title: str | Text,
    columns: Sequence[Col],
    *,
    caption: Text | None = None,
    show_lines: bool = False,
    header_style: str = "table.header",
) -> Table:
    """A full-width table with a left-aligned title; rows are left to the caller."""
    table = Table(
        title=title,
        title_justify="left",
        caption=caption,
        caption_justify="left",
        expand=True,
        show_lines=show_lines,
        header_style=header_style,
    )
    for col in columns:
        if col.ratio:
            table.add_column(col.name, ratio=col.ratio, min_width=col.min_width, overflow=OVERFLOW)
        else:
            table.add_column(col.name, no_wrap=True, justify=col.justify)
    return table


def panel(body: Text, title: str, border_style: str = "blue") -> Panel:
    """A boxed block with its title on the left, as the bulletin header and the digest heading are shown."""
    return Panel(body, title=title, title_align="left", border_style=border_style)


def fit_width(cells: Iterable[str], cap: int, floor: int = 1) -> int:
    """A wrapping column's width from its content: its longest line if that fits under ``cap``, else ``cap``.

    Never narrower than its longest word (up to ``cap``), so words are not cut while the column could hold them.
    """
    lines = [line for cell in cells for line in cell.splitlines()]
    longest_line = max((cell_len(line) for line in lines), default=0)
    longest_word = max((cell_len(word) for line in lines for word in line.split()), default=0)
    return max(floor, min(cap, max(longest_line if longest_line <= cap else cap, longest_word)))


def _section(title: str, count: int | None = None) -> Rule:
    """A section's heading drawn as a rule: it separates sections without costing a blank line."""
    heading = Text(title, style="bold")
    if count is not None:
        heading.append(f" {count}", style="dim")
    return Rule(heading, align="left", style="dim")


def _ruled_table() -> Table:
    """A table as wide as the terminal, ruled between row groups rather than boxed."""
    return Table(
        box=_RULED,
        show_edge=False,
        expand=True,
        header_style="bold",
        padding=(0, 1),
        collapse_padding=True,
        pad_edge=False,
    )


def _number(n: int, status: str) -> Text:
    return Text(f"{n}{STATUS_MARK[status]}")


# --- header and overview --------------------------------------------------------------------------------------------


def _header(summary: Summary) -> Text:
    """Title and period, publisher and editor, source: three lines, where a framed block of labelled lines took a
    fifth of a screen at 80 columns."""
    b = summary.bulletin
    header = Text()
    header.append(squash(b.title) or "Untitled bulletin", style="bold")
    when = period(b.period_start, b.period_end)
    if when:
        header.append(f"  {when}", style="bold")
    byline = [(squash(b.publisher), ""), (squash(b.editor), "Editor: ")]
    for i, (value, label) in enumerate((v, lbl) for v, lbl in byline if v):
        header.append("\n" if i == 0 else " · ")
        header.append(label, style="dim")
        header.append(value)
    if b.source:
        header.append("\nSource: ", style="dim")
        header.append(squash(b.source), style="dim")
    return header


def _overview(summary: Summary) -> Table:
    """Numbered points with a hanging indent; an ungrounded one is struck through rather than hidden."""
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(ratio=1, overflow=OVERFLOW)
    for n, point in enumerate(summary.overview, 1):
        struck = point.evidence.status == "ungrounded"
        table.add_row(Text(f"{n}.", style="bold"), Text(squash(point.text), style="dim strike" if struck else ""))
    return table


# --- statements -----------------------------------------------------------------------------------------------------


def _said(st: Statement, cite: str) -> Text:
    """Type, then the sentence as reported (cue verb in bold), the target when the sentence does not name it, and
    the citation when it is not the one the whole run shares."""
    cue, bridge, content = cue_parts(st)
    said = Text()
    said.append(stype_label(st.statement_type), style="italic magenta")
    if st.modality != "asserted":
        said.append(f" ({st.modality})", style="italic magenta")
    said.append(" · ", style="dim")
    if cue:
        said.append(cue, style="bold")
        said.append(" ")
    if bridge:
        said.append(bridge + " ")
    said.append(content)
    target = squash(st.target)
    if target and not mentions(content, target):
        said.append(f" → {target}", style="dim")
    if cite:
        said.append(f" ({cite})", style="dim")
    return said


def _attribution(st: Statement, cite: str) -> Text:
    """``— Hossein Salami, Commander of the IRGC · Defa' Press, 2020-03-28``, closing a run of statements."""
    line = Text("— ", style="dim")
    line.append(squash(st.speaker), style="bold")
    role = role_line(st.role, st.affiliation, st.speaker)
    if role:
        line.append(f", {role}")
    if cite:
        line.append(f" · {cite}", style="dim")
    return line


def _runs(statements: Sequence[Statement]) -> list[list[int]]:
    """Indexes of consecutive statements by one speaker (same name, role and affiliation)."""
    runs: list[list[int]] = []
    for i, st in enumerate(statements):
        if runs and _who(statements[runs[-1][0]]) == _who(st):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _who(st: Statement) -> tuple[str, str]:
    return squash(st.speaker), role_line(st.role, st.affiliation, st.speaker)


def _statements(summary: Summary, console: Console) -> Table:
    """Each statement first, at nearly full width; who said it after the run of statements they made.

    Bulletins quote one official several times in a row; a speaker column repeated the name and a three-line role
    on every row and left the statements a third of the screen, which was most of the view's length at 80 columns.
    The speaker's line is set at the right end of the run's last line when it fits there, and the citation goes on
    it when the whole run shares one, else on each statement.
    """
    rows = summary.statements
    numbers = [_number(i + 1, st.evidence.status) for i, st in enumerate(rows)]
    left = max(n.cell_len for n in numbers)
    text_width = max(20, console.width - left - 1)
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", no_wrap=True, width=left)
    table.add_column(width=text_width, overflow=OVERFLOW)
    for run in _runs(rows):
        cites = {statement_citation(rows[i]) for i in run}
        shared = cites.pop() if len(cites) == 1 else None
        said = {i: _said(rows[i], "" if shared is not None else statement_citation(rows[i])) for i in run}
        byline = _attribution(rows[run[0]], shared or "")
        last = said[run[-1]]
        room = text_width - last.wrap(console, text_width, overflow=OVERFLOW)[-1].cell_len - byline.cell_len
        if room >= 3:
            last.append(" " * room)
            last.append_text(byline)
        for i in run:
            style = "dim" if rows[i].evidence.status == "ungrounded" else ""
            table.add_row(numbers[i], said[i], style=style)
        if room < 3:
            table.add_row(Text(), byline)
    return table


# --- sanctions ------------------------------------------------------------------------------------------------------


def _imposed(sa: Sanction) -> Text:
    """Who, what, when and where reported, stacked: four short values in one column instead of four columns."""
    cell = Text(squash(sa.authority), style="bold")
    for part in (sa.action, fmt_date(sa.announced_on), squash(sa.cited_outlet)):
        if part:
            cell.append("\n" + part)
    return cell


def _details(sa: Sanction) -> Text:
    """Targets first (count as stated, names, countries), then the reasons: the column that gets the width."""
    cell = Text(sanction_scope(sa), style="bold")
    reasons = sanction_reasons(sa)
    if reasons:
        cell.append(("\n" if cell else "") + reasons)
    return cell


def _sanctions(summary: Summary, width: int) -> Table:
    rows = summary.sanctions
    imposed = [_imposed(sa) for sa in rows]
    table = _ruled_table()
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(
        "Authority", width=fit_width((c.plain for c in imposed), cap=max(12, width // 5)), overflow=OVERFLOW
    )
    table.add_column("Targets and reasons", ratio=1, overflow=OVERFLOW)
    for n, (sa, cell) in enumerate(zip(rows, imposed, strict=True), 1):
        style = "dim" if sa.evidence.status == "ungrounded" else ""
        table.add_row(_number(n, sa.evidence.status), cell, _details(sa), style=style, end_section=True)
    return table


def to_table(summary: Summary, console: Console) -> None:
    """Print a rich view of ``summary`` on ``console``, sized to its width; ungrounded items are dimmed, marked ✗."""
    width = console.width
    console.print(_header(summary))
    if summary.overview:
        console.print(_section("Overview"), _overview(summary))
    if summary.statements:
        console.print(_section("Statements", len(summary.statements)), _statements(summary, console))
    if summary.sanctions:
        console.print(_section("Sanctions", len(summary.sanctions)), _sanctions(summary, width))
    if not (summary.overview or summary.statements or summary.sanctions):
        console.print(Text("Nothing was extracted from this bulletin.", style="yellow"))
    console.print(Text(provenance_line(summary), style="dim"))

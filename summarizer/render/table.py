"""The terminal view, built with rich.

Cells are ``Text`` objects, never markup strings, so a bulletin containing ``[bold]`` or ``[/]`` prints as written
instead of restyling (or crashing) the output. :mod:`summarizer.digest` builds its tables with the same helpers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from summarizer.models import Summary

from .text import (
    countries,
    fmt_date,
    period,
    provenance_line,
    sanction_targets,
    squash,
    statement_date,
    stype_label,
)

__all__ = ["Col", "panel", "to_table", "wide_table"]

STATUS_MARK = {"exact": "✓", "fuzzy": "≈", "ungrounded": "✗"}


@dataclass(frozen=True)
class Col:
    """A column of a :func:`wide_table`: ``ratio`` 0 keeps its width (numbers, dates, labels) and never wraps;
    the others share the remaining width and fold long words rather than cutting them off."""

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
            table.add_column(col.name, ratio=col.ratio, min_width=col.min_width, overflow="fold")
        else:
            table.add_column(col.name, no_wrap=True, justify=col.justify)
    return table


def panel(body: Text, title: str, border_style: str = "blue") -> Panel:
    """A boxed block with its title on the left, as the bulletin header and the digest heading are shown."""
    return Panel(body, title=title, title_align="left", border_style=border_style)


_STATEMENT_COLUMNS = (
    Col("#", justify="right"),
    Col("Speaker", 3, min_width=16),
    Col("Role", 3),
    Col("Type"),
    Col("Statement", 6),
    Col("Target", 3, min_width=12),
    Col("Date"),
    Col("Outlet", 2, min_width=8),
)
_SANCTION_COLUMNS = (
    Col("#", justify="right"),
    Col("Authority", 2),
    Col("Action"),
    Col("Date"),
    Col("Count / targets", 2),
    Col("Countries", 1, min_width=9),
    Col("Reasons", 5),
)


def _header(summary: Summary) -> Text:
    b = summary.bulletin
    header = Text()
    header.append(squash(b.title) or "Untitled bulletin", style="bold")
    for label, value in (
        ("Publisher", squash(b.publisher)),
        ("Period", period(b.period_start, b.period_end)),
        ("Editor", squash(b.editor)),
        ("Source", squash(b.source)),
    ):
        if value:
            header.append(f"\n{label}: ", style="dim")
            header.append(value)
    return header


def _overview(summary: Summary) -> Text:
    """Numbered points; an ungrounded one is struck through rather than hidden."""
    lines = Text()
    for n, point in enumerate(summary.overview, 1):
        if n > 1:
            lines.append("\n")
        lines.append(f"{n:>2}. ", style="bold")
        lines.append(squash(point.text), style="dim strike" if point.evidence.status == "ungrounded" else "")
    return lines


def _statements(summary: Summary) -> Table:
    table = wide_table("Statements", _STATEMENT_COLUMNS, show_lines=True, header_style="bold")
    for n, st in enumerate(summary.statements, 1):
        style = "dim" if st.evidence.status == "ungrounded" else ""
        table.add_row(
            Text(f"{n}{STATUS_MARK[st.evidence.status]}"),
            Text(squash(st.speaker), style="bold"),
            Text(", ".join(p for p in (squash(st.role), squash(st.affiliation)) if p)),
            Text(stype_label(st.statement_type)),
            Text(squash(st.content)),
            Text(squash(st.target)),
            Text(fmt_date(statement_date(st))),
            Text(squash(st.cited_outlet)),
            style=style,
        )
    return table


def _sanctions(summary: Summary) -> Table:
    table = wide_table("Sanctions", _SANCTION_COLUMNS, show_lines=True, header_style="bold")
    for n, sa in enumerate(summary.sanctions, 1):
        table.add_row(
            Text(f"{n}{STATUS_MARK[sa.evidence.status]}"),
            Text(squash(sa.authority), style="bold"),
            Text(sa.action),
            Text(fmt_date(sa.announced_on)),
            Text(sanction_targets(sa)),
            Text(countries(sa)),
            Text("; ".join(squash(r) for r in sa.reasons)),
            style="dim" if sa.evidence.status == "ungrounded" else "",
        )
    return table


def to_table(summary: Summary, console: Console) -> None:
    """Print a rich view of ``summary`` on ``console``; ungrounded items are shown dimmed, marked ✗."""
    console.print(panel(_header(summary), "Bulletin"))
    if summary.overview:
        console.print(panel(_overview(summary), "Overview", "cyan"))
    if summary.statements:
        console.print(_statements(summary))
    if summary.sanctions:
        console.print(_sanctions(summary))
    if not (summary.overview or summary.statements or summary.sanctions):
        console.print(Text("Nothing was extracted from this bulletin.", style="yellow"))
    console.print(Text(provenance_line(summary), style="dim"))

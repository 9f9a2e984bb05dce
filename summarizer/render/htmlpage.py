"""The shell of every HTML page this tool writes, and the cells both the report and the digest are built from.

A page is one self-contained file (inline CSS and, for the report, inline JS; no network access, locked down by a
CSP meta tag) so it can be mailed, archived or opened on an air-gapped workstation and still look the same. The
stylesheet and script are package data files, read once, so they can be edited and linted as CSS and JS.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources

from .text import esc, stype_label

__all__ = [
    "CSP",
    "CSP_NO_SCRIPT",
    "action_pill",
    "asset",
    "count_badge",
    "items_table",
    "muted",
    "page",
    "stype_pill",
    "td",
]

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
"""No fetches of any kind; only the page's own inline style and script. ``base-uri``/``form-action`` do not fall back
to ``default-src``, hence listed."""

CSP_NO_SCRIPT = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
"""For pages without a script (the digest): not even inline script may run."""


@cache
def asset(name: str) -> str:
    """A file from ``static/`` (``report.css``, ``report.js``), read from the installed package once per process."""
    return (resources.files(__package__) / "static" / name).read_text(encoding="utf-8")


def page(title: str, body: str, *, css: str = "", script: str = "") -> str:
    """A self-contained HTML page: the shared stylesheet plus ``css``, and ``script`` if any, all inline.

    The policy follows the content: a page given no script gets one that forbids script altogether.
    """
    csp = CSP if script else CSP_NO_SCRIPT
    tail = f"<script>\n{script}</script>\n" if script else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<style>
{asset("report.css")}{css}</style>
</head>
<body>
<div class="page">
{body}
</div>
{tail}</body>
</html>
"""


def td(value: object, cls: str = "") -> str:
    """A table cell holding escaped text."""
    klass = f' class="{cls}"' if cls else ""
    return f"<td{klass}>{esc(value)}</td>"


def muted(value: str) -> str:
    """A grey second line under a cell's main value; nothing when there is no value."""
    return f'<div class="muted">{esc(value)}</div>' if value else ""


def stype_pill(stype: str) -> str:
    """A statement type as a coloured pill (``report.css`` colours each ``st-*`` class)."""
    return f'<span class="pill st-{esc(stype)}">{esc(stype_label(stype))}</span>'


def action_pill(action: str) -> str:
    """A sanctions action (designate, delist, ...) as a coloured pill."""
    return f'<span class="pill act-{esc(action)}">{esc(action)}</span>'


def count_badge(n: int) -> str:
    return f'<span class="count">{n}</span>'


def items_table(head: Sequence[str], rows: Iterable[str], variant: str = "") -> str:
    """A horizontally scrollable ``items`` table; ``variant`` adds a ``t-*`` class for per-table column widths."""
    ths = "".join(f"<th>{esc(h)}</th>" for h in head)
    klass = f"items t-{variant}" if variant else "items"
    return (
        f'<div class="tablewrap"><table class="{klass}"><thead><tr>{ths}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )

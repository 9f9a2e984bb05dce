"""Cell text every format shares, and the escaping each target format needs.

The per-bulletin renderers and :mod:`summarizer.digest` word dates, citations and sanction targets the same way, so
a value reads alike in the terminal, the brief and the report; the wording lives here once. Escapers take hostile
text (scraped bulletins, model echoes) and return something that can only be read as text in the target format.
"""

from __future__ import annotations

import html
import re
from datetime import date

from summarizer.models import Sanction, Statement, Summary

__all__ = [
    "citation",
    "countries",
    "esc",
    "esc_md",
    "fmt_date",
    "period",
    "provenance_line",
    "sanction_citation",
    "sanction_targets",
    "squash",
    "statement_citation",
    "statement_date",
    "stype_label",
    "target_count",
    "target_names",
]


def squash(value: str | None) -> str:
    """Collapse whitespace so a stray newline in a field cannot break a table row or a Markdown list item."""
    return " ".join(value.split()) if value else ""


def fmt_date(value: date | None) -> str:
    """ISO dates everywhere: unambiguous across the many locales bulletins are read in."""
    return value.isoformat() if value else ""


def period(start: date | None, end: date | None) -> str:
    """One date for single-day documents, a range otherwise."""
    if start and end and start != end:
        return f"{start.isoformat()} – {end.isoformat()}"
    return fmt_date(start or end)


def citation(outlet: str | None, when: date | None) -> str:
    """``Tasnim, 2020-04-02``: the form analysts paste after a claim; empty when the bulletin gave no source."""
    return ", ".join(part for part in (squash(outlet), fmt_date(when)) if part)


def statement_citation(st: Statement) -> str:
    return citation(st.cited_outlet, st.cited_date or st.said_on)


def sanction_citation(sa: Sanction) -> str:
    return citation(sa.cited_outlet, sa.announced_on)


def statement_date(st: Statement) -> date | None:
    """The day it was said, else the day the outlet reported it."""
    return st.said_on or st.cited_date


def stype_label(stype: str) -> str:
    """``accuse_condemn`` as people read it: ``accuse condemn``."""
    return stype.replace("_", " ")


def target_count(sa: Sanction) -> str:
    """The count the source states, kept apart from the names: "30 entities" may name only three of them."""
    return "" if sa.target_count is None else str(sa.target_count)


def target_names(sa: Sanction) -> str:
    return ", ".join(squash(t.name) for t in sa.targets)


def countries(sa: Sanction) -> str:
    return ", ".join(squash(c) for c in sa.target_countries)


def sanction_targets(sa: Sanction) -> str:
    """Stated count first (it is what the source says), then the named targets."""
    names, count = target_names(sa), target_count(sa)
    if count and names:
        return f"{count} (incl. {names})"
    return count or names


def provenance_line(summary: Summary) -> str:
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


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def esc_md(value: str | None) -> str:
    """Backslash-escape Markdown syntax and raw HTML so bulletin text stays text wherever the brief is pasted."""
    return _MD_SPECIAL.sub(r"\\\1", squash(value))


def esc(value: object) -> str:
    """Escape for HTML element content and quoted attributes alike, so one escaper fits every slot."""
    return html.escape("" if value is None else str(value), quote=True)

"""The Markdown brief: one page an analyst can paste into a report, every value backslash-escaped."""

from __future__ import annotations

from summarizer.models import Sanction, Statement, Summary

from .text import esc_md, period, provenance_line, sanction_citation, sanction_targets, statement_citation, stype_label

__all__ = ["to_markdown"]


def _cite(citation: str) -> str:
    return f" — {esc_md(citation)}" if citation else ""


def _statement(st: Statement) -> str:
    who = f"**{esc_md(st.speaker)}**"
    role = ", ".join(p for p in (esc_md(st.role), esc_md(st.affiliation)) if p)
    if role:
        who += f" ({role})"
    kind = stype_label(st.statement_type)
    extra = "" if st.modality == "asserted" else f", {st.modality}"
    target = f" → {esc_md(st.target)}" if st.target else ""
    return f"- {who} *\\[{kind}{extra}{target}\\]*: {esc_md(st.content)}{_cite(statement_citation(st))}"


def _sanction(sa: Sanction) -> str:
    head = f"**{esc_md(sa.authority)}** — {sa.action}"
    targets = sanction_targets(sa)
    if targets:
        head += f" {esc_md(targets)} target{'s' if sa.target_count != 1 else ''}"
    if sa.target_countries:
        head += f" in {esc_md(', '.join(sa.target_countries))}"
    if sa.announced_on:
        head += f" ({sa.announced_on.isoformat()})"
    details = []
    if sa.reasons:
        details.append("for " + "; ".join(esc_md(r) for r in sa.reasons))
    if sa.beneficiaries:
        details.append("benefiting " + ", ".join(esc_md(x) for x in sa.beneficiaries))
    if sa.programs:
        details.append("under " + ", ".join(esc_md(x) for x in sa.programs))
    body = (": " + ", ".join(details)) if details else ""
    return f"- {head}{body}{_cite(sanction_citation(sa))}"


def to_markdown(summary: Summary) -> str:
    """A one-page brief an analyst can paste into a report.

    Items whose evidence could not be found in the bulletin are kept, but only in a final "Unverified" list: a brief
    must not present them as facts, and silently dropping them would hide extraction problems.
    """
    b = summary.bulletin
    lines = [f"# {esc_md(b.title) or 'Bulletin summary'}", ""]
    meta = [
        f"**{label}:** {value}"
        for label, value in (
            ("Publisher", esc_md(b.publisher)),
            ("Period", period(b.period_start, b.period_end)),
            ("Editor", esc_md(b.editor)),
        )
        if value
    ]
    if meta:
        lines += [" · ".join(meta), ""]

    unverified: list[str] = []
    overview = [p for p in summary.overview if p.evidence.status != "ungrounded"]
    if overview:
        lines += ["## Overview", ""]
        lines += [f"{n}. {esc_md(p.text)}" for n, p in enumerate(overview, 1)]
        lines.append("")
    unverified += [f"- Overview: {esc_md(p.text)}" for p in summary.overview if p.evidence.status == "ungrounded"]

    for heading, items, fmt in (
        ("Statements", summary.statements, _statement),
        ("Sanctions", summary.sanctions, _sanction),
    ):
        grounded = [fmt(x) for x in items if x.evidence.status != "ungrounded"]  # type: ignore[arg-type]
        if grounded:
            lines += [f"## {heading}", "", *grounded, ""]
        unverified += [fmt(x) for x in items if x.evidence.status == "ungrounded"]  # type: ignore[arg-type]

    if unverified:
        lines += ["## Unverified (not found in the source text)", "", *unverified, ""]
    if not (summary.overview or summary.statements or summary.sanctions):
        lines += ["*Nothing was extracted from this bulletin.*", ""]

    lines += ["---", "", f"*{esc_md(provenance_line(summary))}*", ""]
    return "\n".join(lines)

"""Cell text every format shares, and the escaping each target format needs.

The per-bulletin renderers and :mod:`summarizer.digest` word dates, citations and sanction targets the same way, so
a value reads alike in the terminal, the brief and the report; the wording lives here once. Escapers take hostile
text (scraped bulletins, model echoes) and return something that can only be read as text in the target format.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache

from summarizer import aliases
from summarizer.models import Sanction, Statement, Summary
from summarizer.text import initials

__all__ = [
    "citation",
    "countries",
    "cue_parts",
    "esc",
    "esc_md",
    "fmt_date",
    "line_span",
    "mentions",
    "period",
    "provenance_line",
    "role_line",
    "sanction_citation",
    "sanction_reasons",
    "sanction_scope",
    "sanction_targets",
    "short_date",
    "squash",
    "statement_citation",
    "statement_date",
    "stype_label",
    "target_count",
    "target_names",
]

# C0/C1 controls (escape sequences would restyle or move the cursor in a terminal) and the bidi embeddings,
# overrides and isolates that make text display in an order other than the one it is stored in.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def squash(value: str | None) -> str:
    """Collapse whitespace and drop control characters, so a stray newline in a field cannot break a table row or a
    Markdown list item, and an escape sequence in a bulletin cannot reach the reader's terminal."""
    return _CONTROL.sub("", " ".join(value.split())) if value else ""


def fmt_date(value: date | None) -> str:
    """ISO dates everywhere: unambiguous across the many locales bulletins are read in."""
    return value.isoformat() if value else ""


def period(start: date | None, end: date | None) -> str:
    """One date for single-day documents, a range otherwise."""
    if start and end and start != end:
        return f"{start.isoformat()} – {end.isoformat()}"
    return fmt_date(start or end)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(value: date | None, year: int | None = None) -> str:
    """``3 Apr`` for running text, as editors write it; the year only when it is not the document's ``year``.

    Month names are spelled here rather than by ``strftime`` so the output does not change with the locale."""
    if not value:
        return ""
    day = f"{value.day} {_MONTHS[value.month - 1]}"
    return day if value.year == year else f"{day} {value.year}"


DateFormat = Callable[[date | None], str]


def citation(outlet: str | None, when: date | None, fmt: DateFormat = fmt_date) -> str:
    """``Tasnim, 2020-04-02``: the form analysts paste after a claim; empty when the bulletin gave no source."""
    return ", ".join(part for part in (squash(outlet), fmt(when)) if part)


def statement_citation(st: Statement, fmt: DateFormat = fmt_date) -> str:
    return citation(st.cited_outlet, st.cited_date or st.said_on, fmt)


def sanction_citation(sa: Sanction, fmt: DateFormat = fmt_date) -> str:
    return citation(sa.cited_outlet, sa.announced_on, fmt)


def line_span(text: str, start: int, end: int) -> str:
    """``L12`` or ``L12–14``: where a span sits in the bulletin, in the unit people scroll and grep by."""
    first = text.count("\n", 0, start) + 1
    last = first + text.count("\n", start, max(start, end - 1))
    return f"L{first}" if last == first else f"L{first}–{last}"


# --- speakers -------------------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def mentions(text: str, name: str) -> bool:
    """Whether ``text`` already names ``name``: "Commander of the IRGC" names "IRGC" and "Islamic Revolutionary Guard
    Corps"; "Iranian Ambassador" names "Iran".

    Compared in the alias table's folded form (case, accents, punctuation), as whole words, or as a word's stem for a
    one-word name (country and demonym); any spelling of the name's alias group, or its initials, also counts.
    """
    hay, needle = aliases.key(text), aliases.key(name)
    if not hay or not needle:
        return False
    if re.search(rf"\b{re.escape(needle)}\b", hay):
        return True
    if " " not in needle and len(needle) >= 4 and re.search(rf"\b{re.escape(needle)}", hay):
        return True
    words = hay.split()
    canon = aliases.canonical(name)
    for n in range(1, min(6, len(words)) + 1):
        for i in range(len(words) - n + 1):
            if aliases.canonical(" ".join(words[i : i + n])) == canon:
                return True
    return _acronym_of(name, text) or _acronym_of(text, name)


def _acronym_of(short: str, long: str) -> bool:
    """Whether a word of ``short`` is the initials of consecutive capitalised words of ``long`` ("EC" and "the
    Expediency Council"); short words such as "of" and "the" between them are skipped."""
    acronyms = {w for w in re.findall(r"\b[A-Z]{2,6}\b", short)}
    if not acronyms:
        return False
    spelled = initials(long)
    return any(a in spelled for a in acronyms)


def role_line(role: str | None, affiliation: str | None, speaker: str | None = None) -> str:
    """``Commander of the IRGC``, not ``Commander of the IRGC, IRGC``: the affiliation only when neither the role nor
    the speaker's name (an organisation speaking for itself) already names it, since repeating it costs the reader a
    line per row and says nothing new."""
    role, affiliation = squash(role), squash(affiliation)
    if affiliation and any(mentions(squash(x), affiliation) for x in (role, speaker) if x):
        affiliation = ""
    return ", ".join(p for p in (role, affiliation) if p)


_BRIDGE_MAX = 60
"""Longest run of words kept between a cue and its content: "posted on his Twitter account (March 31), that"."""


def cue_parts(st: Statement) -> tuple[str, str, str]:
    """``(cue, bridge, content)`` so the reporting verb can be set apart and the sentence still reads as written.

    The bridge is what the evidence has between the cue and the content ("that", "the United States, stating
    that"); it is empty when the cue or content cannot be found in the evidence, or when the gap is too long to be
    a bridge (then the cue is followed by the content directly).
    """
    cue, content = squash(st.cue), squash(st.content)
    if cue and content.lower().startswith(cue.lower() + " "):
        return cue, "", content[len(cue) + 1 :]  # an extractor that kept the cue in the content
    said = squash(st.evidence.text)
    at = said.find(content) if content else -1
    if not cue or at < 0:
        return cue, "", content
    found = [m.end() for m in re.finditer(rf"\b{re.escape(cue)}\b", said[:at], re.IGNORECASE)]
    bridge = said[found[-1] : at].strip() if found else ""
    if not found or len(bridge) > _BRIDGE_MAX or re.search(r"[.!?]\s", bridge):
        return cue, "", content  # no bridge across a sentence end: the cue belongs to another sentence
    return cue, bridge, content


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


def sanction_scope(sa: Sanction) -> str:
    """``20 (incl. Kataeb Hezbollah) in Iran, Iraq``: whom, and where, in one phrase."""
    where = countries(sa)
    return " ".join(p for p in (sanction_targets(sa), f"in {where}" if where else "") if p)


def sanction_reasons(sa: Sanction) -> str:
    """The conduct cited, then who benefited and under which programme: why, in one phrase."""
    parts = ["; ".join(squash(r) for r in sa.reasons)]
    if sa.beneficiaries:
        parts.append("benefiting " + ", ".join(squash(x) for x in sa.beneficiaries))
    if sa.programs:
        parts.append("under " + ", ".join(squash(x) for x in sa.programs))
    return "; ".join(p for p in parts if p)


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

"""Fold duplicates that overlapping chunks, repeated mentions or two backends produce."""

from __future__ import annotations

from rapidfuzz import fuzz

from .ground import fold
from .models import OverviewPoint, Sanction, Statement

SAME_CONTENT = 80.0
"""Content similarity (0-100) above which two statements of one speaker are one statement."""


def _overlap(a: Statement | Sanction, b: Statement | Sanction) -> bool:
    return a.evidence.start < b.evidence.end and b.evidence.start < a.evidence.end


def same_statement(a: Statement, b: Statement) -> bool:
    """Same speaker, date and outlet, and the same words or the same source span with the same cue."""
    if fold(a.speaker_canonical or a.speaker) != fold(b.speaker_canonical or b.speaker):
        return False
    if (a.said_on, a.cited_outlet) != (b.said_on, b.cited_outlet):
        return False
    if fuzz.ratio(fold(a.content), fold(b.content)) >= SAME_CONTENT:
        return True
    return _overlap(a, b) and (a.cue or "") == (b.cue or "")


def same_sanction(a: Sanction, b: Sanction) -> bool:
    return (fold(a.authority), a.announced_on, a.action) == (fold(b.authority), b.announced_on, b.action)


def _union(*lists: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for items in lists:
        for item in items:
            seen.setdefault(fold(item), item)
    return list(seen.values())


def statements(items: list[Statement]) -> list[Statement]:
    kept: list[Statement] = []
    for item in sorted(items, key=lambda s: s.evidence.start):
        if not any(same_statement(item, k) for k in kept):
            kept.append(item)
    return kept


def sanctions(items: list[Sanction]) -> list[Sanction]:
    """One record per action; the lists of duplicates are unioned, so no detail is lost."""
    kept: list[Sanction] = []
    for item in sorted(items, key=lambda s: s.evidence.start):
        twin = next((k for k in kept if same_sanction(item, k)), None)
        if twin is None:
            kept.append(item)
            continue
        names = {fold(t.name) for t in twin.targets}
        twin.targets += [t for t in item.targets if fold(t.name) not in names]
        twin.target_countries = _union(twin.target_countries, item.target_countries)
        twin.reasons = _union(twin.reasons, item.reasons)
        twin.programs = _union(twin.programs, item.programs)
        twin.beneficiaries = _union(twin.beneficiaries, item.beneficiaries)
        twin.target_count = twin.target_count or item.target_count
    return kept


def overview(items: list[OverviewPoint]) -> list[OverviewPoint]:
    kept: list[OverviewPoint] = []
    for item in items:
        if not any(fold(item.text) == fold(k.text) for k in kept):
            kept.append(item)
    return kept

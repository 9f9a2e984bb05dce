"""Fold duplicates that repeated mentions produce, and the records of several extractors into one set.

Policy across extractors (:func:`combine`): the first extractor's record stands, field by field; a later
extractor's record of the same item (same speaker and overlapping evidence; for an action, the same sentence or the
same authority, day and action) only fills the fields the first left empty, and is recorded as having found it too.
A record no earlier extractor found is added whole. The rules come first: on the gold set they are the more precise
reader, and the model's value is in what they miss.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from itertools import chain
from typing import TypeVar

from rapidfuzz import fuzz, process

from .models import Origin, OverviewPoint, Sanction, Statement
from .text import fold, unique

R = TypeVar("R", Statement, Sanction)

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
    """Same authority, day and action, unless the two are told apart: each names targets and none are shared, each
    gives a legal basis and none is shared, or they share no target and state different counts (two listings of one
    day: "is designating six entities ... is also designating one individual and one entity pursuant to ...")."""
    if (fold(a.authority), a.announced_on, a.action) != (fold(b.authority), b.announced_on, b.action):
        return False
    shared = {fold(t.name) for t in a.targets} & {fold(t.name) for t in b.targets}
    names = a.targets and b.targets and not shared
    bases = a.programs and b.programs and not {fold(p) for p in a.programs} & {fold(p) for p in b.programs}
    stated = (a.target_count, b.target_count)
    counts = not shared and None not in stated and stated[0] != stated[1]
    return not (names or bases or counts)


def _union(*lists: list[str]) -> list[str]:
    return unique(chain.from_iterable(lists), key=fold)


def _statement_key(item: Statement) -> tuple[str, object, str | None]:
    """What :func:`same_statement` requires to be equal; only statements sharing it are compared."""
    return fold(item.speaker_canonical or item.speaker), item.said_on, item.cited_outlet


def statements(items: list[Statement]) -> list[Statement]:
    """Keep the first of each group of :func:`same_statement` duplicates.

    Same result as comparing every pair, but only within groups sharing speaker, date and outlet, and the content
    comparison runs in rapidfuzz's C loop: pairwise Python comparison made a long input (thousands of statements)
    run for minutes to hours.
    """
    kept: list[Statement] = []
    # per group: folded contents of the kept statements, and a heap by evidence end of those a later one may overlap
    buckets: dict[tuple[str, object, str | None], tuple[list[str], list[tuple[int, int, Statement]]]] = {}
    for item in sorted(items, key=lambda s: s.evidence.start):
        contents, open_spans = buckets.setdefault(_statement_key(item), ([], []))
        while open_spans and open_spans[0][0] <= item.evidence.start:  # ends before this (and every later) start
            heapq.heappop(open_spans)
        content = fold(item.content)
        if process.extractOne(content, contents, scorer=fuzz.ratio, score_cutoff=SAME_CONTENT) is not None:
            continue
        if any(_overlap(item, k) and (item.cue or "") == (k.cue or "") for _, _, k in open_spans):
            continue
        kept.append(item)
        contents.append(content)
        heapq.heappush(open_spans, (item.evidence.end, len(kept), item))
    return kept


def sanctions(items: list[Sanction]) -> list[Sanction]:
    """One record per action; the lists of duplicates are unioned, so no detail is lost."""
    kept: list[Sanction] = []
    first: dict[tuple[str, object, str], list[Sanction]] = {}  # same_sanction's key -> the records kept for it
    for item in sorted(items, key=lambda s: s.evidence.start):
        key = (fold(item.authority), item.announced_on, item.action)
        twin = next((k for k in first.get(key, []) if same_sanction(k, item)), None)
        if twin is None:
            kept.append(item)
            first.setdefault(key, []).append(item)
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
    return unique(items, key=lambda item: fold(item.text))


STATEMENT_FILLS = ("role", "affiliation", "target", "said_on", "cited_outlet", "cited_date")
SANCTION_FILLS = (
    "issuing_country",
    "announced_on",
    "target_count",
    "targets",
    "target_countries",
    "reasons",
    "programs",
    "beneficiaries",
)


def _speaker_matches(a: Statement, b: Statement) -> bool:
    """Same speaker, or the same surname: one extractor may name "Araghchi" where the other read "Abbas Araghchi"."""
    x, y = fold(a.speaker).split(), fold(b.speaker).split()
    return x == y or (bool(x) and bool(y) and x[-1] == y[-1])


def _fill(first: Statement | Sanction, later: Statement | Sanction, name: str, fields: tuple[str, ...]) -> None:
    """Give ``first`` the fields it lacks from ``later``, and note who found and who filled what."""
    origin = first.origin or Origin(extractors=[])
    if name not in origin.extractors:
        origin.extractors.append(name)
    for field in fields:
        if not getattr(first, field) and getattr(later, field):
            setattr(first, field, getattr(later, field))
            origin.fields[field] = name
    first.origin = origin


def _twin_statement(item: Statement, kept: list[Statement]) -> Statement | None:
    same = [k for k in kept if _overlap(k, item) and _speaker_matches(k, item)]
    return next((k for k in same if k.cue == item.cue), same[0] if same else None)


def _twin_sanction(item: Sanction, kept: list[Sanction]) -> Sanction | None:
    return next((k for k in kept if _overlap(k, item) and k.action == item.action), None) or next(
        (k for k in kept if same_sanction(k, item)), None
    )


def combine(found: list[tuple[str, list[Statement], list[Sanction]]]) -> tuple[list[Statement], list[Sanction]]:
    """The records of every extractor (name, statements, sanctions), first extractor first, as one set."""
    statements: list[Statement] = []
    sanctions: list[Sanction] = []
    for name, said, imposed in found:
        _join(name, said, statements, _twin_statement, STATEMENT_FILLS)
        _join(name, imposed, sanctions, _twin_sanction, SANCTION_FILLS)
    return statements, sanctions


def _join(
    name: str, items: list[R], kept: list[R], twin_of: Callable[[R, list[R]], R | None], fills: tuple[str, ...]
) -> None:
    """One extractor's records into ``kept``: a twin among the earlier extractors' records is filled, else added."""
    earlier = list(kept)
    for item in items:
        twin = twin_of(item, earlier)
        if twin is None:
            kept.append(item.model_copy(update={"origin": Origin(extractors=[name])}))
        else:
            _fill(twin, item, name, fills)

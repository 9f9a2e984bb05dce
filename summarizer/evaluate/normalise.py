"""Fold values to the form two spellings are compared in, and measure how close two values are.

Names go through the document's alias table before any fuzzy measure: transliterations are too far
apart for a similarity threshold to join them without also joining different people.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import lru_cache

import numpy as np
from rapidfuzz.distance import Indel, JaroWinkler
from rapidfuzz.process import cdist

from ..aliases import key as alias_key
from ..layout import SECTION_NUMBER


@lru_cache(maxsize=1 << 16)
def norm(text: str | None) -> str:
    """Fold a string to the form two spellings are compared in (the alias table's key, cached)."""
    return alias_key(text)


def name_key(name: str | None) -> str:
    """A name's comparison form: a leading article is no part of it ("the United Kingdom" = "United Kingdom")."""
    folded = norm(name)
    return folded[4:] if folded.startswith("the ") and len(folded) > 4 else folded


def heading_key(heading: str) -> str:
    """A section heading without its number: "2. IRAQ" is the section "IRAQ"."""
    return SECTION_NUMBER.sub("", heading)


_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%Y/%m/%d")


def norm_date(value: date | str | None) -> str | None:
    """A date as ISO ``YYYY-MM-DD``; strings in ISO or common English forms are parsed, others folded."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = value.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    cleaned = " ".join(text.replace(".", "").split())
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return norm(text)


@lru_cache(maxsize=1 << 16)
def _bag(text: str) -> tuple[Counter[str], int]:
    words = norm(text).split()
    return Counter(words), len(words)


def token_f1(a: str | None, b: str | None) -> float:
    """Word-overlap F1 (multiset) after normalisation: partial credit for content and reasons."""
    (ca, na), (cb, nb) = _bag(a or ""), _bag(b or "")
    if not na or not nb:
        return float(na == nb)
    if len(ca) > len(cb):
        ca, cb = cb, ca
    common = 0
    for word, count in ca.items():
        other = cb.get(word)
        if other:
            common += count if count < other else other
    return 2.0 * common / (na + nb)


def text_sim(a: str | None, b: str | None) -> float:
    """Character similarity (normalised Indel, as rapidfuzz ``ratio``) for short text fields."""
    return Indel.normalized_similarity(norm(a), norm(b))


class Names:
    """A document's alias table: resolves spellings to a canonical form and compares names.

    Names resolve through the table first (exact after normalisation); only then fuzzily, with
    Jaro-Winkler against every spelling of the name's group. Two names in different groups are
    known to be different people and score 0, however close their spellings.
    """

    def __init__(self, aliases: Iterable[Sequence[str]] = ()) -> None:
        self._canon: dict[str, str] = {}
        self._groups: dict[str, list[str]] = {}
        for group in aliases:
            spellings = [n for n in (name_key(s) for s in group) if n]
            if not spellings:
                continue
            canon = self._canon.get(spellings[0], spellings[0])
            members = self._groups.setdefault(canon, [canon])
            for spelling in spellings:
                if spelling not in self._canon:
                    self._canon[spelling] = canon
                    if spelling not in members:
                        members.append(spelling)
        self._resolved: dict[str | None, str] = {}

    def resolve(self, name: str | None) -> str:
        """Normalised canonical spelling of ``name`` (itself, normalised, when not in the table)."""
        resolved = self._resolved.get(name)
        if resolved is None:
            folded = name_key(name)
            resolved = self._resolved[name] = self._canon.get(folded, folded)
        return resolved

    def sim(self, a: str | None, b: str | None) -> float:
        """Similarity in [0, 1] of two names: 1 when the table says they are one name."""
        return self._resolved_sim(self.resolve(a), self.resolve(b))

    def matrix(self, rows: Sequence[str | None], cols: Sequence[str | None]) -> np.ndarray:
        """:meth:`sim` of every (row, column) pair; Jaro-Winkler runs in C (rapidfuzz ``cdist``)."""
        ra, rb = [self.resolve(x) for x in rows], [self.resolve(y) for y in cols]
        out = cdist(ra, rb, scorer=JaroWinkler.normalized_similarity, dtype=np.float64)
        out[:, [j for j, y in enumerate(rb) if not y]] = 0.0
        out[[i for i, x in enumerate(ra) if not x], :] = 0.0
        for i, x in enumerate(ra):
            if x in self._groups:
                out[i, :] = [self._resolved_sim(x, y) for y in rb]
        for j, y in enumerate(rb):
            if y in self._groups:
                out[:, j] = [self._resolved_sim(x, y) for x in ra]
        return out

    def _resolved_sim(self, ra: str, rb: str) -> float:
        if not ra or not rb:
            return 0.0
        if ra == rb:
            return 1.0
        ga, gb = self._groups.get(ra), self._groups.get(rb)
        if ga is None and gb is None:
            return _jaro_winkler(ra, rb)
        if ga is not None and gb is not None:
            return 0.0
        return max(_jaro_winkler(x, y) for x in (ga or (ra,)) for y in (gb or (rb,)))


@lru_cache(maxsize=1 << 18)
def _jaro_winkler(a: str, b: str) -> float:
    return JaroWinkler.normalized_similarity(a, b)


NO_ALIASES = Names()
"""The table of a document that lists no aliases: every name stands for itself."""
